/* Group counts, group means and nesting of group codes: O(n) each. */
#include "cpr/linalg.h"
#include "cpr/rowblocks.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Each part of the rows counts its codes on its own (exact: any split
 * gives the same numbers). */
typedef struct {
    const int *g;
    size_t ng;
    size_t *part;
} count_job;

static void count_part(void *p, size_t k, size_t lo, size_t hi)
{
    count_job *j = p;
    size_t *c = j->part + k * j->ng;
    memset(c, 0, j->ng * sizeof *c);
    for (size_t i = lo; i < hi; i++) c[j->g[i]]++;
}

size_t *cpr_group_counts_parts(const int *g, size_t n, size_t ng, size_t *parts)
{
    *parts = cpr_rows_parts(n);
    size_t m = *parts * ng;
    count_job j = { g, ng, cpr_malloc((m ? m : 1) * sizeof(size_t)) };
    cpr_rows_run(n, count_part, &j);
    return j.part;
}

void cpr_group_counts(const int *g, size_t n, size_t ng, size_t *counts)
{
    if (cpr_rows_parts(n) > 1 && ng <= n / 16) {
        size_t parts, *part = cpr_group_counts_parts(g, n, ng, &parts);
        for (size_t c = 0; c < ng; c++) {
            size_t s = 0;
            for (size_t k = 0; k < parts; k++) s += part[k * ng + c];
            counts[c] = s;
        }
        free(part);
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

/* the first row whose code is below its predecessor's, or hi */
static size_t unsorted_at(void *p, size_t lo, size_t hi)
{
    const int *g = p;
    size_t i = lo ? lo : 1;
#ifdef __SSE2__
    for (; i + 8 <= hi; i += 8) {   /* eight at a time: g[i..] < g[i-1..] */
        __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)(g + i));
        __m128i a1 = _mm_loadu_si128((const __m128i *)(const void *)(g + i + 4));
        __m128i p0 = _mm_loadu_si128((const __m128i *)(const void *)(g + i - 1));
        __m128i p1 = _mm_loadu_si128((const __m128i *)(const void *)(g + i + 3));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi32(a0, p0), _mm_cmplt_epi32(a1, p1)))) break;
    }
#endif
    while (i < hi && g[i] >= g[i - 1]) i++;
    return i < hi ? i : hi;
}

int cpr_codes_sorted(const int *g, size_t n)
{
    return cpr_rows_find(n, unsorted_at, (void *)g) == n;
}
