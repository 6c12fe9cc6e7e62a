/* Least squares for very large n through the k x k cross-product: X'X by
 * BLAS dsyrk (one pass over the n*k block, no copy), collinear columns by
 * sequential Cholesky (a column is dropped when its Schur complement is
 * below tol^2 of its squared norm; tol is at least 1e-7 here because the
 * Gram matrix squares the condition number), then beta refined with
 * residuals y - Xb and X'r accumulated in long double (semi-normal
 * equations; converges while cond(X) < ~1e7). Less accurate than the QR
 * path on ill-conditioned data, O(n k) time per sweep and O(k^2) memory. */
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t gram_select(const gsl_matrix *C, double tol, size_t *keep)
{
    size_t k = C->size1, kk = 0;
    gsl_matrix *L = gsl_matrix_calloc(k, k);   /* Cholesky of the kept block */
    for (size_t j = 0; j < k; j++) {
        double cjj = gsl_matrix_get(C, j, j);
        double *l = cpr_calloc(kk + 1, sizeof *l);
        long double d = cjj;
        for (size_t a = 0; a < kk; a++) {
            long double s = gsl_matrix_get(C, keep[a], j);
            for (size_t b = 0; b < a; b++) s -= (long double)l[b] * gsl_matrix_get(L, a, b);
            l[a] = (double)(s / gsl_matrix_get(L, a, a));
            d -= (long double)l[a] * l[a];
        }
        if (cjj > 0 && d > tol * tol * cjj) {
            for (size_t a = 0; a < kk; a++) gsl_matrix_set(L, kk, a, l[a]);
            gsl_matrix_set(L, kk, kk, sqrt((double)d));
            keep[kk++] = j;
        }
        free(l);
    }
    gsl_matrix_free(L);
    return kk;
}

static void resid_ld(const double *X, size_t n, size_t k, const double *y,
                     const double *b, double *r, double *g, double *rss)
{
    long double *gl = cpr_calloc(k, sizeof *gl), ss = 0;
    for (size_t i = 0; i < n; i++) {
        long double s = y[i];
        for (size_t j = 0; j < k; j++) s -= (long double)X[j * n + i] * b[j];
        r[i] = (double)s;
        ss += s * s;
        for (size_t j = 0; j < k; j++) gl[j] += (long double)X[j * n + i] * s;
    }
    for (size_t j = 0; j < k; j++) g[j] = (double)gl[j];
    *rss = (double)ss;
    free(gl);
}

int cpr_ls_xtx(const double *Xs, size_t n, size_t k, const double *y, double tol, cpr_ls *out)
{
    gsl_matrix_const_view A = gsl_matrix_const_view_array(Xs, k, n);   /* X' */
    gsl_matrix *C = gsl_matrix_alloc(k, k);
    gsl_blas_dsyrk(CblasUpper, CblasNoTrans, 1.0, &A.matrix, 0.0, C);
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < a; b++) gsl_matrix_set(C, a, b, gsl_matrix_get(C, b, a));
    size_t *keep = cpr_malloc(k * sizeof *keep);
    size_t kk = gram_select(C, tol, keep);
    out->keep = keep; out->k = kk;
    if (kk == 0 || n <= kk) { gsl_matrix_free(C); return CPR_OK; }   /* caller reports */
    double *Xk = cpr_malloc(n * kk * sizeof *Xk);
    gsl_matrix *Ck = gsl_matrix_alloc(kk, kk);
    for (size_t a = 0; a < kk; a++) {
        memcpy(Xk + a * n, Xs + keep[a] * n, n * sizeof *Xk);
        for (size_t b = 0; b < kk; b++) gsl_matrix_set(Ck, a, b, gsl_matrix_get(C, keep[a], keep[b]));
    }
    gsl_matrix_free(C);
    gsl_linalg_cholesky_decomp1(Ck);
    out->beta = cpr_calloc(kk, sizeof(double));
    out->bread = cpr_malloc(kk * kk * sizeof(double));
    out->resid = cpr_malloc(n * sizeof(double));
    double *g = cpr_malloc(kk * sizeof *g);
    gsl_vector_view gv = gsl_vector_view_array(g, kk);
    double prev = INFINITY;
    for (out->refine_iter = 1; out->refine_iter <= 30; out->refine_iter++) {
        resid_ld(Xk, n, kk, y, out->beta, out->resid, g, &out->rss);
        gsl_linalg_cholesky_svx(Ck, &gv.vector);
        double dmax = 0, bmax = 0;
        for (size_t j = 0; j < kk; j++) {
            out->beta[j] += g[j];
            dmax = fmax(dmax, fabs(g[j])); bmax = fmax(bmax, fabs(out->beta[j]));
        }
        if (dmax <= 1e-17 * bmax || (out->refine_iter > 2 && dmax > 0.5 * prev)) break;
        prev = dmax;
    }
    resid_ld(Xk, n, kk, y, out->beta, out->resid, g, &out->rss);
    double rc = 0;
    gsl_vector *work = gsl_vector_alloc(3 * kk);
    gsl_linalg_cholesky_rcond(Ck, &rc, work);
    out->cond = rc > 0 ? sqrt(1.0 / rc) : INFINITY;
    gsl_vector_free(work);
    gsl_linalg_cholesky_invert(Ck);
    for (size_t a = 0; a < kk; a++)
        for (size_t b = 0; b < kk; b++) out->bread[a * kk + b] = gsl_matrix_get(Ck, a, b);
    gsl_matrix_free(Ck); free(Xk); free(g);
    return CPR_OK;
}
