/* Group counts, group means and nesting of group codes: O(n) each. */
#include "cpr/linalg.h"
#include "cpr/rowblocks.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

/* Big n: each thread counts a range of rows, the counts are added (exact:
 * any split gives the same numbers). */
typedef struct {
    const int *g;
    size_t n, ng, parts;
    size_t *part;
} count_job;

static void count_part(void *p, size_t k)
{
    count_job *j = p;
    size_t lo, hi, *c = j->part + k * j->ng;
    cpr_threads_span(j->n, j->parts, k, &lo, &hi);
    memset(c, 0, j->ng * sizeof *c);
    for (size_t i = lo; i < hi; i++) c[j->g[i]]++;
}

void cpr_group_counts(const int *g, size_t n, size_t ng, size_t *counts)
{
    size_t parts = n > CPR_ROW_BLOCK ? (size_t)cpr_threads_get() : 1;
    if (parts > 1 && ng <= n / 16) {
        count_job j = { g, n, ng, parts, cpr_malloc(parts * ng * sizeof(size_t)) };
        cpr_threads_run(parts, count_part, &j);
        for (size_t c = 0; c < ng; c++) {
            size_t s = 0;
            for (size_t k = 0; k < parts; k++) s += j.part[k * ng + c];
            counts[c] = s;
        }
        free(j.part);
        return;
    }
    memset(counts, 0, ng * sizeof *counts);
    for (size_t i = 0; i < n; i++) counts[g[i]]++;
}

/* Sums in long double: group means feed every within/between transform. */
void cpr_group_means(const int *g, size_t n, size_t ng, const double *cols,
                     size_t ncols, double *means)
{
    long double *s = cpr_calloc(ng, sizeof *s);
    size_t *cnt = cpr_malloc(ng * sizeof *cnt);
    cpr_group_counts(g, n, ng, cnt);
    for (size_t j = 0; j < ncols; j++) {
        for (size_t c = 0; c < ng; c++) s[c] = 0;
        for (size_t i = 0; i < n; i++) s[g[i]] += cols[j * n + i];
        for (size_t c = 0; c < ng; c++) means[c * ncols + j] = cnt[c] ? (double)(s[c] / cnt[c]) : 0.0;
    }
    free(s); free(cnt);
}

int cpr_codes_nested(const int *inner, size_t n_inner, const int *outer, size_t n)
{
    if (inner == outer) return 1;   /* the same codes (clusters = entity codes): no pass */
    int *owner = cpr_malloc(n_inner * sizeof *owner);
    for (size_t c = 0; c < n_inner; c++) owner[c] = -1;
    int nested = 1;
    for (size_t i = 0; i < n && nested; i++) {
        if (owner[inner[i]] < 0) owner[inner[i]] = outer[i];
        else if (owner[inner[i]] != outer[i]) nested = 0;
    }
    free(owner);
    return nested;
}

typedef struct {
    const int *g;
    size_t n, parts;
    int ok[CPR_THREADS_MAX];
} sorted_job;

static void sorted_part(void *p, size_t k)
{
    sorted_job *j = p;
    size_t lo, hi;
    cpr_threads_span(j->n, j->parts, k, &lo, &hi);
    int ok = 1;
    for (size_t i = lo ? lo : 1; i < hi && ok; i++) ok = j->g[i] >= j->g[i - 1];
    j->ok[k] = ok;
}

int cpr_codes_sorted(const int *g, size_t n)
{
    sorted_job j = { .g = g, .n = n, .parts = n > CPR_ROW_BLOCK ? (size_t)cpr_threads_get() : 1 };
    cpr_threads_run(j.parts, sorted_part, &j);
    for (size_t k = 0; k < j.parts; k++) if (!j.ok[k]) return 0;
    return 1;
}
