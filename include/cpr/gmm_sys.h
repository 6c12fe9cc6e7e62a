/* The stacked first-differenced system of difference GMM and the dense
 * operations on it that both the estimator (src/model/gmm*.c) and its
 * inference (src/infer/gmm_*.c) use; src/model/gmm_sys.c. */
#ifndef CPR_GMM_SYS_H
#define CPR_GMM_SYS_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

/* The stacked first-differenced system, one block of m rows (equation
 * periods first .. T-1) per entity. Unusable rows (any difference missing)
 * are all-zero, as in plm, so every entity has the same m and lags of
 * residuals stay aligned with periods. Row (i, r) is grid cell
 * i*T + first + r. */
typedef struct {
    size_t G, m, K, L;   /* entities, rows per entity, regressors, instruments */
    size_t T;            /* periods of the grid */
    int first;           /* grid period of row r = 0 */
    double *X;           /* G*m*K, row-major: row (i*m + r) at X + (i*m + r)*K */
    double *y;           /* G*m */
    double *W;           /* G*m*L, row-major like X */
    unsigned char *used; /* G*m: 1 = the row has an equation */
    size_t nobs;         /* usable rows */
    char **names;        /* K term names (owned) */
    size_t n_dummies;    /* the last n_dummies of the K terms are time dummies */
    size_t n_gmm_cols;   /* GMM-style instrument columns (after dropping empty ones) */
    char **dropped;      /* regressors dropped as all zero after differencing (owned) */
    size_t ndropped;
} cpr_gmm_sys;

/* Entity i's m x ncol block of a stacked row-major matrix (X, W). */
#define CPR_GMM_BLOCK(A, i, m, ncol) gsl_matrix_const_view_array((A) + (i) * (m) * (ncol), (m), (ncol))

/* z = sum_i W_i' e_i (L); c (optional, G*L) keeps each entity's W_i' e_i. */
void cpr_gmm_w_e(const cpr_gmm_sys *g, const double *e, gsl_vector *z, double *c);

/* In-place inverse of a symmetric positive semi-definite matrix: Cholesky,
 * or the eigen pseudo-inverse when that fails (plm's ginv fallback);
 * *pinv is set to 1 in the second case. */
int cpr_gmm_sym_inverse(gsl_matrix *A, int *pinv);

#endif
