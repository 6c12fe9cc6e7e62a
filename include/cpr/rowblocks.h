/* Passes over many rows cut into fixed blocks, so that sums come out the
 * same for any thread count (issue 19): blocks of CPR_ROW_BLOCK rows (a
 * multiple of 256, so the 256-row sub-blocks of the kernels line up), one
 * task per block, each writing its own partial; the caller adds the
 * partials in block order. A pass of at most CPR_ROW_BLOCK rows is one
 * block, so small problems keep the arithmetic of a plain serial loop.
 * Layer linalg: uses util only. */
#ifndef CPR_ROWBLOCKS_H
#define CPR_ROWBLOCKS_H

#include <stddef.h>

#define CPR_ROW_BLOCK ((size_t)1 << 17)

/* Blocks of [0, n): ceil(n / CPR_ROW_BLOCK), at least 1. */
size_t cpr_row_blocks(size_t n);

/* fn(arg, b, lo, hi) for every block b of [0, n) (rows lo .. hi-1), on the
 * threads of cpr_threads_run. */
void cpr_row_blocks_run(size_t n, void (*fn)(void *arg, size_t b, size_t lo, size_t hi), void *arg);

/* Block bounds moved forward to the next change of codes (e.g. entity
 * codes of rows sorted by entity), so that no group straddles two blocks:
 * bounds[0] = 0 < bounds[1] < ... < bounds[nb] = n, at most
 * cpr_row_blocks(n) blocks; returns nb. bounds has cpr_row_blocks(n) + 1
 * entries. */
size_t cpr_row_blocks_at(const int *codes, size_t n, size_t *bounds);

/* fn(arg, b, bounds[b], bounds[b + 1]) for b < nb. */
void cpr_row_spans_run(const size_t *bounds, size_t nb, void (*fn)(void *arg, size_t b, size_t lo, size_t hi), void *arg);

/* Exact passes (copies, counts, maxima, yes/no scans: any split of the
 * rows gives the same result) need no fixed blocks. They cut [0, n) into
 * parts instead: one part up to CPR_ROW_BLOCK rows, else one per thread
 * (near-equal ranges, cpr_threads_span), at most CPR_THREADS_MAX. */
size_t cpr_rows_parts(size_t n);

/* fn(arg, k, lo, hi) for every part k of [0, n) (rows lo .. hi-1), on the
 * threads of cpr_threads_run; returns the part count, cpr_rows_parts(n),
 * for the caller to combine its per-part results in part order. */
size_t cpr_rows_run(size_t n, void (*fn)(void *arg, size_t k, size_t lo, size_t hi), void *arg);

/* fn(arg, k, lo, hi) for the k-th of `parts` near-equal ranges of [0, n)
 * (n items of any kind, e.g. groups), on the threads. */
void cpr_span_run(size_t n, size_t parts, void (*fn)(void *arg, size_t k, size_t lo, size_t hi), void *arg);

/* The first row a scan stops at: scan(arg, lo, hi) returns the first row
 * of [lo, hi) where it stops, or hi; each part is scanned, and the first
 * stop of the first part with one is returned, or n: the serial loop's
 * answer for any thread count. */
size_t cpr_rows_find(size_t n, size_t (*scan)(void *arg, size_t lo, size_t hi), void *arg);

/* The first i in [lo, hi) with v[i] not finite, or hi; eight values at a
 * time with SSE2 (a scan's inner loop). */
size_t cpr_first_nonfinite(const double *v, size_t lo, size_t hi);

/* memcpy of n doubles split over the threads above CPR_ROW_BLOCK (the
 * first touch of fresh pages, dear on a virtual machine, is split too). */
void cpr_copy_doubles(double *dst, const double *src, size_t n);

/* sum of x[i]^2 in long double, four partial sums per block (i mod 4),
 * blocks added in order: for n <= CPR_ROW_BLOCK exactly
 * (s0 + s1) + (s2 + s3) of one serial pass. */
long double cpr_sumsq_ld(const double *x, size_t n);

/* sums[a] = sum_i c_a[i] over n rows in long double, four partial sums
 * per block (i mod 4), blocks added in order; one pass over m columns. */
void cpr_colsums_ld(const double *const *cols, size_t m, size_t n, long double *sums);

/* G[a*m + b] (a, b < m, symmetric) = sum_i c_a[i] c_b[i] over n rows in
 * long double, each product with four partial sums (i mod 4) kept across
 * the 256-row sub-blocks, so G[a*m + b] is, for n <= CPR_ROW_BLOCK, the
 * value a separate serial dot product with four partial sums gives; one
 * pass over the m columns instead of m(m+1)/2. mu (NULL: none) centers:
 * (c_a[i] - mu[a]) (c_b[i] - mu[b]). */
void cpr_gram_ld(const double *const *cols, size_t m, size_t n, const long double *mu, long double *G);

#endif
