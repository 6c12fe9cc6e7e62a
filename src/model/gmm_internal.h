/* Shared between the difference-GMM files: the stacked first-differenced
 * system, one block of m rows (equation periods) per entity. Unusable rows
 * (any difference missing) are all-zero, as in plm, so every entity has the
 * same m and lags of residuals stay aligned with periods. */
#ifndef CPR_GMM_INTERNAL_H
#define CPR_GMM_INTERNAL_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

#include "cpr/gmm.h"

typedef struct {
    size_t G, m, K, L;   /* entities, rows per entity, regressors, instruments */
    double *X;           /* G*m*K, row-major: row (i*m + r) at X + (i*m + r)*K */
    double *y;           /* G*m */
    double *W;           /* G*m*L, row-major like X */
    size_t nobs;         /* usable rows */
    char **names;        /* K term names (owned) */
    size_t n_dummies;    /* the last n_dummies of the K terms are time dummies */
    size_t n_gmm_cols;   /* GMM-style instrument columns (after dropping empty ones) */
    char **dropped;      /* regressors dropped as all zero after differencing (owned) */
    size_t ndropped;
} gmm_sys;

int gmm_sys_build(const cpr_gmm_spec *s, gmm_sys *g);
void gmm_sys_clear(gmm_sys *g);

/* In-place inverse of a symmetric positive semi-definite matrix: Cholesky,
 * or the eigen pseudo-inverse when that fails (plm's ginv fallback);
 * *pinv is set to 1 in the second case. */
int gmm_sym_inverse(gsl_matrix *A, int *pinv);

/* Arellano-Bond AR(order) statistic on residuals e (G*m); M = B WX' A is
 * the estimator's influence matrix, V its robust variance (gmm_tests.c). */
void gmm_ar_test(const gmm_sys *g, const double *e, const gsl_matrix *M, const gsl_matrix *V,
                 int order, double *stat);

#endif
