/* Shared between the difference-GMM estimator files (src/model/gmm*.c):
 * building the stacked system and the inverse the weights need. */
#ifndef CPR_GMM_INTERNAL_H
#define CPR_GMM_INTERNAL_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

#include "cpr/gmm.h"

int gmm_sys_build(const cpr_gmm_spec *s, cpr_gmm_sys *g);
void gmm_sys_clear(cpr_gmm_sys *g);

/* In-place inverse of a symmetric positive semi-definite matrix: Cholesky,
 * or the eigen pseudo-inverse when that fails (plm's ginv fallback);
 * *pinv is set to 1 in the second case. */
int gmm_sym_inverse(gsl_matrix *A, int *pinv);

#endif
