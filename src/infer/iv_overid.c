/* Tests of the overidentifying restrictions after 2SLS (GMM's Hansen J is
 * computed with the estimator, src/model/iv_gmm.c):
 * - Sargan (1958): N u'P_Z u / u'u, chi2(L1 - K), iid errors;
 * - Wooldridge's (1995) robust score test, as Stata's estat overid after
 *   robust or clustered 2SLS: r_j = residuals of L1 - K of the excluded
 *   instruments on the exogenous regressors and the first-stage fitted
 *   endogenous regressors; S = sum u_i r_i; chi2 = S' (sum s s')^-1 S with
 *   s = u_i r_i per observation (HC, iid) or summed per cluster. With HC it
 *   is N - RSS of the regression of 1 on u_i r_i (Wooldridge 2010, 6.3).
 * On the partialled arrays: W'u = 0 for 2SLS, so u = M_W y - M_W X_e b_e.
 * Checked against R (tests/unit/oracle/iv_methods.R). */
#include "iv_internal.h"
#include "cpr/iv_kclass.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int iv_overid_add(const iv_part *p, const cpr_model_spec *s, const cpr_result *fit, cpr_result *r)
{
    size_t n = p->n, K = p->K, L = p->L1;
    if (s->iv_method != CPR_IV_2SLS || L <= K) return CPR_OK;
    size_t q = L - K;
    double *u = cpr_malloc(n * sizeof *u);
    memcpy(u, p->y, n * sizeof *u);
    for (size_t k = 0; k < K; k++) {
        long t = cpr_result_term(fit, p->d->names[p->v.kex + k]);
        if (t < 0) { free(u); return CPR_OK; }
        for (size_t i = 0; i < n; i++) u[i] -= fit->estimate[t] * p->x[k * n + i];
    }
    /* Sargan */
    double *b = cpr_malloc(L * sizeof *b), *ru = cpr_malloc(n * sizeof *ru);
    iv_part_ols(p, u, b, ru);
    long double uu = 0, rr = 0;
    for (size_t i = 0; i < n; i++) { uu += (long double)u[i] * u[i]; rr += (long double)ru[i] * ru[i]; }
    double sargan = (double)((long double)n * (uu - rr) / uu), dq = (double)q;
    cpr_result_add_stat(r, "sargan", "Sargan statistic", sargan, 0);
    cpr_result_add_test(r, "sargan", "Sargan test (overidentifying restrictions, iid)", sargan, dq, 0, gsl_cdf_chisq_Q(sargan, dq),
                        "H0: the instruments are valid; N u'P_Z u / u'u, chi2(L1 - K); assumes iid errors");
    /* Wooldridge's robust score test */
    double *xh = cpr_malloc(n * K * sizeof *xh), *R = cpr_malloc(n * q * sizeof *R), *e = cpr_malloc(n * sizeof *e);
    for (size_t k = 0; k < K; k++) {
        iv_part_ols(p, p->x + k * n, b, e);
        for (size_t i = 0; i < n; i++) xh[k * n + i] = p->x[k * n + i] - e[i];
    }
    cpr_error_scope es;   /* no score test: left out, not an error */
    cpr_error_scope_begin(&es);
    int rc = cpr_iv_resid_on(xh, n, K, p->z, q, R);
    int cl = p->se == CPR_SE_CLUSTER && p->d->cluster;
    size_t G = cl ? p->d->n_clusters : n;
    double *sg = cpr_calloc(G * q, sizeof *sg), *S = cpr_calloc(q, sizeof *S), *V = cpr_calloc(q * q, sizeof *V);
    for (size_t i = 0; rc == CPR_OK && i < n; i++) {
        size_t g = cl ? (size_t)p->d->cluster[i] : i;
        for (size_t j = 0; j < q; j++) { sg[g * q + j] += u[i] * R[j * n + i]; S[j] += u[i] * R[j * n + i]; }
    }
    for (size_t g = 0; rc == CPR_OK && g < G; g++)
        for (size_t a = 0; a < q; a++)
            for (size_t c = 0; c < q; c++) V[a * q + c] += sg[g * q + a] * sg[g * q + c];
    if (rc == CPR_OK) rc = cpr_spd_inverse(V, q);
    cpr_error_scope_end(&es);
    if (rc == CPR_OK) {
        double sc = 0;
        for (size_t a = 0; a < q; a++)
            for (size_t c = 0; c < q; c++) sc += S[a] * V[a * q + c] * S[c];
        cpr_result_add_stat(r, "score_overid", "Robust score statistic (overidentification)", sc, 0);
        cpr_result_add_test(r, "score_overid", cl ? "Score test (overidentifying restrictions, cluster-robust)"
                                                  : "Score test (overidentifying restrictions, robust)", sc, dq, 0, gsl_cdf_chisq_Q(sc, dq),
                            "H0: the instruments are valid; Wooldridge (1995) score test, chi2(L1 - K), as Stata's estat overid");
    }
    free(u); free(b); free(ru); free(xh); free(R); free(e); free(sg); free(S); free(V);
    return CPR_OK;
}
