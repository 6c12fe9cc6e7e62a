/* Arellano-Bond (1991) test for autocorrelation of order j in the
 * differenced residuals, as plm's mtest (and summary.pgmm):
 *   m_j = sum_i e_i' l_i / sqrt(EVE - 2 EX' M ZVE + EX' V EX),
 * l_i = e_i lagged j rows (zeros first), EVE = sum (e_i'l_i)^2,
 * EX = sum X_i' l_i, ZVE = sum W_i' e_i (e_i'l_i), M = B WX' A (the
 * estimator's influence matrix) and V its robust variance. */
#include "gmm_internal.h"

#include <gsl/gsl_blas.h>
#include <math.h>
#include <stdlib.h>

void gmm_ar_test(const gmm_sys *g, const double *e, const gsl_matrix *M, const gsl_matrix *V,
                 int order, double *stat)
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
    *stat = num / sqrt(eve - 2 * cross + quad);
    gsl_vector_free(t); gsl_vector_free(u); gsl_vector_free(EX); gsl_vector_free(ZVE);
}
