/* Linear estimators on a cpr_design: OLS, pooled, fixed effects (within),
 * random effects (GLS, Swamy-Arora), between and first differences. Pure
 * numerics: every estimator fills a cpr_result and never prints. The
 * building blocks (least squares core, FE absorption, panel group helpers)
 * are public so IV/bootstrap code can reuse them. */
#ifndef CPR_MODEL_H
#define CPR_MODEL_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/result.h"

typedef enum { CPR_MODEL_OLS, CPR_MODEL_POOLED, CPR_MODEL_FE, CPR_MODEL_RE,
               CPR_MODEL_BE, CPR_MODEL_FD } cpr_model_kind;
typedef enum { CPR_EFFECTS_ENTITY, CPR_EFFECTS_TIME, CPR_EFFECTS_TWOWAY } cpr_effects;
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
/* How the least-squares core factorizes. AUTO: QR up to CPR_LS_XTX_MIN_N
 * rows; above, the normal equations (XTX) when X is of full rank and its
 * column-scaled condition number is at most CPR_LS_XTX_MAX_COND, else QR. */
typedef enum { CPR_LS_AUTO, CPR_LS_QR, CPR_LS_XTX } cpr_ls_method;

#define CPR_LS_XTX_MIN_N 20000u
/* Default tolerance of the two-way absorption (see cpr_within_transform):
 * small enough that the residuals, hence the SEs, agree with an exact
 * (LSDV) solution to about 1e-13; Irons-Tuck gets there in a few sweeps. */
#define CPR_FE_TOL 1e-13
#define CPR_LS_XTX_MAX_COND 1e5   /* XTX bread error ~ cond^2 * 1e-19 <= 1e-9 */
#define CPR_LS_RANK_TOL 1e-11     /* see cpr_ols_qr */

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
} cpr_model_spec;

/* Two-way FE, cluster by entity, Stata factors, 95%, tol CPR_FE_TOL, 10000 iter. */
void cpr_model_spec_default(cpr_model_spec *s);
/* Fit the model in `spec` on `d`; *out is a new result (caller frees). */
int cpr_model_fit(const cpr_design *d, const cpr_model_spec *spec, cpr_result **out);

/* ---- least-squares core ------------------------------------------------ */

typedef struct {
    size_t n, k_in;      /* rows, columns given */
    size_t k;            /* columns kept (rank) */
    size_t *keep;        /* k indices into the given columns, increasing */
    double *beta;        /* k */
    double *bread;       /* k*k row-major (X'X)^-1 over the kept columns */
    double *resid;       /* n: y - X beta */
    double rss;
    double cond;         /* condition estimate of the column-scaled X */
    int refine_iter;     /* refinement sweeps used for beta */
    cpr_ls_method method;/* factorization actually used */
} cpr_ls;

/* Least squares of y (n) on X (n*k column-major). Columns are scaled by
 * powers of two (exact) to unit norm; column j is collinear when its
 * residual norm after projecting on the kept columns before it is below
 * tol (default CPR_LS_RANK_TOL when tol <= 0) times its norm: the later of
 * two collinear columns is dropped, as in R and Stata. QR path: Householder
 * QR with column pivoting (GSL QRPT) in double, then Bjorck's iterative
 * refinement of the augmented system with residuals in long double, for
 * beta and for the columns of (X'X)^-1 when cond > 1e4. XTX path (large n):
 * X'X and its Cholesky factor in long double, refinement of beta with long
 * double residuals (src/model/ols_xtx.c). Fails with CPR_E_NUMERIC when no column is left or n <= rank. */
int cpr_ols_qr(const double *X, size_t n, size_t k, const double *y,
               double tol, cpr_ls_method method, cpr_ls *out);
void cpr_ls_clear(cpr_ls *ls);
/* Internals of the core (ols_select.c, ols_xtx.c) on scaled columns Xs:
 * keep the columns (in order) not within tol of the span of earlier kept
 * ones; returns how many. cpr_ls_xtx fills out->keep/k/beta/bread/resid
 * for the scaled problem X / scale, reading the columns of X in place;
 * it fills scale (k) with the power-of-two column scales of cpr_ols_qr
 * (from the diagonal of X'X), or works unscaled when scale is NULL. */
size_t cpr_ls_select(const double *Xs, size_t n, size_t k, double tol, size_t *keep);
int cpr_ls_xtx(const double *X, double *scale, size_t n, size_t k, const double *y, double tol, cpr_ls *out);

/* ---- one final regression and its result -------------------------------- */

typedef struct {
    size_t n, k;         /* rows, kept columns */
    double *X;           /* n*k kept columns, column-major (owned unless x_borrowed) */
    int x_borrowed;      /* X is the caller's array (cpr_reg_fit_borrow) */
    char **names;        /* k term names (owned) */
    long const_idx;      /* kept index of the intercept, -1 when none */
    cpr_ls ls;
    char **dropped;      /* names of the columns dropped as collinear */
    size_t ndropped;
    int perfect_fit;     /* rss is zero to rounding (R-squared = 1 - 1e-20 or closer) */
} cpr_reg;

/* Least squares of y on X (n*k); const_col = given index of the intercept
 * or -1. Collinear columns are dropped and remembered by name. */
int cpr_reg_fit(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                long const_col, const double *y, cpr_ls_method method);
/* The same, but when no column is dropped g->X is the caller's X (no
 * copy): X must stay unchanged and alive until cpr_reg_clear. */
int cpr_reg_fit_borrow(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                       long const_col, const double *y, cpr_ls_method method);
void cpr_reg_clear(cpr_reg *g);
/* New result with model/estimator labels, terms, estimates, nobs and one
 * note per dropped column ("dropped x2 (collinear)"). */
cpr_result *cpr_reg_result(const cpr_reg *g, const char *model, const char *estimator);
/* Centered (or, without intercept, uncentered) total sum of squares. */
double cpr_tss(const double *y, size_t n, int centered);
/* Correlation of a and b (n) and its square. */
double cpr_corr(const double *a, const double *b, size_t n);
double cpr_corr2(const double *a, const double *b, size_t n);

/* ---- fixed-effect absorption ------------------------------------------- */

typedef struct {
    size_t n;
    const int *entity;   /* n codes < n_entities (may be NULL for TIME) */
    const int *time;     /* n codes < n_times (may be NULL for ENTITY) */
    size_t n_entities, n_times;
    cpr_effects effects;
    double tol;          /* <= 0: CPR_FE_TOL */
    int maxiter;         /* <= 0: 10000 */
} cpr_absorb;

/* Subtract the fixed effects from ncols columns (each n long, at cols +
 * j*n) in place. One-way: group means (exact). Two-way balanced (each
 * entity-time cell once): x - mean_i - mean_t + mean (exact). Two-way
 * unbalanced: alternating projections on the vector of time effects (one
 * sweep = two gathers over the codes) with Irons-Tuck acceleration, until
 * every time mean of the result is below tol * (sup-norm of the column);
 * its entity means are zero by construction. Fails with CPR_E_NOCONV after
 * maxiter sweeps. O(n) extra memory (codes grouped by time), no dummies. */
int cpr_within_transform(const cpr_absorb *a, double *cols, size_t ncols, int *iters);
/* The absorption the spec asks for on design d (its entity and time codes,
 * effects, tolerance and sweep limit). */
cpr_absorb cpr_absorb_for(const cpr_design *d, const cpr_model_spec *s);
/* Number of absorbed parameters: G, T or G + T - (connected components). */
size_t cpr_absorb_dof(const cpr_absorb *a);

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

/* counts[g] = observations of group g (ng groups). */
void cpr_group_counts(const int *g, size_t n, size_t ng, size_t *counts);
/* means[g*ncols + j] = mean of column j within group g. */
void cpr_group_means(const int *g, size_t n, size_t ng, const double *cols,
                     size_t ncols, double *means);
/* 1 when each code of `inner` belongs to a single code of `outer`. */
int cpr_codes_nested(const int *inner, size_t n_inner, const int *outer, size_t n);

/* The entity labels when the clusters are the entities (the default), else
 * NULL (clusters are then numbered in the diagnostics). */
const char *const *cpr_design_cluster_labels(const cpr_design *d);

/* FD row pairs: cur[r], prev[r] are rows of the same entity in consecutive
 * periods (time value + 1), in (entity, time) order; returns the count. */
size_t cpr_fd_pairs(const cpr_design *d, size_t **cur, size_t **prev);
/* Stata's R^2 within, between and overall for the slopes of g on d's data. */
void cpr_stata_r2_wo(cpr_result *r, const cpr_design *d, const cpr_reg *g);

/* ---- estimators (called by cpr_model_fit; d already checked) ----------- */

int cpr_fit_pooled(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
int cpr_fit_fe(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
int cpr_fit_re(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
/* Swamy-Arora components and theta_i (G entries) of RE on d: Stata's
 * (harmonic-mean T) or plm's swar (balanced: the same; unbalanced: the
 * between regression weighted by T_i and plm's trace correction). */
int cpr_re_theta(const cpr_design *d, cpr_re_method m, double *theta, double *s2e, double *s2u);
/* Regression-based Hausman test (Mundlak; Wooldridge 2010, 10.7.3): OLS of
 * the RE quasi-demeaned y on the quasi-demeaned X and the within-demeaned
 * time-varying X, Wald chi2 that the latter coefficients are zero, with the
 * variance s->se asks for (src/model/re_mundlak.c). d must hold the
 * intercept (an RE design). */
int cpr_test_hausman_mundlak(const cpr_design *d, const cpr_model_spec *s, cpr_test *out);
int cpr_fit_be(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
int cpr_fit_fd(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
/* 2SLS (src/model/iv.c), chosen by cpr_model_fit when d->kx_endog > 0, for
 * OLS/pooled and FE kinds: endogenous regressors are the last kx_endog
 * columns of X, excluded instruments d->Z. Adds the first-stage F of the
 * excluded instruments per endogenous regressor (KP rk Wald F when
 * clustered with one endogenous regressor). */
int cpr_fit_iv(const cpr_design *d, const cpr_model_spec *s, cpr_result **out);
/* The first stage of endogenous regressor `which` (0-based), or with
 * which = -1 the reduced form: that variable on the exogenous regressors
 * and the instruments, with the same effects and standard errors. */
int cpr_iv_aux_fit(const cpr_design *d, const cpr_model_spec *s, long which, cpr_result **out);

#endif
