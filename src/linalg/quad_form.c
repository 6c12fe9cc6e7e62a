/* The Wald quadratic form b' V^-1 b of a coefficient subset: plain
 * algebra on an estimate and its variance, so estimators that compute
 * their own variance (GMM) use it without the inference layer. */
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_linalg.h>
#include <stdlib.h>

int cpr_wald(const double *b, const double *V, size_t k, const size_t *idx,
             size_t q, double *W)
{
    (void)k;
    if (q == 0) { *W = 0; return CPR_OK; }
    gsl_matrix *A = gsl_matrix_alloc(q, q);
    gsl_vector *x = gsl_vector_alloc(q);
    for (size_t a = 0; a < q; a++) {
        gsl_vector_set(x, a, b[idx[a]]);
        for (size_t c = 0; c < q; c++) gsl_matrix_set(A, a, c, V[idx[a] * k + idx[c]]);
    }
    gsl_vector *z = gsl_vector_alloc(q);
    gsl_vector_memcpy(z, x);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int rc = gsl_linalg_cholesky_decomp1(A);
    if (rc == 0) rc = gsl_linalg_cholesky_svx(A, z);
    gsl_set_error_handler(old);
    double w = 0;
    for (size_t a = 0; a < q; a++) w += gsl_vector_get(x, a) * gsl_vector_get(z, a);
    gsl_matrix_free(A); gsl_vector_free(x); gsl_vector_free(z);
    if (rc != 0) return cpr_fail(CPR_E_NUMERIC, "Wald test: covariance matrix is not positive definite");
    *W = w;
    return CPR_OK;
}
