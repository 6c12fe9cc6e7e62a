/* Restricted wild cluster bootstrap (WCR) for one coefficient of a linear
 * regression, following Roodman, MacKinnon, Nielsen and Webb (2019, Stata
 * Journal 19(1), "Fast and wild", the boottest paper).
 *
 * The regression is the final one an estimator ran (after absorbing fixed
 * effects: the within-transformed y and X). For H0: beta_j = r the
 * restricted residuals u_r are resampled by cluster, y* = yhat_r + u_r v_g,
 * and the bootstrap t uses the cluster-robust variance (CR1; the factor
 * cancels in every comparison). Nothing is re-estimated per draw: the
 * bootstrap numerator and the squared CR standard error are linear and
 * quadratic in r, so one O(B G k) pass stores five numbers per draw and
 * every p(r) afterwards costs O(B). p-values are symmetric two-sided,
 * p = #{|t*_b| >= |t|} / B (ties: the v = +-1 draws reproduce |t| exactly and
 * count as extreme, see cpr_wcr_pvalue). Intervals invert the test: {r : p(r) >= 1 - level},
 * endpoints found by bracketing and bisection. Weights are enumerated (all
 * 2^G Rademacher or 6^G Webb vectors, exact and seed-free) when that many
 * fit in B. */
#ifndef CPR_BOOTSTRAP_H
#define CPR_BOOTSTRAP_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/fit.h"
#include "cpr/model.h"
#include "cpr/result.h"

typedef enum { CPR_BOOT_RADEMACHER, CPR_BOOT_WEBB } cpr_boot_weights;
/* WCR: restricted, CV1 t (Cameron, Gelbach & Miller 2008; boottest's
 * default). WCR31: restricted, CV3 (jackknife) t. WCU33: unrestricted, CV3
 * t, bootstrap errors from the jackknife residuals y_g - X_g b_(g)
 * (MacKinnon, Nielsen & Webb 2023, JAE). */
typedef enum { CPR_BOOT_WCR, CPR_BOOT_WCR31, CPR_BOOT_WCU33 } cpr_boot_type;

typedef struct {
    size_t B;                 /* draws requested (> 0) */
    unsigned long seed;       /* draw b uses a splitmix64 stream of (seed, b): src/infer/boot_draws.c */
    cpr_boot_weights weights;
    double conf_level;        /* of the interval, e.g. 0.95 */
    cpr_boot_type type;
} cpr_boot_spec;

typedef struct {
    size_t B;                 /* draws used: 2^G when enumerated */
    int exact;                /* 1 when every sign vector was enumerated */
    double estimate, se;      /* beta_j and its CR (CR0) standard error */
    double t;                 /* t for H0: beta_j = 0 with that se */
    double p;                 /* bootstrap p-value for H0: beta_j = 0 */
    double low, high;         /* interval by test inversion (NAN: not found) */
    double p_floor;           /* smallest resolvable p: 1/B, or under enumeration the
                                 share of vectors that always tie (2/2^G, 6/6^G; WCU 2/B) */
    size_t n_degenerate;      /* draws with zero bootstrap variance at r = 0 */
} cpr_boot_out;

typedef struct cpr_wcr cpr_wcr;

/* Precompute the bootstrap of coefficient j of the regression of y (n) on
 * X (n*k column-major, full column rank) with cluster codes 0..G-1, and
 * draw the weights. Fails with CPR_E_NUMERIC when G < 2 or the design is
 * singular. */
int cpr_wcr_alloc(const double *X, size_t n, size_t k, const double *y,
                  const int *cluster, size_t G, size_t j,
                  const cpr_boot_spec *spec, cpr_wcr **out);
/* The same for coefficients j0 .. j0 + nj - 1 at once (out[0 .. nj-1]):
 * one pass over the rows and one weight vector per draw for all of them. */
int cpr_wcr_alloc_range(const double *X, size_t n, size_t k, const double *y,
                        const int *cluster, size_t G, size_t j0, size_t nj,
                        const cpr_boot_spec *spec, cpr_wcr **out);
void cpr_wcr_free(cpr_wcr *w);
/* Bootstrap p-value for H0: beta_j = r (the same draws for every r). */
double cpr_wcr_pvalue(const cpr_wcr *w, double r);
/* Interval {r : p(r) >= 1 - level}; NAN ends when no crossing is found. */
void cpr_wcr_ci(const cpr_wcr *w, double level, double *low, double *high);
/* Everything for H0: beta_j = 0: p, interval, counts. */
int cpr_wcr_test(const double *X, size_t n, size_t k, const double *y,
                 const int *cluster, size_t G, size_t j,
                 const cpr_boot_spec *spec, cpr_boot_out *out);
/* cpr_wcr_test for coefficients j0 .. j0 + nj - 1 (out[0 .. nj-1]). */
int cpr_wcr_test_range(const double *X, size_t n, size_t k, const double *y,
                       const int *cluster, size_t G, size_t j0, size_t nj,
                       const cpr_boot_spec *spec, cpr_boot_out *out);
/* 1 when every weight vector is enumerated: 2^G <= B (Rademacher) or
 * 6^G <= B (Webb). */
int cpr_wcr_enumerates(size_t G, size_t B, cpr_boot_weights wt);
/* Draws whose bootstrap variance is zero at H0: beta_j = r. */
size_t cpr_wcr_degenerate(const cpr_wcr *w, double r);

/* Webb's six-point weights by default below this many clusters (Rademacher
 * gives at most 2^G distinct bootstrap samples: Webb 2023; MacKinnon,
 * Nielsen & Webb 2023, guide sec. 5) ... */
#define CPR_BOOT_WEBB_BELOW 12
/* ... and below this many no wild bootstrap p-value is reliable (Webb
 * 2023; MacKinnon & Webb 2018): a warning is printed. */
#define CPR_BOOT_UNRELIABLE_BELOW 6

/* Clusters below which `regress` adds the bootstrap by default. */
#define CPR_BOOT_FEW_CLUSTERS 50

/* Bootstrap every coefficient of a fitted OLS, pooled or FE model with
 * one-way clustered SEs, on the fit's final regression (for FE the
 * within-transformed data: every absorbed effect is partialled out, the
 * time effects too, which are not nested in the clusters); fills
 * f->r->boot_p/boot_low/boot_high and adds notes saying what was done.
 * CPR_E_NUMERIC for other estimators, SE types, IV or weights. */
int cpr_fit_bootstrap(cpr_fit *f, const cpr_boot_spec *b);
const char *cpr_boot_weights_name(cpr_boot_weights w);
const char *cpr_boot_type_name(cpr_boot_type t);

#endif
