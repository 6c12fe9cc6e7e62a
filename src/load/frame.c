/* cpr_frame basics: allocation, column lookup with "did you mean" hints,
 * key lookup by binary search on the sorted (entity, time) rows. */
#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

cpr_frame *cpr_frame_alloc(void) { return cpr_calloc(1, sizeof(cpr_frame)); }

void cpr_frame_free(cpr_frame *f)
{
    if (!f) return;
    for (size_t j = 0; j < f->ncol; j++) {
        cpr_column *c = &f->cols[j];
        free(c->name);
        free(c->label);
        free(c->num);
        if (c->text) {
            for (size_t i = 0; i < f->nrow; i++) free(c->text[i]);
            free(c->text);
        }
    }
    free(f->cols);
    free(f->entity_name);
    free(f->time_name);
    free(f->entity);
    free(f->time);
    for (size_t e = 0; e < f->n_entities; e++) free(f->entity_labels[e]);
    free(f->entity_labels);
    free(f->source);
    free(f);
}

long cpr_frame_find(const cpr_frame *f, const char *name)
{
    for (size_t j = 0; j < f->ncol; j++)
        if (strcmp(f->cols[j].name, name) == 0) return (long)j;
    return -1;
}

static int fail_novar(const cpr_frame *f, const char *name)
{
    const char **cands = cpr_malloc((f->ncol + 2) * sizeof *cands);
    size_t n = 0;
    for (size_t j = 0; j < f->ncol; j++) cands[n++] = f->cols[j].name;
    const char *hint = cpr_closest(name, cands, n);
    free(cands);
    if (hint)
        return cpr_fail(CPR_E_NOVAR, "%s: no variable '%s'; did you mean '%s'? (list them with 'cpr-stats vars' or 'describe')",
                        f->source ? f->source : "data", name, hint);
    return cpr_fail(CPR_E_NOVAR, "%s: no variable '%s' (list them with 'cpr-stats vars' or 'describe')",
                    f->source ? f->source : "data", name);
}

int cpr_frame_numeric(const cpr_frame *f, const char *name, const double **values)
{
    long j = cpr_frame_find(f, name);
    if (j < 0) {
        if ((f->entity_name && strcmp(name, f->entity_name) == 0) ||
            (f->time_name && strcmp(name, f->time_name) == 0))
            return cpr_fail(CPR_E_NONNUMERIC, "%s: '%s' is the panel %s key, not a variable", f->source ? f->source : "data",
                            name, f->entity_name && strcmp(name, f->entity_name) == 0 ? "entity" : "time");
        return fail_novar(f, name);
    }
    if (f->cols[j].type != CPR_COL_NUM)
        return cpr_fail(CPR_E_NONNUMERIC, "%s: variable '%s' holds text, not numbers", f->source ? f->source : "data", name);
    *values = f->cols[j].num;
    return CPR_OK;
}

int cpr_frame_add_numeric(cpr_frame *f, const char *name, double *values)
{
    if (f->ncol == f->cap_col) {
        f->cap_col = f->cap_col ? 2 * f->cap_col : 16;
        f->cols = cpr_realloc(f->cols, f->cap_col * sizeof *f->cols);
    }
    cpr_column *c = &f->cols[f->ncol++];
    memset(c, 0, sizeof *c);
    c->name = cpr_strdup(name);
    c->type = CPR_COL_NUM;
    c->num = values;
    return CPR_OK;
}

long cpr_frame_row(const cpr_frame *f, int entity, int time)
{
    if (!f->entity) return -1;
    size_t lo = 0, hi = f->nrow;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int e = f->entity[mid], t = f->time[mid];
        if (e < entity || (e == entity && t < time)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < f->nrow && f->entity[lo] == entity && f->time[lo] == time) return (long)lo;
    return -1;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int periods_by_sort(const cpr_frame *f, int **times, size_t *n)
{
    int *t = cpr_malloc(f->nrow * sizeof *t);
    memcpy(t, f->time, f->nrow * sizeof *t);
    qsort(t, f->nrow, sizeof *t, cmp_int);
    size_t m = 0;
    for (size_t i = 0; i < f->nrow; i++)
        if (m == 0 || t[m - 1] != t[i]) t[m++] = t[i];
    *times = t;
    *n = m;
    return CPR_OK;
}

int cpr_frame_periods(const cpr_frame *f, int **times, size_t *n)
{
    *times = NULL;
    *n = 0;
    if (!f->time || f->nrow == 0) return CPR_OK;
    /* Times are small integers (years): mark them in a bitmap over the
     * observed range, which is linear where sorting would not be. Usually
     * every time lies near the first: one pass marks a window around it,
     * with no first pass for the range. */
    enum { WIN = 4096 };
    int t0 = f->time[0];
    if (t0 > INT_MIN + WIN && t0 < INT_MAX - WIN) {
        unsigned char win[WIN] = {0};
        unsigned lo_u = (unsigned)t0 - WIN / 2; /* the window [t0 - WIN/2, t0 + WIN/2) wraps nowhere */
        size_t i = 0;
        for (; i < f->nrow; i++) {
            unsigned d = (unsigned)f->time[i] - lo_u;
            if (d >= WIN) break;
            win[d] = 1;
        }
        if (i == f->nrow) {
            size_t m = 0;
            for (size_t k = 0; k < WIN; k++) m += win[k];
            int *t = cpr_malloc(m * sizeof *t);
            m = 0;
            for (size_t k = 0; k < WIN; k++)
                if (win[k]) t[m++] = t0 - WIN / 2 + (int)k;
            *times = t;
            *n = m;
            return CPR_OK;
        }
    }
    int lo = f->time[0], hi = f->time[0];
    for (size_t i = 1; i < f->nrow; i++) {
        if (f->time[i] < lo) lo = f->time[i];
        if (f->time[i] > hi) hi = f->time[i];
    }
    size_t span = (size_t)((long long)hi - lo) + 1;
    if (span > 4 * f->nrow + 4096) return periods_by_sort(f, times, n); /* sparse times */
    unsigned char *seen = cpr_calloc(span, 1);
    for (size_t i = 0; i < f->nrow; i++) seen[f->time[i] - lo] = 1;
    size_t m = 0;
    for (size_t k = 0; k < span; k++) m += seen[k];
    int *t = cpr_malloc(m * sizeof *t);
    m = 0;
    for (size_t k = 0; k < span; k++)
        if (seen[k]) t[m++] = (int)(lo + (long long)k);
    free(seen);
    *times = t;
    *n = m;
    return CPR_OK;
}
