/* Two-step efficient linear GMM for IV models (Hansen 1982; Stata's
 * ivregress gmm). The first step is 2SLS (the caller's residuals); the
 * weight matrix is the inverse of the moment covariance of the variance
 * type asked for. The reported variance is the caller's sandwich with the
 * final residuals (Stata, gretl). Checked against R gmm::gmm and gretl's
 * gmm block: tests/unit/oracle/iv_methods.R. */
#include "cpr/iv_data.h"
#include "cpr/iv_gmm.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* S (L*L row-major) from residuals u and instruments Z. */
static void moment_cov(const double *Z, size_t n, size_t L, const double *u, cpr_iv_wmatrix wm,
                       const int *cluster, size_t G, double *S)
{
    memset(S, 0, L * L * sizeof *S);
    if (wm == CPR_IV_WM_CLUSTER) {
        double *s = cpr_calloc(G * L, sizeof *s);
        for (size_t i = 0; i < n; i++)
            for (size_t a = 0; a < L; a++) s[(size_t)cluster[i] * L + a] += Z[a * n + i] * u[i];
        for (size_t g = 0; g < G; g++)
            for (size_t a = 0; a < L; a++)
                for (size_t b = 0; b < L; b++) S[a * L + b] += s[g * L + a] * s[g * L + b];
        free(s);
        return;
    }
    long double uu = 0;
    for (size_t i = 0; i < n; i++) uu += (long double)u[i] * u[i];
    for (size_t a = 0; a < L; a++)
        for (size_t b = a; b < L; b++) {
            long double t = 0;
            for (size_t i = 0; i < n; i++) {
                long double zz = (long double)Z[a * n + i] * Z[b * n + i];
                t += wm == CPR_IV_WM_HC ? zz * u[i] * u[i] : zz;
            }
            if (wm == CPR_IV_WM_IID) t *= uu / (long double)n;
            S[a * L + b] = S[b * L + a] = (double)t;
        }
}

static void zt_vec(const double *Z, size_t n, size_t L, const double *v, double *out)
{
    for (size_t a = 0; a < L; a++) {
        long double s = 0;
        for (size_t i = 0; i < n; i++) s += (long double)Z[a * n + i] * v[i];
        out[a] = (double)s;
    }
}

int cpr_iv_gmm(const double *y, const double *X, size_t k, const double *Z, size_t L, size_t n,
               const double *u1, cpr_iv_wmatrix wm, const int *cluster, size_t G,
               cpr_iv_est *out, double *J)
{
    memset(out, 0, sizeof *out);
    if (wm == CPR_IV_WM_CLUSTER && (!cluster || G < 2))
        return cpr_fail(CPR_E_NUMERIC, "GMM with a cluster weight matrix needs at least 2 clusters");
    double *S = cpr_malloc(L * L * sizeof *S), *Q = cpr_malloc(L * k * sizeof *Q), *Zy = cpr_malloc(L * sizeof *Zy);
    moment_cov(Z, n, L, u1, wm, cluster, G, S);
    int rc = cpr_spd_inverse(S, L);                      /* S becomes W */
    if (rc != CPR_OK) { free(S); free(Q); free(Zy); return cpr_fail(CPR_E_NUMERIC, "GMM: the moment covariance of the instruments is singular (more instruments than clusters?)"); }
    for (size_t j = 0; j < k; j++) zt_vec(Z, n, L, X + j * n, Q + j * L);   /* Q column-major L*k */
    zt_vec(Z, n, L, y, Zy);
    /* WQ (L*k col-major), A = Q'WQ, b = Q'W Z'y */
    double *WQ = cpr_calloc(L * k, sizeof *WQ), *A = cpr_malloc(k * k * sizeof *A), *b = cpr_malloc(k * sizeof *b);
    for (size_t j = 0; j < k; j++)
        for (size_t a = 0; a < L; a++) {
            double s = 0;
            for (size_t c = 0; c < L; c++) s += S[a * L + c] * Q[j * L + c];
            WQ[j * L + a] = s;
        }
    for (size_t a = 0; a < k; a++) {
        for (size_t c = 0; c < k; c++) {
            double s = 0;
            for (size_t l = 0; l < L; l++) s += Q[a * L + l] * WQ[c * L + l];
            A[a * k + c] = s;
        }
        double s = 0;
        for (size_t l = 0; l < L; l++) s += WQ[a * L + l] * Zy[l];
        b[a] = s;
    }
    for (size_t a = 0; a < k; a++)
        for (size_t c = 0; c < a; c++) A[a * k + c] = A[c * k + a] = 0.5 * (A[a * k + c] + A[c * k + a]);
    rc = cpr_spd_inverse(A, k);
    if (rc == CPR_OK) {
        out->n = n; out->k = k; out->kappa = NAN;
        out->beta = cpr_malloc(k * sizeof *out->beta);
        for (size_t a = 0; a < k; a++) {
            double s = 0;
            for (size_t c = 0; c < k; c++) s += A[a * k + c] * b[c];
            out->beta[a] = s;
        }
        out->resid = cpr_iv_residuals(y, X, n, k, out->beta, &out->rss);
        /* J = g'Wg with g = Z'u2 */
        double *g = cpr_malloc(L * sizeof *g);
        zt_vec(Z, n, L, out->resid, g);
        long double jj = 0;
        for (size_t a = 0; a < L; a++)
            for (size_t c = 0; c < L; c++) jj += (long double)g[a] * S[a * L + c] * g[c];
        *J = (double)jj;
        free(g);
        if (wm == CPR_IV_WM_IID) {
            /* sandwich pieces with W = (Z'Z)^-1 (same beta): s^2 B classical */
            double s2 = 0;
            for (size_t i = 0; i < n; i++) s2 += u1[i] * u1[i];
            s2 /= (double)n;
            for (size_t a = 0; a < L * k; a++) WQ[a] *= s2;
            for (size_t a = 0; a < k * k; a++) A[a] /= s2;
        }
        out->Xs = cpr_malloc(n * k * sizeof *out->Xs);
        for (size_t j = 0; j < k; j++)
            for (size_t i = 0; i < n; i++) {
                double s = 0;
                for (size_t l = 0; l < L; l++) s += Z[l * n + i] * WQ[j * L + l];
                out->Xs[j * n + i] = s;
            }
        out->bread = A;
        A = NULL;
    } else rc = cpr_fail(CPR_E_NUMERIC, "GMM: Q'WQ is singular");
    free(S); free(Q); free(Zy); free(WQ); free(A); free(b);
    return rc;
}
