/* Least-squares core. Double-precision Householder QR with column pivoting
 * (GSL QRPT) on power-of-two scaled columns, then Bjorck's iterative
 * refinement of the augmented system [I X; X' 0][r; b] = [f; g] with the
 * residuals f - r - Xb and g - X'r accumulated in long double. Each sweep
 * gains about -log10(cond * 1e-16) digits, so the refined solution is
 * limited by the long double residuals (~cond * 5e-20), not by the double
 * factorization: this is what makes NIST Filip (cond ~5e9 after scaling)
 * come out right. Rank and collinear columns: see cpr_ols_qr in cpr/linalg.h. */
#include "ls_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


typedef struct {
    gsl_matrix *qr;
    gsl_vector *tau;
    gsl_permutation *perm;
    const double *Xs;   /* n*k column-major, scaled */
    size_t n, k;
} qr_fact;

void cpr_ls_clear(cpr_ls *ls)
{
    if (!ls) return;
    free(ls->keep); free(ls->beta); free(ls->bread); free(ls->resid);
    memset(ls, 0, sizeof *ls);
}

/* Power-of-two scale bringing column j to a norm in [0.5, 1): exact. */
static double col_scale(const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += (long double)x[i] * x[i];
    if (!(s > 0)) return 1.0;
    int e;
    frexp((double)sqrtl(s), &e);
    return ldexp(1.0, e);
}

static int qr_factor(qr_fact *f, const double *Xs, size_t n, size_t k)
{
    f->Xs = Xs; f->n = n; f->k = k;
    f->qr = gsl_matrix_alloc(n, k);
    f->tau = gsl_vector_alloc(k);
    f->perm = gsl_permutation_alloc(k);
    gsl_vector *norm = gsl_vector_alloc(k);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++) gsl_matrix_set(f->qr, i, j, Xs[j * n + i]);
    int signum;
    int rc = gsl_linalg_QRPT_decomp(f->qr, f->tau, f->perm, &signum, norm);
    gsl_vector_free(norm);
    if (rc != GSL_SUCCESS)   /* the error handler is off: GSL's status is ours to report */
        return cpr_fail(CPR_E_NUMERIC, "QR factorisation of the %zu x %zu design failed: %s", n, k, gsl_strerror(rc));
    return CPR_OK;
}

static void qr_free(qr_fact *f)
{
    gsl_matrix_free(f->qr); gsl_vector_free(f->tau); gsl_permutation_free(f->perm);
}

/* One correction of the augmented system: given residuals f (n) and g (k),
 * return dr (in f) and dx (k). X = Q R P'. */
static void aug_solve(const qr_fact *F, gsl_vector *f, const double *g, double *dx)
{
    size_t k = F->k;
    gsl_matrix_const_view R = gsl_matrix_const_submatrix(F->qr, 0, 0, k, k);
    gsl_vector *h = gsl_vector_alloc(k);
    for (size_t j = 0; j < k; j++)     /* h = R'^-1 P' g */
        gsl_vector_set(h, j, g[gsl_permutation_get(F->perm, j)]);
    gsl_blas_dtrsv(CblasUpper, CblasTrans, CblasNonUnit, &R.matrix, h);
    gsl_linalg_QR_QTvec(F->qr, F->tau, f);             /* f = [d1; d2] */
    gsl_vector *z = gsl_vector_alloc(k);
    for (size_t j = 0; j < k; j++)
        gsl_vector_set(z, j, gsl_vector_get(f, j) - gsl_vector_get(h, j));
    gsl_blas_dtrsv(CblasUpper, CblasNoTrans, CblasNonUnit, &R.matrix, z);
    for (size_t j = 0; j < k; j++)
        dx[gsl_permutation_get(F->perm, j)] = gsl_vector_get(z, j);
    for (size_t j = 0; j < k; j++) gsl_vector_set(f, j, gsl_vector_get(h, j));
    gsl_linalg_QR_Qvec(F->qr, F->tau, f);              /* dr = Q [h; d2] */
    gsl_vector_free(h); gsl_vector_free(z);
}

/* Solve [I X; X' 0][r; x] = [f0; g0] by refinement (f0 may be NULL = 0,
 * g0 may be NULL = 0). r (n) and x (k) are long double outputs. */
static int aug_refine(const qr_fact *F, const double *f0, const double *g0,
                      long double *r, long double *x)
{
    size_t n = F->n, k = F->k;
    const double *X = F->Xs;
    gsl_vector *f = gsl_vector_alloc(n);
    double *g = cpr_malloc(k * sizeof *g), *dx = cpr_malloc(k * sizeof *dx);
    for (size_t i = 0; i < n; i++) r[i] = 0;
    for (size_t j = 0; j < k; j++) x[j] = 0;
    double prev = INFINITY;
    int it;
    for (it = 1; it <= 30; it++) {
        for (size_t i = 0; i < n; i++) {
            long double s = (f0 ? f0[i] : 0.0L) - r[i];
            for (size_t j = 0; j < k; j++) s -= (long double)X[j * n + i] * x[j];
            gsl_vector_set(f, i, (double)s);
        }
        for (size_t j = 0; j < k; j++) {
            long double s = g0 ? g0[j] : 0.0L;
            const double *c = X + j * n;
            for (size_t i = 0; i < n; i++) s -= c[i] * r[i];
            g[j] = (double)s;
        }
        aug_solve(F, f, g, dx);
        double dmax = 0, xmax = 0;
        for (size_t j = 0; j < k; j++) {
            x[j] += dx[j];
            dmax = fmax(dmax, fabs(dx[j]));
            xmax = fmax(xmax, fabs((double)x[j]));
        }
        for (size_t i = 0; i < n; i++) r[i] += gsl_vector_get(f, i);
        if (dmax <= 1e-19 * xmax || (it > 2 && dmax > 0.5 * prev)) break;
        prev = dmax;
    }
    gsl_vector_free(f); free(g); free(dx);
    return it;
}

/* (Xs'Xs)^-1 = R^-1 R^-T (permuted) into B; 0, or GSL's status when R is
 * singular (GSL_ESING: the caller then refines column by column). */
static int bread_from_r(const qr_fact *F, double *B)
{
    size_t k = F->k;
    gsl_matrix *Ri = gsl_matrix_alloc(k, k);
    gsl_matrix_const_view R = gsl_matrix_const_submatrix(F->qr, 0, 0, k, k);
    gsl_matrix_memcpy(Ri, &R.matrix);
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < i; j++) gsl_matrix_set(Ri, i, j, 0.0);
    int st = gsl_linalg_tri_invert(CblasUpper, CblasNonUnit, Ri);
    if (st == GSL_SUCCESS)
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b < k; b++) {
                double s = 0;
                for (size_t c = (a > b ? a : b); c < k; c++)
                    s += gsl_matrix_get(Ri, a, c) * gsl_matrix_get(Ri, b, c);
                B[gsl_permutation_get(F->perm, a) * k + gsl_permutation_get(F->perm, b)] = s;
            }
    gsl_matrix_free(Ri);
    return st;
}

/* (Xs'Xs)^-1 from R when well conditioned, else refined column by column. */
static void qr_bread(const qr_fact *F, double cond, double *B)
{
    size_t k = F->k, n = F->n;
    if (cond <= 1e4 && bread_from_r(F, B) == GSL_SUCCESS) return;
    long double *r = cpr_malloc(n * sizeof *r), *x = cpr_malloc(k * sizeof *x);
    double *e = cpr_calloc(k, sizeof *e);
    for (size_t j = 0; j < k; j++) {
        e[j] = 1.0;
        aug_refine(F, NULL, e, r, x);   /* x = -(X'X)^-1 e_j */
        for (size_t i = 0; i < k; i++) B[i * k + j] = -(double)x[i];
        e[j] = 0.0;
    }
    for (size_t i = 0; i < k; i++)      /* symmetrize the refined columns */
        for (size_t j = 0; j < i; j++) B[i * k + j] = B[j * k + i] = 0.5 * (B[i * k + j] + B[j * k + i]);
    free(r); free(x); free(e);
}

static int ls_qr(const double *Xs, size_t n, size_t k, const double *y, cpr_ls *out)
{
    qr_fact F;
    int rc = qr_factor(&F, Xs, n, k);
    if (rc != CPR_OK) { qr_free(&F); return rc; }
    gsl_vector *work = gsl_vector_alloc(3 * k);
    double rcond = 0;
    /* a failed estimate counts as ill conditioned (refined inverse, not R^-1) */
    if (gsl_linalg_QRPT_rcond(F.qr, &rcond, work) != GSL_SUCCESS) rcond = 0;
    gsl_vector_free(work);
    out->cond = rcond > 0 ? 1.0 / rcond : INFINITY;
    long double *r = cpr_malloc(n * sizeof *r), *x = cpr_malloc(k * sizeof *x);
    out->refine_iter = aug_refine(&F, y, NULL, r, x);
    long double rss = 0;
    for (size_t i = 0; i < n; i++) { out->resid[i] = (double)r[i]; rss += r[i] * r[i]; }
    for (size_t j = 0; j < k; j++) out->beta[j] = (double)x[j];
    out->rss = (double)rss;
    qr_bread(&F, out->cond, out->bread);
    free(r); free(x);
    qr_free(&F);
    return CPR_OK;
}

/* Rank of the scaled matrix by pivoted QR (|R_jj| > tol |R_11|). */
static int qr_rank(const double *Xs, size_t n, size_t k, double tol, size_t *rank)
{
    qr_fact F;
    int rc = qr_factor(&F, Xs, n, k);
    if (rc != CPR_OK) { qr_free(&F); return rc; }
    double r11 = fabs(gsl_matrix_get(F.qr, 0, 0));
    size_t r = 0;
    while (r < k && fabs(gsl_matrix_get(F.qr, r, r)) > tol * r11) r++;
    qr_free(&F);
    *rank = r;
    return CPR_OK;
}

static void unscale(cpr_ls *out, const double *scale)
{
    size_t kk = out->k;
    for (size_t a = 0; a < kk; a++) {
        double sa = scale[out->keep[a]];
        out->beta[a] /= sa;
        for (size_t b = 0; b < kk; b++) out->bread[a * kk + b] /= sa * scale[out->keep[b]];
    }
}

static int check_rank(size_t n, size_t kk)
{
    if (kk == 0) return cpr_fail(CPR_E_NUMERIC, "singular design: every regressor is zero or collinear");
    if (n <= kk)
        return cpr_fail(CPR_E_NUMERIC, "%zu observations for %zu coefficients: no residual degrees of freedom", n, kk);
    return CPR_OK;
}

static int ls_qr_path(double *Xs, size_t n, size_t k, const double *y, double tol, cpr_ls *out)
{
    /* fewer observations than coefficients: refused like N = K, before GSL's
     * QR (which needs tau of size min(N, K)) is asked */
    if (n < k) return check_rank(n, k);
    size_t *keep = cpr_malloc(k * sizeof *keep), kk = k;
    for (size_t j = 0; j < k; j++) keep[j] = j;
    size_t rank = 0;
    int rc = qr_rank(Xs, n, k, tol, &rank);
    if (rc != CPR_OK) { free(keep); return rc; }
    if (rank < k) kk = cpr_ls_select(Xs, n, k, tol, keep);
    rc = check_rank(n, kk);
    if (rc != CPR_OK) { free(keep); return rc; }
    if (kk < k)   /* compact the kept columns to the front */
        for (size_t j = 0; j < kk; j++) memmove(Xs + j * n, Xs + keep[j] * n, n * sizeof *Xs);
    out->keep = keep; out->k = kk;
    out->beta = cpr_malloc(kk * sizeof(double));
    out->bread = cpr_malloc(kk * kk * sizeof(double));
    out->resid = cpr_malloc(n * sizeof(double));
    return ls_qr(Xs, n, kk, y, out);
}

int cpr_ols_qr(const double *X, size_t n, size_t k, const double *y,
               double tol, cpr_ls_method method, cpr_ls *out)
{
    memset(out, 0, sizeof *out);
    if (tol <= 0) tol = CPR_LS_RANK_TOL;
    if (k == 0) return cpr_fail(CPR_E_NUMERIC, "no regressors");
    double *scale = cpr_malloc(k * sizeof *scale);
    int rc = CPR_OK;
    if (method == CPR_LS_AUTO && n > CPR_LS_XTX_MIN_N) {
        /* normal equations when full rank and well conditioned, else QR */
        cpr_error_scope es;
        cpr_error_scope_begin(&es);
        rc = cpr_ls_xtx(X, scale, n, k, y, 1e-7, out);
        cpr_error_scope_end(&es);
        if (rc == CPR_OK && out->k == k && out->cond <= CPR_LS_XTX_MAX_COND) method = CPR_LS_XTX;
        else { cpr_ls_clear(out); method = CPR_LS_QR; }
    } else if (method == CPR_LS_AUTO) method = CPR_LS_QR;
    out->n = n; out->k_in = k; out->method = method;
    if (method == CPR_LS_QR) {
        for (size_t j = 0; j < k; j++) scale[j] = col_scale(X + j * n, n);
        double *Xs = cpr_malloc(n * k * sizeof *Xs);
        for (size_t j = 0; j < k; j++)
            for (size_t i = 0; i < n; i++) Xs[j * n + i] = X[j * n + i] / scale[j];
        rc = ls_qr_path(Xs, n, k, y, tol, out);
        free(Xs);
    } else if (!out->keep) rc = cpr_ls_xtx(X, scale, n, k, y, fmax(tol, 1e-7), out);
    if (rc == CPR_OK) rc = check_rank(n, out->k);
    if (rc == CPR_OK) unscale(out, scale);
    free(scale);
    if (rc != CPR_OK) cpr_ls_clear(out);
    return rc;
}
