/* Arellano-Bond (1991) difference GMM for dynamic panels, as R plm's pgmm
 * (transformation "d"): the equation is first-differenced to remove the
 * fixed effects; the levels of one variable (normally the outcome) dated
 * t-lag_min ... t-lag_max instrument the differenced equation at t, one
 * block per period (or collapsed: one column per lag); exogenous regressors
 * instrument themselves in differences; optional time dummies (in
 * differences) are regressors and instruments. One step with H = the MA(1)
 * matrix (2 on the diagonal, -1 next to it) and cluster-robust SEs; two steps
 * with the optimal weight from the one-step residuals and Windmeijer (2005)
 * corrected SEs. Tests: Arellano-Bond AR(1), AR(2) on the differenced
 * residuals, Hansen J (robust weight, plm's "sargan") and the classical
 * one-step Sargan. Input is a balanced grid (missing = NAN), so the
 * numerics are testable without a frame. */
#ifndef CPR_GMM_H
#define CPR_GMM_H

#include <stddef.h>

#include "cpr/result.h"

typedef struct {
    size_t G, T;              /* entities x periods; cell (i, t) at i*T + t */
    const double *y;          /* G*T outcome in levels (NAN = missing) */
    size_t k;                 /* regressors in levels (lags of y included) */
    const double *X;          /* k columns of G*T, column j at X + j*G*T */
    char *const *names;       /* k term names */
    const int *exog;          /* k flags: 1 = its difference is an IV-style instrument */
    const double *z;          /* G*T levels of the GMM-instrumented variable */
    int lag_min, lag_max;     /* GMM instrument lags (2 and 99 in plm's example) */
    int collapse;             /* 1 = one column per lag (Roodman 2009) */
    int first;                /* first period (0-based) with an equation: plm's TL1,
                                 max(max regressor lag + 1, lag_min) */
    int time_effects;         /* 1 = time dummies for the equation periods */
    const int *time_values;   /* T labels of the periods (dummy names) */
    const char *time_name;    /* e.g. "year": dummies are named year_1979 */
    int twostep;
    double conf_level;        /* 0 = 0.95 */
} cpr_gmm_spec;

/* Fit; *out is a new result (caller frees). Errors: CPR_E_NUMERIC when
 * there are too few periods or observations, or the moment matrix is
 * singular. Stats: nobs_used, n_instruments, sigma2; tests: ar1, ar2,
 * hansen, sargan, wald_coef (slopes other than time dummies). */
int cpr_gmm_fit(const cpr_gmm_spec *s, cpr_result **out);

#endif
