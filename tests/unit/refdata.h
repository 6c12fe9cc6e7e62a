/* Test helper (header only): read a reference case's data.csv (header row,
 * numeric columns; a text id column such as "firm.0001" becomes codes in
 * sorted order) and expected.json, build a cpr_design, and measure
 * agreement as relative error / LRE. */
#ifndef CPR_TEST_REFDATA_H
#define CPR_TEST_REFDATA_H

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpr/design.h"
#include "cpr/util.h"

typedef struct {
    size_t nrow, ncol;
    char **names;
    double *num;      /* nrow*ncol column-major; text columns hold their codes */
} ref_table;

static inline const char *ref_root(void)
{
    const char *r = getenv("CPR_REFERENCE");
    return r && *r ? r : "tests/reference";
}

static inline char *ref_path(const char *cas, const char *file)
{
    return cpr_asprintf("%s/%s/%s", ref_root(), cas, file);
}

static inline size_t ref_split(char *line, char **f, size_t max)
{
    size_t nf = 0;
    char *p = line;
    line[strcspn(line, "\r\n")] = 0;
    while (nf < max) {
        f[nf++] = p;
        char *c = strchr(p, ',');
        if (!c) break;
        *c = 0;
        p = c + 1;
    }
    return nf;
}

static inline int ref_strcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Text column j -> codes by sorted distinct label. */
static inline void ref_code_text(ref_table *t, size_t j, char **txt)
{
    char **s = malloc(t->nrow * sizeof *s);
    memcpy(s, txt, t->nrow * sizeof *s);
    qsort(s, t->nrow, sizeof *s, ref_strcmp);
    size_t u = 0;
    for (size_t i = 0; i < t->nrow; i++) if (u == 0 || strcmp(s[i], s[u - 1]) != 0) s[u++] = s[i];
    for (size_t i = 0; i < t->nrow; i++) {
        char **hit = bsearch(&txt[i], s, u, sizeof *s, ref_strcmp);
        t->num[j * t->nrow + i] = (double)(hit - s);
    }
    free(s);
}

static inline ref_table *ref_read_csv(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) { fprintf(stderr, "cannot open %s\n", path); return NULL; }
    char buf[8192], *f[64];
    ref_table *t = calloc(1, sizeof *t);
    if (!fgets(buf, sizeof buf, fp)) { fclose(fp); free(t); return NULL; }
    t->ncol = ref_split(buf, f, 64);
    t->names = calloc(t->ncol, sizeof *t->names);
    for (size_t j = 0; j < t->ncol; j++) t->names[j] = cpr_strdup(f[j]);
    size_t cap = 1024;
    char ***txt = calloc(t->ncol, sizeof *txt);
    for (size_t j = 0; j < t->ncol; j++) txt[j] = malloc(cap * sizeof(char *));
    while (fgets(buf, sizeof buf, fp)) {
        if (buf[0] == '\n' || buf[0] == '\r') continue;
        if (t->nrow == cap) {
            cap *= 2;
            for (size_t j = 0; j < t->ncol; j++) txt[j] = realloc(txt[j], cap * sizeof(char *));
        }
        ref_split(buf, f, 64);
        for (size_t j = 0; j < t->ncol; j++) txt[j][t->nrow] = cpr_strdup(f[j]);
        t->nrow++;
    }
    fclose(fp);
    t->num = malloc(t->nrow * t->ncol * sizeof *t->num);
    for (size_t j = 0; j < t->ncol; j++) {
        int numeric = 1;
        for (size_t i = 0; i < t->nrow; i++) {
            char *end;
            t->num[j * t->nrow + i] = strtod(txt[j][i], &end);
            if (end == txt[j][i] || *end) numeric = 0;
        }
        if (!numeric) ref_code_text(t, j, txt[j]);
        for (size_t i = 0; i < t->nrow; i++) free(txt[j][i]);
        free(txt[j]);
    }
    free(txt);
    return t;
}

static inline void ref_table_free(ref_table *t)
{
    if (!t) return;
    for (size_t j = 0; j < t->ncol; j++) free(t->names[j]);
    free(t->names); free(t->num); free(t);
}

static inline const double *ref_col(const ref_table *t, const char *name)
{
    for (size_t j = 0; j < t->ncol; j++)
        if (strcmp(t->names[j], name) == 0) return t->num + j * t->nrow;
    fprintf(stderr, "no column %s\n", name);
    abort();
}

/* Codes 0..m-1 of the distinct sorted values of v; *vals gets them. */
static inline int *ref_codes(const double *v, size_t n, size_t *m, int **vals)
{
    double *s = malloc(n * sizeof *s);
    memcpy(s, v, n * sizeof *s);
    for (size_t i = 1; i < n; i++)   /* insertion sort is fine for tests */
        for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) { double x = s[j]; s[j] = s[j - 1]; s[j - 1] = x; }
    size_t u = 0;
    for (size_t i = 0; i < n; i++) if (i == 0 || s[i] != s[u - 1]) s[u++] = s[i];
    int *c = malloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        size_t lo = 0, hi = u;
        while (hi - lo > 1) { size_t mid = (lo + hi) / 2; if (s[mid] <= v[i]) lo = mid; else hi = mid; }
        c[i] = (int)lo;
    }
    if (vals) { *vals = malloc(u * sizeof **vals); for (size_t i = 0; i < u; i++) (*vals)[i] = (int)s[i]; }
    *m = u;
    free(s);
    return c;
}

/* Design y ~ [const] + xs from table columns; panel codes when entity/time
 * are given (rows are taken in file order: the reference files are sorted). */
static inline cpr_design *ref_design(const ref_table *t, const char *y, const char *const *xs,
                                     size_t nx, int has_const, const char *entity, const char *time)
{
    size_t n = t->nrow, k = nx + (has_const ? 1 : 0);
    cpr_design *d = cpr_design_alloc(n, k);
    memcpy(d->y, ref_col(t, y), n * sizeof(double));
    d->outcome = cpr_strdup(y);
    d->has_const = has_const;
    size_t j0 = 0;
    if (has_const) { for (size_t i = 0; i < n; i++) d->X[i] = 1.0; d->names[0] = cpr_strdup("const"); j0 = 1; }
    for (size_t j = 0; j < nx; j++) {
        memcpy(d->X + (j0 + j) * n, ref_col(t, xs[j]), n * sizeof(double));
        d->names[j0 + j] = cpr_strdup(xs[j]);
    }
    if (entity) {
        d->entity = ref_codes(ref_col(t, entity), n, &d->n_entities, NULL);
        d->cluster = malloc(n * sizeof(int));
        memcpy(d->cluster, d->entity, n * sizeof(int));
        d->n_clusters = d->n_entities;
        d->cluster_name = cpr_strdup(entity);
    }
    if (time) d->time = ref_codes(ref_col(t, time), n, &d->n_times, &d->time_values);
    return d;
}

/* ---- expected.json ----------------------------------------------------- */

static inline json_t *ref_json(const char *cas)
{
    char *p = ref_path(cas, "expected.json");
    json_error_t err;
    json_t *j = json_load_file(p, 0, &err);
    if (!j) fprintf(stderr, "%s: %s\n", p, err.text);
    free(p);
    return j;
}

/* Number at a dotted path ("pooled_ols.se.HC0.value"); NAN when absent. */
static inline double ref_num(const json_t *root, const char *path)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    const json_t *j = root;
    for (char *tok = strtok(buf, "."); tok && j; tok = strtok(NULL, ".")) j = json_object_get(j, tok);
    if (!j) { fprintf(stderr, "missing %s\n", path); return NAN; }
    if (json_is_string(j) && strcmp(json_string_value(j), "Infinity") == 0) return INFINITY;
    return json_is_number(j) ? json_number_value(j) : NAN;
}

/* ---- agreement --------------------------------------------------------- */

/* Log relative error (McCullough): -log10(|x - c| / |c|), or -log10|x|
 * when c == 0; capped at 17. */
static inline double ref_lre(double x, double c)
{
    double e = c == 0 ? fabs(x) : fabs(x - c) / fabs(c);
    if (e == 0) return 17.0;
    double l = -log10(e);
    return l > 17 ? 17 : l;
}

static inline double ref_relerr(double x, double c)
{
    return c == 0 ? fabs(x) : fabs(x - c) / fabs(c);
}

/* Track the worst case of a group of comparisons (printed by the tests). */
typedef struct { double worst; char what[256]; int n; } ref_worst;

static inline void ref_track(ref_worst *w, const char *what, double x, double c)
{
    double e = ref_relerr(x, c);
    if (w->n++ == 0 || !(e <= w->worst)) { w->worst = e; snprintf(w->what, sizeof w->what, "%s", what); }
}

#endif
