/* Parsed CSV columns -> frame: the wide layout moves its columns as they
 * are; the long layout (entity, time, indicator, value) is pivoted to one
 * variable per indicator. Both end in cpr_frame_finish. */
#include "csv_parse.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void set_keys(cpr_frame *f, cpr_csv_state *ps)
{
    if (ps->ent_col < 0) return;
    f->entity_name = cpr_strdup(ps->names[ps->ent_col]);
    f->time_name = cpr_strdup(ps->names[ps->time_col]);
}

int cpr_wide_move(cpr_frame *f, cpr_csv_state *ps)
{
    size_t n = ps->nrow;
    f->nrow = n;
    for (size_t j = 0; j < ps->ncol; j++) {
        if ((long)j == ps->ent_col || (long)j == ps->time_col) continue;
        cpr_csv_col *c = &ps->cols[j];
        if (cpr_csv_col_skipped(c)) continue; /* not wanted (cpr_load_opts.want) */
        if (f->ncol == f->cap_col) {
            f->cap_col = f->cap_col ? 2 * f->cap_col : 16;
            f->cols = cpr_realloc(f->cols, f->cap_col * sizeof *f->cols);
        }
        cpr_column *dst = &f->cols[f->ncol++];
        memset(dst, 0, sizeof *dst);
        dst->name = cpr_strdup(ps->names[j]);
        dst->type = c->type;
        if (c->type == CPR_COL_NUM) {
            dst->num = cpr_realloc(c->num, (n ? n : 1) * sizeof(double));
            c->num = NULL;
        } else {
            for (size_t i = n; i < ps->cap; i++) free(c->text[i]); /* spare capacity */
            dst->text = cpr_realloc(c->text, (n ? n : 1) * sizeof(char *));
            c->text = NULL;
        }
    }
    ps->cap = n;
    ps->keys.nrow = n;
    set_keys(f, ps);
    if (ps->ent_col < 0) return CPR_OK;
    return cpr_frame_finish(f, &ps->keys, ps->path);
}

/* Long layout: one row per (entity, time, indicator). Rows become variables
 * by indicator; the result goes through the same finishing as wide files. */
typedef struct { int e, t, ind; size_t line; double v; } long_row;

static int cmp_long(const void *a, const void *b)
{
    const long_row *x = a, *y = b;
    if (x->e != y->e) return x->e < y->e ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (x->ind != y->ind) return x->ind < y->ind ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

int cpr_long_pivot(cpr_frame *f, cpr_csv_state *ps)
{
    size_t n = ps->nrow;
    long_row *rows = cpr_malloc(n * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = (long_row){ps->keys.entity[i], ps->keys.time[i], ps->long_ind[i], cpr_keys_line(&ps->keys, i), ps->long_val[i]};
    qsort(rows, n, sizeof *rows, cmp_long);
    size_t nvar = ps->indicators.n, nkey = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && rows[i].e == rows[i - 1].e && rows[i].t == rows[i - 1].t && rows[i].ind == rows[i - 1].ind) {
            cpr_fail(CPR_E_DUPKEY, "%s:%zu: duplicate row for (%s, %d, %s); first seen on line %zu", ps->path,
                     rows[i].line, ps->keys.labels.keys[rows[i].e], rows[i].t, ps->indicators.keys[rows[i].ind], rows[i - 1].line);
            free(rows);
            return CPR_E_DUPKEY;
        }
        if (i == 0 || rows[i].e != rows[i - 1].e || rows[i].t != rows[i - 1].t) nkey++;
    }
    double **vals = cpr_malloc((nvar ? nvar : 1) * sizeof *vals);
    for (size_t v = 0; v < nvar; v++) {
        vals[v] = cpr_malloc((nkey ? nkey : 1) * sizeof(double));
        for (size_t r = 0; r < nkey; r++) vals[v][r] = NAN;
    }
    cpr_keys *k = &ps->keys;
    k->line = cpr_malloc((nkey ? nkey : 1) * sizeof *k->line);
    size_t r = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || rows[i].e != rows[i - 1].e || rows[i].t != rows[i - 1].t) {
            r++;
            k->entity[r] = rows[i].e;
            k->time[r] = rows[i].t;
            k->line[r] = rows[i].line;
        }
        vals[rows[i].ind][r] = rows[i].v;
    }
    free(rows);
    k->nrow = nkey;
    f->nrow = nkey;
    for (size_t v = 0; v < nvar; v++) cpr_frame_add_numeric(f, ps->indicators.keys[v], vals[v]);
    free(vals);
    set_keys(f, ps);
    return cpr_frame_finish(f, k, ps->path);
}
