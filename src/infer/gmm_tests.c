/* Specification tests of a difference-GMM fit, from its GMM part and the
 * variance cpr_infer_gmm_apply left in the result:
 * - Arellano-Bond (1991) test for autocorrelation of order j in the
 *   differenced residuals, as plm's mtest (and summary.pgmm):
 *     m_j = sum_i e_i' l_i / sqrt(EVE - 2 EX' M ZVE + EX' V EX),
 *   l_i = e_i lagged j rows (zeros first), EVE = sum (e_i'l_i)^2,
 *   EX = sum X_i' l_i, ZVE = sum W_i' e_i (e_i'l_i), M = B WX' A (the
 *   estimator's influence matrix) and V its robust variance;
 * - Hansen's J with the two-step weight (plm's "sargan"), the classical
 *   one-step Sargan, and the Wald test of the slopes. */
#include "cpr/gmm_infer.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

double cpr_gmm_ar_test(const cpr_gmm_sys *g, const double *e, const gsl_matrix *M, const gsl_matrix *V, int order)
{
    size_t m = g->m, K = g->K, L = g->L, j = (size_t)order;
    gsl_vector *EX = gsl_vector_calloc(K), *ZVE = gsl_vector_calloc(L);
    double num = 0, eve = 0;
    for (size_t i = 0; i < g->G; i++) {
        const double *ei = e + i * m;
        double el = 0;
        for (size_t r = j; r < m; r++) {
            el += ei[r] * ei[r - j];
            for (size_t k = 0; k < K; k++) EX->data[k] += g->X[(i * m + r) * K + k] * ei[r - j];
        }
        num += el; eve += el * el;
        for (size_t r = 0; r < m; r++)
            for (size_t a = 0; a < L; a++) ZVE->data[a] += g->W[(i * m + r) * L + a] * ei[r] * el;
    }
    gsl_vector *t = gsl_vector_alloc(K), *u = gsl_vector_alloc(K);
    double cross, quad;
    gsl_blas_dgemv(CblasNoTrans, 1, M, ZVE, 0, t);
    gsl_blas_ddot(EX, t, &cross);
    gsl_blas_dgemv(CblasNoTrans, 1, V, EX, 0, u);
    gsl_blas_ddot(EX, u, &quad);
    double stat = num / sqrt(eve - 2 * cross + quad);
    gsl_vector_free(t); gsl_vector_free(u); gsl_vector_free(EX); gsl_vector_free(ZVE);
    return stat;
}

static double quad(const gsl_vector *z, const gsl_matrix *A)
{
    gsl_vector *Az = gsl_vector_alloc(z->size);
    double q;
    gsl_blas_dsymv(CblasUpper, 1, A, z, 0, Az);
    gsl_blas_ddot(z, Az, &q);
    gsl_vector_free(Az);
    return q;
}

static void add_chi2(cpr_result *r, const char *name, const char *label, double stat, double df, const char *note)
{
    cpr_result_add_test(r, name, label, stat, df, 0, df > 0 ? gsl_cdf_chisq_Q(stat, df) : NAN, note);
}

static void add_normal(cpr_result *r, const char *name, const char *label, double stat, const char *note)
{
    cpr_result_add_test(r, name, label, stat, NAN, 0, 2 * gsl_cdf_ugaussian_Q(fabs(stat)), note);
}

/* Wald test of the slopes other than the time dummies with r's variance;
 * none (not an error) when there are no such slopes or V is singular. */
static void add_wald(cpr_result *r, size_t K, size_t n_dummies)
{
    size_t q = K - n_dummies, *idx = cpr_malloc((q ? q : 1) * sizeof *idx);
    for (size_t j = 0; j < q; j++) idx[j] = j;
    double Wd;
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    int wrc = q ? cpr_wald(r->estimate, r->vcov, K, idx, q, &Wd) : CPR_E_NUMERIC;
    cpr_error_scope_end(&es);
    if (wrc == CPR_OK)
        add_chi2(r, "wald_coef", "Wald test of the coefficients (time dummies excluded)", Wd, (double)q,
                 "H0: all coefficients except the time dummies are zero; robust variance");
    free(idx);
}

void cpr_infer_gmm_tests(cpr_fit *f)
{
    cpr_result *r = f->r;
    const cpr_gmm_part *p = f->gmm;
    const cpr_gmm_sys *g = &p->sys;
    size_t K = g->K, L = g->L;
    cpr_result_mark since = cpr_result_mark_now(r);
    const double *e = p->twostep ? p->e2 : p->e1;
    const gsl_matrix *M = p->twostep ? p->M2 : p->M1;
    gsl_matrix_const_view V = gsl_matrix_const_view_array(r->vcov, K, K);
    double ar1 = cpr_gmm_ar_test(g, e, M, &V.matrix, 1), ar2 = cpr_gmm_ar_test(g, e, M, &V.matrix, 2);
    add_normal(r, "ar1", "Arellano-Bond AR(1) in first differences", ar1, "N(0,1); H0: no autocorrelation (rejection expected)");
    add_normal(r, "ar2", "Arellano-Bond AR(2) in first differences", ar2, "N(0,1); H0: no second-order autocorrelation");
    double df = (double)L - (double)K;
    gsl_vector *z = gsl_vector_alloc(L);
    cpr_gmm_w_e(g, e, z, NULL);
    add_chi2(r, "hansen", "Hansen J (robust weight from one-step residuals; plm's sargan)", quad(z, p->A2), df,
             "H0: the instruments are valid (overidentifying restrictions hold)");
    /* classical Sargan of the one-step estimate: z1' (sum W'HW)^-1 z1 / s2 */
    double ssr = 0;
    for (size_t row = 0; row < g->G * g->m; row++) ssr += p->e1[row] * p->e1[row];
    double s2 = ssr / (2.0 * ((double)g->nobs - (double)K));
    cpr_gmm_w_e(g, p->e1, z, NULL);
    add_chi2(r, "sargan", "Sargan (one-step, not robust to heteroskedasticity)", quad(z, p->A1) / s2, df,
             "H0: the instruments are valid; s2 = e'e / (2 (n - K)) from one-step differenced residuals");
    gsl_vector_free(z);
    cpr_result_add_stat(r, "sigma2", "sigma^2 of the level errors, one-step (e'e / (2 (n - K)))", s2, 0);
    add_wald(r, K, g->n_dummies);
    cpr_result_move_since(r, f->infer_at, since);
}
