/* Small dense helpers the IV estimators and their tests share: the inverse
 * of a symmetric positive definite matrix (Cholesky), and the generalized
 * eigenvalues of a symmetric pair (LIML's kappa, Cragg-Donald). Row-major
 * k*k arrays; k is small (regressors, instruments). */
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int cpr_spd_inverse(double *A, size_t k)
{
    if (k == 0) return CPR_OK;
    gsl_matrix_view m = gsl_matrix_view_array(A, k, k);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int e = gsl_linalg_cholesky_decomp1(&m.matrix);
    if (!e) e = gsl_linalg_cholesky_invert(&m.matrix);
    gsl_set_error_handler(old);
    if (e) return cpr_fail(CPR_E_NUMERIC, "a %zux%zu moment matrix is singular (not positive definite)", k, k);
    return CPR_OK;
}

int cpr_sym_geneig_min(const double *A, const double *B, size_t k, double *lambda)
{
    double *a = cpr_malloc(k * k * sizeof *a), *b = cpr_malloc(k * k * sizeof *b);
    memcpy(a, A, k * k * sizeof *a);
    memcpy(b, B, k * k * sizeof *b);
    gsl_matrix_view ma = gsl_matrix_view_array(a, k, k), mb = gsl_matrix_view_array(b, k, k);
    gsl_vector *ev = gsl_vector_alloc(k);
    gsl_eigen_gensymm_workspace *w = gsl_eigen_gensymm_alloc(k);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int e = gsl_eigen_gensymm(&ma.matrix, &mb.matrix, ev, w);
    gsl_set_error_handler(old);
    if (!e) *lambda = gsl_vector_min(ev);
    gsl_eigen_gensymm_free(w);
    gsl_vector_free(ev);
    free(a); free(b);
    return e ? cpr_fail(CPR_E_NUMERIC, "generalized eigenvalue problem failed (singular moment matrix)") : CPR_OK;
}
