/* k-class estimators: LIML (kappa = the smallest generalized eigenvalue of
 * the reduced-form residual moments, Anderson-Rubin 1949) and Fuller's
 * modification (kappa_LIML - a/(N - L)); kappa = 1 is 2SLS. Checked
 * against gretl (tsls --liml) and a direct R implementation:
 * tests/unit/oracle/iv_methods.R. */
#include "cpr/iv_data.h"
#include "cpr/iv_kclass.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cpr_iv_est_clear(cpr_iv_est *e)
{
    free(e->beta); free(e->Xs); free(e->bread); free(e->resid);
    memset(e, 0, sizeof *e);
}

int cpr_iv_resid_on(const double *Z, size_t n, size_t L, const double *V, size_t m, double *out)
{
    if (L == 0) { memcpy(out, V, n * m * sizeof *out); return CPR_OK; }
    for (size_t j = 0; j < m; j++) {
        cpr_ls ls;
        int rc = cpr_ols_qr(Z, n, L, V + j * n, 0, CPR_LS_QR, &ls);
        if (rc != CPR_OK) return rc;
        memcpy(out + j * n, ls.resid, n * sizeof *out);
        cpr_ls_clear(&ls);
    }
    return CPR_OK;
}

/* C (m*m row-major) = A'B for n*m column-major A, B, long double sums. */
static void cross(const double *A, const double *B, size_t n, size_t m, double *C)
{
    for (size_t a = 0; a < m; a++)
        for (size_t b = 0; b < m; b++) {
            long double s = 0;
            for (size_t i = 0; i < n; i++) s += (long double)A[a * n + i] * B[b * n + i];
            C[a * m + b] = (double)s;
        }
}

int cpr_iv_liml_kappa(const double *y, const double *Xen, size_t ke, const double *W, size_t kw,
                      const double *Z, size_t L, size_t n, double *kappa)
{
    size_t m = 1 + ke;
    double *Y = cpr_malloc(n * m * sizeof *Y), *RW = cpr_malloc(n * m * sizeof *RW), *RZ = cpr_malloc(n * m * sizeof *RZ);
    double *SW = cpr_malloc(m * m * sizeof *SW), *SZ = cpr_malloc(m * m * sizeof *SZ);
    memcpy(Y, y, n * sizeof *Y);
    memcpy(Y + n, Xen, n * ke * sizeof *Y);
    int rc = cpr_iv_resid_on(W, n, kw, Y, m, RW);
    if (rc == CPR_OK) rc = cpr_iv_resid_on(Z, n, L, Y, m, RZ);
    if (rc == CPR_OK) {
        cross(RW, RW, n, m, SW);
        cross(RZ, RZ, n, m, SZ);
        rc = cpr_sym_geneig_min(SW, SZ, m, kappa);
    }
    free(Y); free(RW); free(RZ); free(SW); free(SZ);
    return rc;
}

int cpr_iv_kclass(const double *y, const double *X, size_t k, const double *Z, size_t L, size_t n,
                  double kappa, cpr_iv_est *out)
{
    memset(out, 0, sizeof *out);
    double *MX = cpr_malloc(n * k * sizeof *MX), *My = cpr_malloc(n * sizeof *My);
    int rc = cpr_iv_resid_on(Z, n, L, X, k, MX);
    if (rc == CPR_OK) rc = cpr_iv_resid_on(Z, n, L, y, 1, My);
    if (rc != CPR_OK) { free(MX); free(My); return rc; }
    double *A = cpr_malloc(k * k * sizeof *A), *b = cpr_malloc(k * sizeof *b);
    /* A = X'X - kappa (MX)'(MX), b = X'y - kappa (MX)'My: symmetric by construction */
    for (size_t a = 0; a < k; a++) {
        for (size_t c = a; c < k; c++) {
            long double s = 0;
            for (size_t i = 0; i < n; i++)
                s += (long double)X[a * n + i] * X[c * n + i] - (long double)kappa * MX[a * n + i] * MX[c * n + i];
            A[a * k + c] = A[c * k + a] = (double)s;
        }
        long double s = 0;
        for (size_t i = 0; i < n; i++) s += (long double)X[a * n + i] * y[i] - (long double)kappa * MX[a * n + i] * My[i];
        b[a] = (double)s;
    }
    rc = cpr_spd_inverse(A, k);
    if (rc != CPR_OK) {
        free(MX); free(My); free(A); free(b);
        return cpr_fail(CPR_E_NUMERIC, "k-class estimator (kappa = %.6g): X'(I - kappa M_Z)X is not positive definite", kappa);
    }
    out->n = n; out->k = k; out->kappa = kappa;
    out->beta = cpr_calloc(k, sizeof *out->beta);
    for (size_t a = 0; a < k; a++) {
        long double s = 0;
        for (size_t c = 0; c < k; c++) s += (long double)A[a * k + c] * b[c];
        out->beta[a] = (double)s;
    }
    out->bread = A;
    out->Xs = MX;   /* becomes X - kappa M_Z X in place */
    for (size_t i = 0; i < n * k; i++) out->Xs[i] = X[i] - kappa * MX[i];
    out->resid = cpr_iv_residuals(y, X, n, k, out->beta, &out->rss);
    free(My); free(b);
    return CPR_OK;
}
