/* Dense operations on the stacked difference-GMM system (GSL, row-major):
 * the weight and moment matrices, the instrument-residual products W_i'e_i. */
#include "cpr/gmm_sys.h"

#include "cpr/status.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

/* Eigen pseudo-inverse: eigenvalues below 1e-12 * the largest count as 0. */
static int sym_pinv(gsl_matrix *A)
{
    size_t n = A->size1;
    gsl_matrix *V = gsl_matrix_alloc(n, n), *C = gsl_matrix_alloc(n, n);
    gsl_vector *ev = gsl_vector_alloc(n);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(n);
    gsl_matrix_memcpy(C, A);
    int rc = gsl_eigen_symmv(C, ev, V, ws);
    if (!rc) {
        double mx = 0;
        for (size_t j = 0; j < n; j++) mx = fmax(mx, fabs(gsl_vector_get(ev, j)));
        gsl_matrix_set_zero(A);
        for (size_t j = 0; j < n; j++) {
            double l = gsl_vector_get(ev, j);
            if (!(l > 1e-12 * mx)) continue;
            for (size_t a = 0; a < n; a++)
                for (size_t b = 0; b < n; b++)
                    A->data[a * n + b] += gsl_matrix_get(V, a, j) * gsl_matrix_get(V, b, j) / l;
        }
    }
    gsl_eigen_symmv_free(ws); gsl_vector_free(ev); gsl_matrix_free(V); gsl_matrix_free(C);
    return rc ? cpr_fail(CPR_E_NUMERIC, "gmm: eigen decomposition failed") : CPR_OK;
}

int cpr_gmm_sym_inverse(gsl_matrix *A, int *pinv)
{
    gsl_matrix *C = gsl_matrix_alloc(A->size1, A->size2);
    gsl_matrix_memcpy(C, A);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int rc = gsl_linalg_cholesky_decomp1(C);
    if (!rc) rc = gsl_linalg_cholesky_invert(C);
    gsl_set_error_handler(old);
    if (!rc) {
        /* a "successful" Cholesky of a nearly singular matrix is no better
         * than the pseudo-inverse: check the diagonal is finite */
        for (size_t j = 0; j < A->size1 && !rc; j++) rc = !isfinite(gsl_matrix_get(C, j, j));
    }
    if (!rc) { gsl_matrix_memcpy(A, C); gsl_matrix_free(C); return CPR_OK; }
    gsl_matrix_free(C);
    if (pinv) *pinv = 1;
    return sym_pinv(A);
}

void cpr_gmm_w_e(const cpr_gmm_sys *g, const double *e, gsl_vector *z, double *c)
{
    gsl_vector_set_zero(z);
    gsl_vector *ci = gsl_vector_alloc(g->L);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = CPR_GMM_BLOCK(g->W, i, g->m, g->L);
        gsl_vector_const_view ei = gsl_vector_const_view_array(e + i * g->m, g->m);
        gsl_blas_dgemv(CblasTrans, 1, &Wi.matrix, &ei.vector, 0, ci);
        gsl_vector_add(z, ci);
        if (c) memcpy(c + i * g->L, ci->data, g->L * sizeof *c);
    }
    gsl_vector_free(ci);
}
