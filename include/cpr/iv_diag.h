/* Diagnostics of an IV fit (src/infer/iv_diag.c and the files it calls):
 * weak-instrument statistics (Cragg-Donald, Kleibergen-Paap rk LM and Wald
 * F, Sanderson-Windmeijer F per endogenous regressor, Stock-Yogo critical
 * values), overidentification tests after 2SLS (Sargan, robust score) and
 * the Anderson-Rubin test and confidence set for one endogenous regressor.
 * Separate from the estimator so that the model layer does not call
 * inference code: the command adds them to the fitted result. */
#ifndef CPR_IV_DIAG_H
#define CPR_IV_DIAG_H

#include "cpr/design.h"
#include "cpr/model.h"
#include "cpr/result.h"

/* Add the diagnostics for the IV model fitted on d with spec s to r. */
int cpr_iv_diagnostics_add(const cpr_design *d, const cpr_model_spec *s, cpr_result *r);

#endif
