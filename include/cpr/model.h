/* Linear estimators on a cpr_design: OLS, pooled, fixed effects (within),
 * random effects (GLS, Swamy-Arora), between and first differences. Pure
 * numerics: every estimator returns a fitted model (cpr/fit.h) and never
 * prints; variances and tests are the inference layer's (cpr/infer.h). The
 * building blocks they share (least squares core, FE absorption, group
 * helpers) live one layer down, in src/linalg (cpr/linalg.h, cpr/within.h). */
#ifndef CPR_MODEL_H
#define CPR_MODEL_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/linalg.h"
#include "cpr/result.h"
#include "cpr/within.h"

typedef enum { CPR_MODEL_OLS, CPR_MODEL_POOLED, CPR_MODEL_FE, CPR_MODEL_RE,
               CPR_MODEL_BE, CPR_MODEL_FD } cpr_model_kind;
typedef enum { CPR_SE_IID, CPR_SE_HC0, CPR_SE_HC1, CPR_SE_HC2, CPR_SE_HC3,
               CPR_SE_CLUSTER, CPR_SE_CLUSTER2, CPR_SE_DK,
               CPR_SE_CR2,    /* Bell-McCaffrey, Satterthwaite/BM df per coefficient (estimatr) */
               CPR_SE_CR3,    /* MNW's CV3 cluster jackknife, centred on beta */
               CPR_SE_CR3J    /* CV3J: centred on the mean of the beta_(g) */
} cpr_se_kind;
/* Small-sample factor of cluster-robust variances:
 *   STATA: CR0 * G/(G-1) * (N-1)/(N-K), K = slopes + 1 (+ absorbed levels not
 *          nested in the cluster), as regress / xtreg, vce(cluster);
 *   PLM:   plm vcovHC(type="sss"): same with K = slopes (constant not counted);
 *   NONE:  CR0. */
typedef enum { CPR_SSC_STATA, CPR_SSC_PLM, CPR_SSC_NONE } cpr_ssc;
/* Swamy-Arora variance components: Stata xtreg,re (harmonic-mean T) or plm
 * random.method="swar"; identical on balanced panels. */
typedef enum { CPR_RE_STATA, CPR_RE_PLM } cpr_re_method;
/* Hausman FE vs RE: AUTO = regression-based (Mundlak) with the model's
 * variance when --se is robust/clustered, classical with iid SEs. */
typedef enum { CPR_HAUSMAN_AUTO, CPR_HAUSMAN_CLASSICAL, CPR_HAUSMAN_MUNDLAK } cpr_hausman_type;
/* IV estimator (--iv-method): 2SLS, LIML, Fuller's k-class, two-step GMM. */
typedef enum { CPR_IV_2SLS, CPR_IV_LIML, CPR_IV_FULLER, CPR_IV_GMM } cpr_iv_method;


typedef struct {
    cpr_model_kind kind;
    cpr_effects effects;
    cpr_se_kind se;
    cpr_ssc ssc;
    cpr_re_method re_method;
    int dk_lag;          /* Driscoll-Kraay lag, -1 = floor(4 (T/100)^(2/9)) */
    double conf_level;
    double fe_tol;       /* two-way absorption: largest time mean left / sup-norm */
    int fe_maxiter;
    cpr_ls_method ls_method;
    cpr_hausman_type hausman;  /* which Hausman test RE reports (and --hausman adds) */
    int cluster_diag;    /* 0: only when G < CPR_FEW_CLUSTERS (warnings); 1: full table */
    cpr_iv_method iv_method;
    double fuller_a;     /* Fuller's constant: kappa = kappa_LIML - a/(N - L) */
    int asymptotic;      /* IV: Stata's large-sample conventions (z, chi2, RSS/N, HC0, CR0) */
} cpr_model_spec;

/* Two-way FE, cluster by entity, Stata factors, 95%, tol CPR_FE_TOL, 10000 iter. */
void cpr_model_spec_default(cpr_model_spec *s);

/* ---- observation weights (src/model/weights.c) -------------------------- */

typedef struct {
    cpr_weight_type type;  /* CPR_WEIGHT_NONE: w and sw are NULL */
    double *w;             /* n weights used: a/p rescaled to sum to n, f as given */
    double *sw;            /* n square roots of w (the row scale) */
    double n_obs;          /* N of the small-sample factors: n, or the sum of fweights */
} cpr_wts;

/* The weights of design d as its estimators use them (unweighted: n_obs = n,
 * w = NULL). CPR_E_NUMERIC when they sum to zero. */
int cpr_wts_init(const cpr_design *d, cpr_wts *wt);
void cpr_wts_clear(cpr_wts *wt);
const char *cpr_weight_type_name(cpr_weight_type t);
/* cols[j*n + i] *= sw[i] for ncols columns. */
void cpr_rows_scale(double *cols, size_t n, size_t ncols, const double *sw);
/* Weighted (centered on the weighted mean, or raw) sum of squares. */
double cpr_tss_w(const double *y, const double *w, size_t n, int centered);
/* cpr_within_transform with weights: x minus its weighted group mean (one
 * way, exact); two-way by alternating weighted projections until every
 * weighted entity mean is below tol times the column's sup-norm
 * (CPR_E_NOCONV after maxiter sweeps). */
int cpr_within_transform_w(const cpr_absorb *a, const double *w, double *cols, size_t ncols, int *iters);

/* ---- panel helpers ----------------------------------------------------- */

/* The absorption the spec asks for on design d (its entity and time codes,
 * effects, tolerance and sweep limit). */
cpr_absorb cpr_absorb_for(const cpr_design *d, const cpr_model_spec *s);

/* Levels of the absorbed dimensions of a not nested in d's clusters (0
 * without clusters): Stata counts them in K. */
double cpr_absorb_unnested_levels(const cpr_design *d, const cpr_absorb *a);
/* For leave-one-cluster-out computations: the absorbed dimension nested in
 * d's clusters (it leaves with its cluster; NULL when none, or when every
 * absorbed dimension is nested) and the ones that are not (carried as
 * dummies). */
void cpr_absorb_nesting(const cpr_design *d, const cpr_absorb *a, const int **nest, size_t *n_nest,
                        const int *other[2], size_t n_other[2]);

/* FD row pairs: cur[r], prev[r] are rows of the same entity in consecutive
 * periods (time value + 1), in (entity, time) order; returns the count. */
size_t cpr_fd_pairs(const cpr_design *d, size_t **cur, size_t **prev);
/* Wooldridge's AR(1) test (Stata xtserial) without arrays of n entries
 * (src/model/fd_ar1.c): the FD regression dy on dX (no constant) from its
 * long double cross-products, then the FD residual on its lag, clustered
 * by entity. b = lag coefficient, var = its CR1 variance (G/(G-1)), G =
 * entities in the lag regression, nobs = its observations. */
typedef struct {
    double b, var;
    size_t G, nobs;
} cpr_ar1;
int cpr_fd_ar1(const cpr_design *d, cpr_ar1 *out);
/* Stata's R^2 within, between and overall for the slopes of g on d's data. */
void cpr_stata_r2_wo(cpr_result *r, const cpr_design *d, const cpr_reg *g);

/* Swamy-Arora components and theta_i (G entries) of RE on d: Stata's
 * (harmonic-mean T) or plm's swar (balanced: the same; unbalanced: the
 * between regression weighted by T_i and plm's trace correction). */
int cpr_re_theta(const cpr_design *d, cpr_re_method m, double *theta, double *s2e, double *s2u);
/* Whether the Hausman test of s is the regression-based (Mundlak) one:
 * asked for, or by default with robust, clustered or DK variances. */
static inline int cpr_hausman_is_mundlak(const cpr_model_spec *s)
{
    return s->hausman == CPR_HAUSMAN_MUNDLAK || (s->hausman == CPR_HAUSMAN_AUTO && s->se != CPR_SE_IID);
}
/* RSS of pooled OLS with an intercept on d (src/model/pooled_rss.c), for
 * the F test of the fixed effects; NAN when it cannot be computed. */
double cpr_pooled_rss(const cpr_design *d);

/* The estimators and the fitted-model object they return: cpr/fit.h. */

#endif
