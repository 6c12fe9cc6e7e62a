/* Shared between the difference-GMM estimator files (src/model/gmm*.c):
 * building the stacked system (its type and operations: cpr/gmm_sys.h). */
#ifndef CPR_GMM_INTERNAL_H
#define CPR_GMM_INTERNAL_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

#include "cpr/gmm.h"

int gmm_sys_build(const cpr_gmm_spec *s, cpr_gmm_sys *g);
void gmm_sys_clear(cpr_gmm_sys *g);

#endif
