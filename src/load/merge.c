/* Several files merged on (entity, time): an outer join whose row set and
 * column order do not depend on the order the files are given in beyond
 * column order (rows are sorted by key either way). */
#include "load_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What cpr_label_cmp looks at, worked out once per distinct label: whether
 * it is an integer (and its value) and its rank in strcmp order. Comparing
 * two labels then gives exactly cpr_label_cmp's answer without strtoll and
 * strcmp on every comparison, so sorting and searching the merged keys
 * behave as before, only faster. */
typedef struct { int is_int; long long v; size_t srank; } label_info;
typedef struct { const char *label; int t; int id; } mkey;

static const label_info *g_info; /* for cmp_mkey: qsort has no context */

static int cmp_mkey(const void *a, const void *b)
{
    const mkey *x = a, *y = b;
    if (x->id != y->id) {
        const label_info *p = &g_info[x->id], *q = &g_info[y->id];
        int c = cpr_label_int_order(p->is_int, p->v, q->is_int, q->v);
        if (c) return c;
        return p->srank < q->srank ? -1 : 1; /* distinct strings: strcmp != 0 */
    }
    return (x->t > y->t) - (x->t < y->t);
}

static const char *const *g_labels;
static int cmp_label_id(const void *a, const void *b)
{
    return strcmp(g_labels[*(const int *)a], g_labels[*(const int *)b]);
}

static long find_key(const mkey *keys, size_t n, const mkey *k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_mkey(&keys[mid], k) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && cmp_mkey(&keys[lo], k) == 0 ? (long)lo : -1;
}

static int merge_two_or_more(cpr_frame **fs, size_t nf, const cpr_load_opts *opts, cpr_frame **out)
{
    size_t total = 0;
    for (size_t i = 0; i < nf; i++) {
        if (!fs[i]->entity)
            return cpr_fail(CPR_E_NOKEY, "%s: no entity/time columns, so it cannot be merged with other files; name them with --entity/--time", fs[i]->source);
        total += fs[i]->nrow;
    }
    /* Distinct entity labels over all files, and each file's codes as ids. */
    cpr_strmap labels;
    cpr_strmap_init(&labels);
    int **gid = cpr_calloc(nf, sizeof *gid);
    for (size_t i = 0; i < nf; i++) {
        gid[i] = cpr_malloc((fs[i]->n_entities ? fs[i]->n_entities : 1) * sizeof(int));
        for (size_t e = 0; e < fs[i]->n_entities; e++)
            gid[i][e] = cpr_strmap_intern(&labels, fs[i]->entity_labels[e], strlen(fs[i]->entity_labels[e]));
    }
    size_t nl = labels.n;
    label_info *info = cpr_malloc((nl ? nl : 1) * sizeof *info);
    int *order = cpr_malloc((nl ? nl : 1) * sizeof *order);
    for (size_t l = 0; l < nl; l++) {
        info[l].is_int = cpr_label_is_integer(labels.keys[l], &info[l].v);
        order[l] = (int)l;
    }
    g_labels = (const char *const *)labels.keys;
    qsort(order, nl, sizeof *order, cmp_label_id);
    for (size_t l = 0; l < nl; l++) info[order[l]].srank = l;
    free(order);
    g_info = info;

    mkey *all = cpr_malloc((total ? total : 1) * sizeof *all);
    size_t m = 0;
    for (size_t i = 0; i < nf; i++)
        for (size_t r = 0; r < fs[i]->nrow; r++)
            all[m++] = (mkey){fs[i]->entity_labels[fs[i]->entity[r]], fs[i]->time[r], gid[i][fs[i]->entity[r]]};
    qsort(all, m, sizeof *all, cmp_mkey);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || cmp_mkey(&all[u - 1], &all[i]) != 0) all[u++] = all[i];

    cpr_frame *f = cpr_frame_alloc();
    f->nrow = u;
    f->entity_name = cpr_strdup(fs[0]->entity_name);
    f->time_name = cpr_strdup(fs[0]->time_name);
    f->entity = cpr_malloc(u * sizeof(int));
    f->time = cpr_malloc(u * sizeof(int));
    f->entity_labels = cpr_malloc(u * sizeof(char *));
    size_t ne = 0;
    for (size_t i = 0; i < u; i++) {
        if (ne == 0 || strcmp(f->entity_labels[ne - 1], all[i].label) != 0)
            f->entity_labels[ne++] = cpr_strdup(all[i].label);
        f->entity[i] = (int)ne - 1;
        f->time[i] = all[i].t;
    }
    f->n_entities = ne;
    size_t srclen = 0;
    for (size_t i = 0; i < nf; i++) srclen += strlen(fs[i]->source) + 2;
    f->source = cpr_calloc(srclen + 1, 1);
    for (size_t i = 0; i < nf; i++) {
        if (i) strcat(f->source, "+");
        strcat(f->source, fs[i]->source);
    }

    int rc = CPR_OK;
    size_t *matched = cpr_calloc(u, sizeof *matched);
    for (size_t i = 0; i < nf && !rc; i++) {
        cpr_frame *g = fs[i];
        size_t *pos = cpr_malloc((g->nrow ? g->nrow : 1) * sizeof *pos);
        for (size_t r = 0; r < g->nrow; r++) {
            mkey k = {g->entity_labels[g->entity[r]], g->time[r], gid[i][g->entity[r]]};
            pos[r] = (size_t)find_key(all, u, &k);
            matched[pos[r]]++;
        }
        for (size_t j = 0; j < g->ncol && !rc; j++) {
            cpr_column *c = &g->cols[j];
            long have = cpr_frame_find(f, c->name);
            if (have >= 0) {
                if (c->type == CPR_COL_TEXT && f->cols[have].type == CPR_COL_TEXT) {
                    /* labels such as "country": fill gaps, keep the first file's text */
                    for (size_t r = 0; r < g->nrow; r++)
                        if (!f->cols[have].text[pos[r]] && c->text[r]) f->cols[have].text[pos[r]] = cpr_strdup(c->text[r]);
                    continue;
                }
                rc = cpr_fail(CPR_E_DUPKEY, "%s: variable '%s' is also in %s; rename it in one file before merging",
                              g->source, c->name, fs[0]->source);
                break;
            }
            if (f->ncol == f->cap_col) {
                f->cap_col = f->cap_col ? 2 * f->cap_col : 16;
                f->cols = cpr_realloc(f->cols, f->cap_col * sizeof *f->cols);
            }
            cpr_column *d = &f->cols[f->ncol++];
            memset(d, 0, sizeof *d);
            d->name = cpr_strdup(c->name);
            d->label = c->label ? cpr_strdup(c->label) : NULL;
            d->type = c->type;
            if (c->type == CPR_COL_NUM) {
                d->num = cpr_malloc(u * sizeof(double));
                for (size_t r = 0; r < u; r++) d->num[r] = NAN;
                for (size_t r = 0; r < g->nrow; r++) d->num[pos[r]] = c->num[r];
            } else {
                d->text = cpr_calloc(u, sizeof(char *));
                for (size_t r = 0; r < g->nrow; r++) d->text[pos[r]] = c->text[r] ? cpr_strdup(c->text[r]) : NULL;
            }
        }
        free(pos);
    }
    cpr_load_notes *notes = opts && !opts->quiet ? opts->notes : NULL;
    if (!rc && notes) {
        size_t in_all = 0;
        for (size_t r = 0; r < u; r++) in_all += matched[r] == nf;
        cpr_load_notes_add(notes, "merge: %zu files on (%s, %s): %zu keys in all, %zu in all files, %zu in only some",
                nf, f->entity_name, f->time_name, u, in_all, u - in_all);
        for (size_t i = 0; i < nf; i++) {
            size_t only = 0;
            for (size_t r = 0; r < fs[i]->nrow; r++) {
                mkey k = {fs[i]->entity_labels[fs[i]->entity[r]], fs[i]->time[r], gid[i][fs[i]->entity[r]]};
                only += matched[find_key(all, u, &k)] == 1;
            }
            cpr_load_notes_add(notes, "merge:   %s: %zu rows, %zu keys found in no other file", fs[i]->source, fs[i]->nrow, only);
        }
    }
    free(matched);
    free(all);
    for (size_t i = 0; i < nf; i++) free(gid[i]);
    free(gid);
    free(info);
    g_info = NULL;
    g_labels = NULL;
    cpr_strmap_free(&labels);
    if (rc) { cpr_frame_free(f); return rc; }
    *out = f;
    return CPR_OK;
}

int cpr_frame_read_many(const char *const *paths, size_t npaths, const cpr_load_opts *opts, cpr_frame **out)
{
    *out = NULL;
    if (npaths == 1) return cpr_frame_load(paths[0], opts, out);
    cpr_frame **fs = cpr_calloc(npaths, sizeof *fs);
    int rc = CPR_OK;
    /* every column of every file: a name in two files is an error */
    cpr_load_opts each = opts ? *opts : (cpr_load_opts){0};
    each.want = NULL;
    each.nwant = 0;
    for (size_t i = 0; i < npaths && !rc; i++) rc = cpr_frame_load(paths[i], &each, &fs[i]);
    if (!rc) rc = merge_two_or_more(fs, npaths, opts, out);
    for (size_t i = 0; i < npaths; i++) cpr_frame_free(fs[i]);
    free(fs);
    return rc;
}
