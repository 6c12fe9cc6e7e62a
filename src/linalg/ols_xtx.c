/* Least squares for large n through the k x k cross-product (normal
 * equations), O(n k^2) time and O(k^2) extra memory, no copy of X:
 * - X'X accumulated in long double over the n rows (one pass per pair of
 *   columns, four partial sums), so the Gram matrix carries ~19 digits;
 * - collinear columns by sequential Cholesky in long double (a column is
 *   dropped when its Schur complement is below tol^2 of its squared norm;
 *   tol is at least 1e-7 here because the Gram matrix squares the
 *   condition number);
 * - beta refined with residuals y - Xb and X'r accumulated in long double
 *   (semi-normal equations: each sweep multiplies the error by about
 *   cond^2 * 1e-19, so it converges while cond(X) < ~1e9);
 * - (X'X)^-1 from the long double Cholesky factor: relative error about
 *   cond^2 * 1e-19, i.e. 1e-9 at cond = 1e5, the largest condition number
 *   for which CPR_LS_AUTO keeps this path (see cpr_ols_qr);
 * - cond = sqrt(||C||_1 ||C^-1||_1) of the column-scaled Gram matrix C. */
#include "ls_internal.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Sequential Cholesky over the columns in order: keep a column when its
 * Schur complement exceeds tol^2 of its diagonal. L (k*k, row-major,
 * lower) holds the factor of the kept block. */
static size_t gram_select(const long double *C, size_t k, double tol, size_t *keep, long double *L)
{
    size_t kk = 0;
    long double *l = cpr_malloc((k ? k : 1) * sizeof *l);
    for (size_t j = 0; j < k; j++) {
        long double cjj = C[j * k + j], d = cjj;
        for (size_t a = 0; a < kk; a++) {
            long double s = C[keep[a] * k + j];
            for (size_t b = 0; b < a; b++) s -= l[b] * L[a * k + b];
            l[a] = s / L[a * k + a];
            d -= l[a] * l[a];
        }
        if (cjj > 0 && d > (long double)tol * tol * cjj) {
            for (size_t a = 0; a < kk; a++) L[kk * k + a] = l[a];
            L[kk * k + kk] = sqrtl(d);
            keep[kk++] = j;
        }
    }
    free(l);
    return kk;
}

void cpr_chol_solve_ld(const long double *L, size_t ld, size_t k, long double *g)
{
    for (size_t a = 0; a < k; a++) {
        long double s = g[a];
        for (size_t b = 0; b < a; b++) s -= L[a * ld + b] * g[b];
        g[a] = s / L[a * ld + a];
    }
    for (size_t a = k; a-- > 0;) {
        long double s = g[a];
        for (size_t b = a + 1; b < k; b++) s -= L[b * ld + a] * g[b];
        g[a] = s / L[a * ld + a];
    }
}

/* r = y - X b, g = X' r, rss = r'r, all accumulated in long double.
 * Blocks of rows keep the long double residuals in L1; the column loops
 * keep their accumulators in registers. */
#define XTX_BLOCK 256
static void resid_rows(const double *const *cols, size_t lo, size_t n, size_t k, const double *y,
                       const long double *b, double *r, long double *g, long double *rss)
{
    long double ss = 0, s[XTX_BLOCK];
    for (size_t j = 0; j < k; j++) g[j] = 0;
    for (size_t i0 = lo; i0 < n; i0 += XTX_BLOCK) {
        size_t m = n - i0 < XTX_BLOCK ? n - i0 : XTX_BLOCK;
        const double *yb = y + i0;
        double *rb = r + i0;
        long double s0 = 0;
        if (k <= 3) {   /* the usual small k: s stays in a register */
            const double *c0 = cols[0] + i0, *c1 = k > 1 ? cols[1] + i0 : c0, *c2 = k > 2 ? cols[2] + i0 : c0;
            long double b0 = b[0], b1 = k > 1 ? b[1] : 0, b2 = k > 2 ? b[2] : 0;
            for (size_t i = 0; i < m; i++) {
                long double v = (long double)yb[i] - c0[i] * b0 - c1[i] * b1 - c2[i] * b2;
                s[i] = v;
                rb[i] = (double)v;
                s0 += v * v;
            }
        } else {
            for (size_t i = 0; i < m; i++) s[i] = yb[i];
            for (size_t j = 0; j < k; j++) {
                const double *c = cols[j] + i0;
                long double bj = b[j];
                for (size_t i = 0; i < m; i++) s[i] -= c[i] * bj;
            }
            for (size_t i = 0; i < m; i++) {
                rb[i] = (double)s[i];
                s0 += s[i] * s[i];
            }
        }
        ss += s0;
        for (size_t j = 0; j < k; j++) {
            const double *c = cols[j] + i0;
            long double a0 = 0, a1 = 0;
            size_t i = 0;
            for (; i + 2 <= m; i += 2) { a0 += c[i] * s[i]; a1 += c[i + 1] * s[i + 1]; }
            if (i < m) a0 += c[i] * s[i];
            g[j] += a0 + a1;
        }
    }
    *rss = ss;
}

/* The same over fixed row blocks (cpr/rowblocks.h), g and rss added in
 * block order: one block, hence the serial arithmetic, up to
 * CPR_ROW_BLOCK rows. */
typedef struct {
    const double *const *cols;
    size_t k;
    const double *y;
    const long double *b;
    double *r;
    long double *part;   /* per block: k entries of g, then rss */
} resid_job;

static void resid_block(void *p, size_t blk, size_t lo, size_t hi)
{
    resid_job *j = p;
    long double *g = j->part + blk * (j->k + 1);
    resid_rows(j->cols, lo, hi, j->k, j->y, j->b, j->r, g, g + j->k);
}

static void resid_ld(const double *const *cols, size_t n, size_t k, const double *y,
                     const long double *b, double *r, long double *g, double *rss)
{
    size_t nb = cpr_row_blocks(n);
    resid_job j = { cols, k, y, b, r, cpr_malloc(nb * (k + 1) * sizeof(long double)) };
    cpr_row_blocks_run(n, resid_block, &j);
    long double ss = j.part[k];
    for (size_t a = 0; a < k; a++) g[a] = j.part[a];
    for (size_t blk = 1; blk < nb; blk++) {
        for (size_t a = 0; a < k; a++) g[a] += j.part[blk * (k + 1) + a];
        ss += j.part[blk * (k + 1) + k];
    }
    *rss = (double)ss;
    free(j.part);
}

int cpr_ls_xtx(const double *X, double *scale, size_t n, size_t k, const double *y, double tol, cpr_ls *out)
{
    /* the scaled problem Xs = X / scale (powers of two, so every step is
     * exact), worked on the columns of X as given: no copy */
    /* [X y]'[X y] in one pass: X'X, and X'y for the first sweep */
    long double *C = cpr_malloc(k * k * sizeof *C), *L = cpr_calloc(k * k, sizeof *L);
    long double *Gy = cpr_malloc((k + 1) * (k + 1) * sizeof *Gy);
    {
        const double **all = cpr_malloc((k + 1) * sizeof *all);
        for (size_t a = 0; a < k; a++) all[a] = X + a * n;
        all[k] = y;
        cpr_gram_ld(all, k + 1, n, NULL, Gy);
        free(all);
    }
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < k; b++) C[a * k + b] = Gy[a * (k + 1) + b];
    if (scale) {   /* 2^e with the column norm in [2^(e-1), 2^e), as cpr_ols_qr scales */
        for (size_t a = 0; a < k; a++) {
            int e = 0;
            if (C[a * k + a] > 0) frexp((double)sqrtl(C[a * k + a]), &e);
            scale[a] = C[a * k + a] > 0 ? ldexp(1.0, e) : 1.0;
        }
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b < k; b++) C[a * k + b] /= (long double)scale[a] * scale[b];
    }
    size_t *keep = cpr_malloc((k ? k : 1) * sizeof *keep);
    size_t kk = gram_select(C, k, tol, keep, L);
    out->keep = keep; out->k = kk;
    if (kk == 0 || n <= kk) { free(C); free(L); free(Gy); return CPR_OK; }   /* caller reports */
    const double **cols = cpr_malloc(kk * sizeof *cols);
    long double *sc = cpr_malloc(kk * sizeof *sc), *braw = cpr_malloc(kk * sizeof *braw);
    for (size_t a = 0; a < kk; a++) { cols[a] = X + keep[a] * n; sc[a] = scale ? scale[keep[a]] : 1.0L; }
    out->beta = cpr_calloc(kk, sizeof(double));
    out->bread = cpr_malloc(kk * kk * sizeof(double));
    out->resid = cpr_malloc(n * sizeof(double));
    long double *b = cpr_calloc(kk, sizeof *b), *g = cpr_malloc(kk * sizeof *g);
    /* sweep 1 from b = 0: g = X'y needs no residual pass */
    for (size_t j = 0; j < kk; j++) g[j] = Gy[keep[j] * (k + 1) + k] / sc[j];
    free(Gy);
    cpr_chol_solve_ld(L, k, kk, g);
    for (size_t j = 0; j < kk; j++) b[j] = g[j];
    /* later sweeps: r = y - Xb; a correction below 1e-17 of b leaves b (and
     * r, computed from that b) as they are */
    long double prev = INFINITY;
    int fresh = 0;   /* out->resid belongs to the current b */
    for (out->refine_iter = 2; out->refine_iter <= 30; out->refine_iter++) {
        for (size_t j = 0; j < kk; j++) braw[j] = b[j] / sc[j];
        resid_ld(cols, n, kk, y, braw, out->resid, g, &out->rss);
        fresh = 1;
        for (size_t j = 0; j < kk; j++) g[j] /= sc[j];
        cpr_chol_solve_ld(L, k, kk, g);
        long double dmax = 0, bmax = 0;
        for (size_t j = 0; j < kk; j++) {
            dmax = fmaxl(dmax, fabsl(g[j])); bmax = fmaxl(bmax, fabsl(b[j]));
        }
        if (dmax <= 1e-17L * bmax) break;
        for (size_t j = 0; j < kk; j++) b[j] += g[j];
        fresh = 0;
        if (out->refine_iter > 2 && dmax > 0.5L * prev) break;   /* stagnating */
        prev = dmax;
    }
    if (!fresh) {
        for (size_t j = 0; j < kk; j++) braw[j] = b[j] / sc[j];
        resid_ld(cols, n, kk, y, braw, out->resid, g, &out->rss);
    }
    for (size_t j = 0; j < kk; j++) out->beta[j] = (double)b[j];
    /* (X'X)^-1 column by column, and the 1-norm condition of the kept Gram block */
    long double *e = cpr_malloc(kk * sizeof *e), cnorm = 0, inorm = 0;
    for (size_t j = 0; j < kk; j++) {
        for (size_t a = 0; a < kk; a++) e[a] = a == j;
        cpr_chol_solve_ld(L, k, kk, e);
        long double cs = 0, is = 0;
        for (size_t a = 0; a < kk; a++) {
            out->bread[a * kk + j] = (double)e[a];
            is += fabsl(e[a]);
            cs += fabsl(C[keep[a] * k + keep[j]]);
        }
        cnorm = fmaxl(cnorm, cs); inorm = fmaxl(inorm, is);
    }
    for (size_t a = 0; a < kk; a++)   /* exact symmetry */
        for (size_t c = 0; c < a; c++)
            out->bread[a * kk + c] = out->bread[c * kk + a] = 0.5 * (out->bread[a * kk + c] + out->bread[c * kk + a]);
    out->cond = (double)sqrtl(cnorm * inorm);
    free(C); free(L); free(cols); free(b); free(g); free(e); free(sc); free(braw);
    return CPR_OK;
}
