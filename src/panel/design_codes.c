/* The dense entity, time and cluster codes of a design's rows: what the
 * estimators count groups by (see design_codes.h). Split from
 * design_build.c, which evaluates the terms and chooses the rows. */
#include "design_codes.h"
#include "bind_internal.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Dense codes 0..G-1 for the values of the used rows, in sorted value order. */
typedef struct {
    double v;
    const char *s;
    size_t row;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = a->s && b->s ? strcmp(a->s, b->s) : (a->v > b->v) - (a->v < b->v);
    if (c) return c;
    return (a->row > b->row) - (a->row < b->row);
}

static size_t dense_codes(keyed *k, size_t n, int *codes, double *distinct)
{
    qsort(k, n, sizeof *k, cmp_keyed);
    size_t g = 0;
    for (size_t i = 0; i < n; i++) {
        int same = i > 0 && (k[i].s && k[i - 1].s ? strcmp(k[i].s, k[i - 1].s) == 0 : k[i].v == k[i - 1].v);
        if (i > 0 && !same) g++;
        if (distinct && (i == 0 || !same)) distinct[g] = k[i].v;
        codes[k[i].row] = (int)g;
    }
    return n ? g + 1 : 0;
}

int design_find_cluster(const cpr_frame *f, const char *name, cluster_src *cs)
{
    cs->name = name;
    cs->col = -1;
    cs->is_entity = 0;
    if (f->entity && f->entity_name && strcmp(name, f->entity_name) == 0) { cs->is_entity = 1; return CPR_OK; }
    if (f->time && f->time_name && strcmp(name, f->time_name) == 0) return CPR_OK;
    cs->col = cpr_bind_find_col(f, name);
    if (cs->col < 0) return cpr_bind_unknown_var(f, name, "cluster variable");
    return CPR_OK;
}

int design_cluster_missing(const cpr_frame *f, const cluster_src *cs, size_t i)
{
    if (cs->col < 0) return 0;
    const cpr_column *c = &f->cols[cs->col];
    return c->type == CPR_COL_NUM ? isnan(c->num[i]) : c->text[i] == NULL;
}

/* Codes over the used rows (`rows[r]` = frame row of design row r). */
static size_t cluster_codes(const cpr_frame *f, const cluster_src *cs, const size_t *rows, size_t n, int *codes)
{
    keyed *k = cpr_malloc(n * sizeof *k);
    for (size_t r = 0; r < n; r++) {
        size_t i = row_at(rows, r);
        k[r].row = r;
        k[r].s = NULL;
        if (cs->col < 0) k[r].v = cs->is_entity ? f->entity[i] : f->time[i];
        else if (f->cols[cs->col].type == CPR_COL_NUM) k[r].v = f->cols[cs->col].num[i];
        else { k[r].v = 0; k[r].s = f->cols[cs->col].text[i]; }
    }
    size_t g = dense_codes(k, n, codes, NULL);
    free(k);
    return g;
}

/* The time codes of the design's rows from the value -> code map, split
 * over the threads (each row its own value). */
typedef struct {
    const int *time;
    const size_t *rows;
    const int *map;
    long lo;
    int *out;
} tmap_job;

static void tmap_part(void *p, size_t k, size_t r0, size_t r1)
{
    tmap_job *j = p;
    (void)k;
    for (size_t r = r0; r < r1; r++) j->out[r] = j->map[j->time[row_at(j->rows, r)] - j->lo];
}

/* Time codes without sorting when the calendar values span a range of at
 * most 4n + 1024: mark the values present, number them in order. O(n +
 * range). Returns 0 (nothing done) for a wider range. */
static int int_codes(const int *time, const size_t *rows, size_t n, cpr_design *d)
{
    if (n == 0) return 0;
    long lo = time[row_at(rows, 0)], hi = lo;
    for (size_t r = 1; r < n; r++) {
        long v = time[row_at(rows, r)];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    unsigned long range = (unsigned long)(hi - lo) + 1;
    if (range > 4 * (unsigned long)n + 1024) return 0;
    int *map = cpr_malloc(range * sizeof *map);
    for (unsigned long v = 0; v < range; v++) map[v] = -1;
    for (size_t r = 0; r < n; r++) map[time[row_at(rows, r)] - lo] = 0;
    size_t g = 0;
    for (unsigned long v = 0; v < range; v++)
        if (map[v] == 0) map[v] = (int)g++;
    d->n_times = g;
    d->time_values = cpr_malloc(g * sizeof *d->time_values);
    for (unsigned long v = 0; v < range; v++)
        if (map[v] >= 0) d->time_values[map[v]] = (int)(lo + (long)v);
    d->time = cpr_malloc(n * sizeof *d->time);
    tmap_job j = { time, rows, map, lo, d->time };
    cpr_rows_run(n, tmap_part, &j);
    free(map);
    return 1;
}

typedef struct {
    const cpr_frame *f;
    const size_t *rows;
    cpr_design *d;
    size_t base[CPR_THREADS_MAX];   /* changes in part k, then before part k */
} recode_job;

static int entity_changes(const recode_job *j, size_t r)
{
    return r > 0 && j->f->entity[row_at(j->rows, r)] != j->f->entity[row_at(j->rows, r - 1)];
}

static void recode_count(void *p, size_t k, size_t lo, size_t hi)
{
    recode_job *j = p;
    size_t c = 0;
    for (size_t r = lo; r < hi; r++) c += (size_t)entity_changes(j, r);
    j->base[k] = c;
}

static void recode_fill(void *p, size_t k, size_t lo, size_t hi)
{
    recode_job *j = p;
    size_t g = j->base[k];
    for (size_t r = lo; r < hi; r++) {
        if (r == 0 || entity_changes(j, r)) {
            if (r) g++;
            j->d->entity_labels[g] = j->f->entity_labels ? j->f->entity_labels[j->f->entity[row_at(j->rows, r)]] : NULL;
        }
        j->d->entity[r] = (int)g;
    }
}

void design_panel_codes(const cpr_frame *f, const size_t *rows, cpr_design *d)
{
    size_t n = d->n;
    if (f->entity) {
        /* rows are sorted by entity: the code of row r is the number of
         * changes of the frame's entity up to r; split over the threads
         * (each range counts its changes, then numbers its rows from the
         * count of the ranges before it: the serial loop's codes) */
        d->entity = cpr_malloc(n * sizeof *d->entity);
        d->entity_labels = cpr_calloc(n ? n : 1, sizeof *d->entity_labels);
        recode_job j = { .f = f, .rows = rows, .d = d };
        size_t parts = cpr_rows_run(n, recode_count, &j), g = 0;
        for (size_t k = 0; k < parts; k++) { size_t c = j.base[k]; j.base[k] = g; g += c; }
        cpr_rows_run(n, recode_fill, &j);
        d->n_entities = n ? g + 1 : 0;
    }
    if (f->time && int_codes(f->time, rows, n, d)) return;
    if (f->time) {
        keyed *k = cpr_malloc(n * sizeof *k);
        double *distinct = cpr_malloc((n ? n : 1) * sizeof *distinct);
        for (size_t r = 0; r < n; r++) { k[r].v = f->time[row_at(rows, r)]; k[r].s = NULL; k[r].row = r; }
        d->time = cpr_malloc(n * sizeof *d->time);
        d->n_times = dense_codes(k, n, d->time, distinct);
        d->time_values = cpr_malloc((d->n_times ? d->n_times : 1) * sizeof *d->time_values);
        for (size_t t = 0; t < d->n_times; t++) d->time_values[t] = (int)distinct[t];
        free(k);
        free(distinct);
    }
}

/* Cluster codes over the design's rows: the time key reuses the design's
 * period codes (dense in calendar order, as sorting the values gives);
 * other variables are sorted. */
size_t design_cluster_codes(const cpr_frame *f, const cluster_src *cs, const size_t *rows, const cpr_design *d, int *codes)
{
    if (cs->col < 0 && !cs->is_entity && d->time) {
        memcpy(codes, d->time, d->n * sizeof *codes);
        return d->n_times;
    }
    if (cs->is_entity && d->entity) {
        memcpy(codes, d->entity, d->n * sizeof *codes);
        return d->n_entities;
    }
    return cluster_codes(f, cs, rows, d->n, codes);
}

