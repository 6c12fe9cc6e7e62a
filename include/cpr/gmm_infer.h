/* Inference on a difference-GMM fit (cpr_gmm_estimate, cpr/gmm.h): the
 * variances (src/infer/gmm_vcov.c) and the specification tests
 * (src/infer/gmm_tests.c), all computed from the fit's GMM part, as R plm's
 * vcovHC.pgmm, mtest and sargan, and Windmeijer (2005). cpr_infer_apply and
 * cpr_infer_diagnostics (cpr/infer.h) call these for a GMM fit, so a
 * command runs estimate -> cpr_infer_run -> report as for regress. */
#ifndef CPR_GMM_INFER_H
#define CPR_GMM_INFER_H

#include <gsl/gsl_matrix.h>

#include "cpr/fit.h"
#include "cpr/gmm.h"
#include "cpr/result.h"

/* V (K*K row-major) of the chosen step: one step, the cluster-robust
 * (by entity) sandwich M1 S2 M1'; two steps, Windmeijer's corrected
 * B2 + D B2 + B2 D' + D V1 D' (V1 the one-step robust variance). */
void cpr_gmm_vcov(const cpr_gmm_part *p, double *V);
/* The variance into f->r: vcov, standard errors, z statistics, p-values,
 * intervals (normal), SE type and label, clusters = entities. */
int cpr_infer_gmm_apply(cpr_fit *f);
/* Arellano-Bond AR(1), AR(2) on the chosen step's differenced residuals,
 * Hansen J (weight A2), the one-step Sargan and its sigma^2, and the Wald
 * test of the slopes other than the time dummies with f->r's variance,
 * placed where the estimator marked (f->infer_at). Run after
 * cpr_infer_gmm_apply. */
void cpr_infer_gmm_tests(cpr_fit *f);
/* Arellano-Bond statistic of order `order` on residuals e (G*m); M = the
 * step's influence matrix B WX' A, V its robust variance (K x K). */
double cpr_gmm_ar_test(const cpr_gmm_sys *g, const double *e, const gsl_matrix *M, const gsl_matrix *V, int order);
/* Estimate and infer in one call; *out is a new result (caller frees).
 * Stats: n_instruments, n_gmm_instruments, sigma2; tests: ar1, ar2, hansen,
 * sargan, wald_coef. Errors as cpr_gmm_estimate. */
int cpr_gmm_fit(const cpr_gmm_spec *s, cpr_result **out);

#endif
