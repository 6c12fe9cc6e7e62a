/* Arellano-Bond (1991) difference GMM for dynamic panels, as R plm's pgmm
 * (transformation "d"): the equation is first-differenced to remove the
 * fixed effects; the levels of one variable (normally the outcome) dated
 * t-lag_min ... t-lag_max instrument the differenced equation at t, one
 * block per period (or collapsed: one column per lag); exogenous regressors
 * instrument themselves in differences; optional time dummies (in
 * differences) are regressors and instruments. One step with H = the MA(1)
 * matrix (2 on the diagonal, -1 next to it); two steps with the optimal
 * weight from the one-step residuals. Input is a balanced grid (missing =
 * NAN), so the numerics are testable without a frame.
 *
 * The estimator (this header, src/model/gmm*.c) returns a fitted model
 * (cpr_fit with its GMM part) and computes no variance and no test: the
 * one-step cluster-robust and the two-step Windmeijer-corrected variances,
 * the Arellano-Bond AR(1)/AR(2), Hansen, Sargan and Wald tests are
 * inference's (cpr/gmm_infer.h, src/infer/gmm_*.c), computed from the
 * part below. */
#ifndef CPR_GMM_H
#define CPR_GMM_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

#include "cpr/fit.h"
#include "cpr/gmm_sys.h"
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


/* What a difference-GMM estimate leaves for inference (cpr_fit.gmm). With
 * B = (WX' A WX)^-1 and M = B WX' A (K x L), b = M Wy for each step. */
typedef struct cpr_gmm_part {
    cpr_gmm_sys sys;
    int twostep;             /* the result holds the second step's b */
    gsl_matrix *WX;          /* L x K: sum_i W_i' X_i */
    gsl_vector *Wy;          /* L: sum_i W_i' y_i */
    gsl_matrix *A1;          /* one-step weight (sum_i W_i' H W_i)^-1 */
    gsl_matrix *S2;          /* sum_i W_i' e1_i e1_i' W_i */
    gsl_matrix *A2;          /* two-step weight S2^-1 (also Hansen's J) */
    gsl_matrix *M1, *M2;     /* influence matrices of the steps (M2 NULL: one step) */
    gsl_matrix *B2;          /* (WX' A2 WX)^-1, the non-robust two-step variance (NULL: one step) */
    gsl_vector *b1, *b2;     /* coefficients of the steps (b2 NULL: one step) */
    double *e1, *e2;         /* differenced residuals of the steps, G*m (e2 NULL: one step) */
    double *c1;              /* G*L: W_i' e1_i */
    int pinv;                /* a generalized inverse was used somewhere */
} cpr_gmm_part;

/* Estimate; *out is a new fit (caller frees with cpr_fit_free) whose
 * result holds the terms, the coefficients of the chosen step (no standard
 * errors yet), nobs, the instrument counts and the notes, and whose
 * f->gmm holds the system and both steps. f->tests = CPR_FIT_TESTS_GMM.
 * Residuals and fitted values (r->residuals, r->fitted) are on the
 * DIFFERENCED scale and on the spec's grid, G*T values, cell (i, t) at
 * i*T + t: the chosen step's residual of the differenced equation at t
 * and fitted = dy - residual = dX'b; NAN for cells with no equation (the
 * first periods, a missing level at t or t-1). Errors: CPR_E_NUMERIC when
 * there are too few periods or observations, or the moment matrix is
 * singular. */
int cpr_gmm_estimate(const cpr_gmm_spec *s, cpr_fit **out);
void cpr_gmm_part_free(cpr_gmm_part *p);


#endif
