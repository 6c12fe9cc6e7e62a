/* Fixed row blocks and thread parts for passes split over threads (see
 * cpr/rowblocks.h): which thread takes a block never changes a result,
 * because every block writes its own partial and the partials are added in
 * block order; parts serve only passes whose result no split changes. */
#include "cpr/rowblocks.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t cpr_row_blocks(size_t n) { return n <= CPR_ROW_BLOCK ? 1 : (n + CPR_ROW_BLOCK - 1) / CPR_ROW_BLOCK; }

/* One task of a pass: its rows are a span of `bounds`, else the k-th of
 * `parts` near-equal ranges of [0, n), else (parts 0) the k-th fixed block. */
typedef struct {
    const size_t *bounds;
    size_t n, parts;
    void (*fn)(void *, size_t, size_t, size_t);
    void *arg;
} range_job;

static void range_task(void *p, size_t k)
{
    range_job *j = p;
    size_t lo, hi;
    if (j->bounds) { lo = j->bounds[k]; hi = j->bounds[k + 1]; }
    else if (j->parts) cpr_threads_span(j->n, j->parts, k, &lo, &hi);
    else { lo = k * CPR_ROW_BLOCK; hi = j->n - lo < CPR_ROW_BLOCK ? j->n : lo + CPR_ROW_BLOCK; }
    j->fn(j->arg, k, lo, hi);
}

void cpr_row_blocks_run(size_t n, void (*fn)(void *arg, size_t b, size_t lo, size_t hi), void *arg)
{
    range_job j = { NULL, n, 0, fn, arg };
    cpr_threads_run(cpr_row_blocks(n), range_task, &j);
}

void cpr_row_spans_run(const size_t *bounds, size_t nb, void (*fn)(void *arg, size_t b, size_t lo, size_t hi), void *arg)
{
    range_job j = { bounds, bounds[nb], 0, fn, arg };
    cpr_threads_run(nb, range_task, &j);
}

size_t cpr_rows_parts(size_t n) { return n > CPR_ROW_BLOCK ? (size_t)cpr_threads_get() : 1; }

void cpr_span_run(size_t n, size_t parts, void (*fn)(void *arg, size_t k, size_t lo, size_t hi), void *arg)
{
    range_job j = { NULL, n, parts, fn, arg };
    cpr_threads_run(parts, range_task, &j);
}

size_t cpr_rows_run(size_t n, void (*fn)(void *arg, size_t k, size_t lo, size_t hi), void *arg)
{
    size_t parts = cpr_rows_parts(n);
    cpr_span_run(n, parts, fn, arg);
    return parts;
}

size_t cpr_row_blocks_at(const int *codes, size_t n, size_t *bounds)
{
    size_t nb = 0, want = cpr_row_blocks(n);
    bounds[0] = 0;
    for (size_t b = 1; b < want; b++) {
        size_t i = b * CPR_ROW_BLOCK;
        if (i <= bounds[nb]) continue;
        while (i < n && codes[i] == codes[i - 1]) i++;
        if (i < n) bounds[++nb] = i;
    }
    bounds[++nb] = n;
    return nb;
}

typedef struct {
    size_t (*scan)(void *, size_t, size_t);
    void *arg;
    size_t stop[CPR_THREADS_MAX], hi[CPR_THREADS_MAX];
} find_job;

static void find_part(void *p, size_t k, size_t lo, size_t hi)
{
    find_job *j = p;
    j->stop[k] = j->scan(j->arg, lo, hi);
    j->hi[k] = hi;
}

size_t cpr_rows_find(size_t n, size_t (*scan)(void *arg, size_t lo, size_t hi), void *arg)
{
    find_job j = { .scan = scan, .arg = arg };
    size_t parts = cpr_rows_run(n, find_part, &j);
    for (size_t k = 0; k < parts; k++) if (j.stop[k] < j.hi[k]) return j.stop[k];
    return n;
}

size_t cpr_first_nonfinite(const double *v, size_t lo, size_t hi)
{
    size_t i = lo;
#ifdef __SSE2__
    /* |v| > DBL_MAX or unordered: +-Inf or NaN, four pairs at a time */
    const __m128d absm = _mm_castsi128_pd(_mm_set1_epi64x(INT64_MAX)), big = _mm_set1_pd(DBL_MAX);
    for (; i + 8 <= hi; i += 8) {
        __m128d b0 = _mm_cmpnle_pd(_mm_and_pd(_mm_loadu_pd(v + i), absm), big);
        __m128d b1 = _mm_cmpnle_pd(_mm_and_pd(_mm_loadu_pd(v + i + 2), absm), big);
        __m128d b2 = _mm_cmpnle_pd(_mm_and_pd(_mm_loadu_pd(v + i + 4), absm), big);
        __m128d b3 = _mm_cmpnle_pd(_mm_and_pd(_mm_loadu_pd(v + i + 6), absm), big);
        if (_mm_movemask_pd(_mm_or_pd(_mm_or_pd(b0, b1), _mm_or_pd(b2, b3)))) break;
    }
#endif
    while (i < hi && isfinite(v[i])) i++;
    return i;
}

typedef struct {
    double *dst;
    const double *src;
} copy_job;

static void copy_part(void *p, size_t k, size_t lo, size_t hi)
{
    copy_job *j = p;
    (void)k;
    memcpy(j->dst + lo, j->src + lo, (hi - lo) * sizeof *j->dst);
}

void cpr_copy_doubles(double *dst, const double *src, size_t n)
{
    copy_job j = { dst, src };
    cpr_rows_run(n, copy_part, &j);
}

typedef struct {
    const double *x;
    long double *part;
} sumsq_job;

static void sumsq_block(void *p, size_t b, size_t lo, size_t hi)
{
    sumsq_job *j = p;
    const double *x = j->x;
    long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        s0 += (long double)x[i] * x[i]; s1 += (long double)x[i + 1] * x[i + 1];
        s2 += (long double)x[i + 2] * x[i + 2]; s3 += (long double)x[i + 3] * x[i + 3];
    }
    for (; i < hi; i++) s0 += (long double)x[i] * x[i];
    j->part[b] = (s0 + s1) + (s2 + s3);
}

long double cpr_sumsq_ld(const double *x, size_t n)
{
    size_t nb = cpr_row_blocks(n);
    long double stack[8], *part = nb <= 8 ? stack : cpr_malloc(nb * sizeof *part);
    sumsq_job j = { x, part };
    cpr_row_blocks_run(n, sumsq_block, &j);
    long double s = part[0];
    for (size_t b = 1; b < nb; b++) s += part[b];
    if (part != stack) free(part);
    return s;
}

#define GRAM_SUB 256

typedef struct {
    const double *const *cols;
    size_t m;
    const long double *mu;
    long double *part;      /* per block: m*m */
} gram_job;

static void gram_block(void *p, size_t b, size_t lo, size_t hi)
{
    gram_job *j = p;
    size_t m = j->m, np = m * (m + 1) / 2;
    long double *acc = cpr_calloc(4 * np, sizeof *acc);   /* four partial sums per pair */
    for (size_t i0 = lo; i0 < hi; i0 += GRAM_SUB) {
        size_t i1 = hi - i0 < GRAM_SUB ? hi : i0 + GRAM_SUB;
        long double *s = acc;
        for (size_t a = 0; a < m; a++) {
            const double *ca = j->cols[a];
            long double ma = j->mu ? j->mu[a] : 0;
            for (size_t c = a; c < m; c++, s += 4) {
                const double *cb = j->cols[c];
                long double s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
                size_t i = i0;
                if (!j->mu) {
                    for (; i + 4 <= i1; i += 4) {
                        s0 += (long double)ca[i] * cb[i];
                        s1 += (long double)ca[i + 1] * cb[i + 1];
                        s2 += (long double)ca[i + 2] * cb[i + 2];
                        s3 += (long double)ca[i + 3] * cb[i + 3];
                    }
                    for (; i < i1; i++) s0 += (long double)ca[i] * cb[i];
                } else {
                    long double mb = j->mu[c];
                    for (; i + 4 <= i1; i += 4) {
                        s0 += (ca[i] - ma) * (cb[i] - mb);
                        s1 += (ca[i + 1] - ma) * (cb[i + 1] - mb);
                        s2 += (ca[i + 2] - ma) * (cb[i + 2] - mb);
                        s3 += (ca[i + 3] - ma) * (cb[i + 3] - mb);
                    }
                    for (; i < i1; i++) s0 += (ca[i] - ma) * (cb[i] - mb);
                }
                s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
            }
        }
    }
    long double *G = j->part + b * m * m, *s = acc;
    for (size_t a = 0; a < m; a++)
        for (size_t c = a; c < m; c++, s += 4) G[a * m + c] = G[c * m + a] = (s[0] + s[1]) + (s[2] + s[3]);
    free(acc);
}

void cpr_gram_ld(const double *const *cols, size_t m, size_t n, const long double *mu, long double *G)
{
    size_t nb = cpr_row_blocks(n);
    long double *part = cpr_malloc(nb * m * m * sizeof *part);
    gram_job j = { cols, m, mu, part };
    cpr_row_blocks_run(n, gram_block, &j);
    memcpy(G, part, m * m * sizeof *G);
    for (size_t b = 1; b < nb; b++)
        for (size_t q = 0; q < m * m; q++) G[q] += part[b * m * m + q];
    free(part);
}

typedef struct {
    const double *const *cols;
    size_t m;
    long double *part;      /* per block: m */
} colsum_job;

static void colsum_block(void *p, size_t b, size_t lo, size_t hi)
{
    colsum_job *j = p;
    for (size_t a = 0; a < j->m; a++) {
        const double *x = j->cols[a];
        long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        size_t i = lo;
        for (; i + 4 <= hi; i += 4) { s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]; }
        for (; i < hi; i++) s0 += x[i];
        j->part[b * j->m + a] = (s0 + s1) + (s2 + s3);
    }
}

void cpr_colsums_ld(const double *const *cols, size_t m, size_t n, long double *sums)
{
    size_t nb = cpr_row_blocks(n);
    colsum_job j = { cols, m, cpr_malloc(nb * m * sizeof(long double)) };
    cpr_row_blocks_run(n, colsum_block, &j);
    for (size_t a = 0; a < m; a++) {
        long double s = j.part[a];
        for (size_t b = 1; b < nb; b++) s += j.part[b * m + a];
        sums[a] = s;
    }
    free(j.part);
}
