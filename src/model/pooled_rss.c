/* RSS of pooled OLS with an intercept, the restricted model of the F test
 * that all fixed effects are zero: least squares on a copy of the design
 * (small n), or from centered cross-products without copying it (large n). */
#include "cpr/model.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Pooled OLS RSS (with intercept) for the F test of the effects. */
static double pooled_rss_qr(const cpr_design *d)
{
    cpr_reg g;
    size_t k = d->k + (d->has_const ? 0 : 1);
    double *X = cpr_malloc(d->n * k * sizeof *X);
    char **nm = cpr_malloc(k * sizeof *nm);
    size_t off = d->has_const ? 0 : 1;
    if (!d->has_const) { for (size_t i = 0; i < d->n; i++) X[i] = 1.0; nm[0] = "const"; }
    memcpy(X + off * d->n, d->X, d->n * d->k * sizeof *X);
    for (size_t j = 0; j < d->k; j++) nm[off + j] = d->names[j];
    double rss = NAN;   /* NAN: no pooled fit, no F test (not an error) */
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    if (cpr_reg_fit_borrow(&g, X, d->n, k, nm, 0, d->y, CPR_LS_AUTO) == CPR_OK) rss = g.ls.rss;
    cpr_error_scope_end(&es);
    cpr_reg_clear(&g);
    free(X); free(nm);
    return rss;
}

/* The same RSS for large n without copying the design: pooled OLS with an
 * intercept is OLS on centered data, so RSS = yy - c'C^-1 c with C, c, yy
 * the centered cross-products, accumulated in long double over fixed row
 * blocks split over the threads (cpr/rowblocks.h: two passes, means, then
 * every product in one pass) and solved by Cholesky in long double; a
 * column that is constant (a design intercept) or whose Schur complement
 * is below 1e-14 of its centered sum of squares (collinear) is left out.
 * NAN when nothing is left. Only feeds the F test of the effects. */
static double pooled_rss_gram(const cpr_design *d)
{
    size_t n = d->n, k = d->k, m = k + 1;
    const double **col = cpr_malloc(m * sizeof *col);
    col[0] = d->y;
    for (size_t j = 0; j < k; j++) col[j + 1] = d->X + j * n;
    long double *mu = cpr_calloc(m, sizeof *mu), *S = cpr_calloc(m * m, sizeof *S);
    char *varies = cpr_calloc(m, 1);
    cpr_colsums_ld(col, m, n, mu);
    for (size_t j = 0; j < m; j++) {
        mu[j] /= n;
        for (size_t i = 1; i < n && !varies[j]; i++) varies[j] = col[j][i] != col[j][0];
    }
    cpr_gram_ld(col, m, n, mu, S);   /* S = centered [y X]'[y X] */
    /* sequential Cholesky of the X block with y as the last right-hand side:
     * the Schur complement of y after the kept columns is the RSS */
    long double *L = cpr_calloc(m * m, sizeof *L), *l = cpr_malloc(m * sizeof *l);
    size_t *keep = cpr_malloc(m * sizeof *keep), kk = 0;
    for (size_t q = 1; q <= m; q++) {
        size_t j = q < m ? q : 0;   /* X columns first, y last */
        long double sjj = S[j * m + j], r = sjj;
        for (size_t a = 0; a < kk; a++) {
            long double v = S[keep[a] * m + j];
            for (size_t b = 0; b < a; b++) v -= l[b] * L[a * m + b];
            l[a] = v / L[a * m + a];
            r -= l[a] * l[a];
        }
        if (j == 0) { free(col); free(mu); free(S); free(L); free(l); free(keep); free(varies); return r > 0 ? (double)r : 0.0; }
        if (varies[j] && sjj > 0 && r > 1e-14L * sjj) {
            for (size_t a = 0; a < kk; a++) L[kk * m + a] = l[a];
            L[kk * m + kk] = sqrtl(r);
            keep[kk++] = j;
        }
    }
    free(col); free(mu); free(S); free(L); free(l); free(keep); free(varies);
    return NAN;
}

double cpr_pooled_rss(const cpr_design *d)
{
    return d->n > CPR_LS_XTX_MIN_N ? pooled_rss_gram(d) : pooled_rss_qr(d);
}
