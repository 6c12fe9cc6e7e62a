/* Hansen (1999) fixed-effects panel threshold regression:
 *   y_it = mu_i [+ lambda_t] + b1'x_it 1(q_it <= g) + b2'x_it 1(q_it > g) + c'z_it + e_it
 * (double threshold: three regimes q <= g1 < q <= g2 < q). Every candidate g
 * is fitted by least squares on within-transformed data; g-hat minimises the
 * SSR. Grid: q sorted (n values), floor(trim n) dropped from each end, every
 * distinct value left (or `grid` of them at evenly spaced ranks).
 * LR(g) = (SSR(g) - SSR(g-hat)) / s2, s2 = SSR(g-hat) / (n - absorbed
 * levels); the interval is {g : LR(g) <= -2 ln(1 - sqrt(level))}.
 * F1 = (S0 - S1)/s2 (no threshold vs one), F2 = (S1 - S2)/s2 (one vs two),
 * p-values by Hansen's fixed-regressor bootstrap resampling entities'
 * residual vectors. Double thresholds are sequential: g2 given g1, then g1
 * refined given g2. Unbalanced panels are accepted (Hansen assumes balance):
 * the bootstrap then draws donor entities among those with as many rows. */
#ifndef CPR_THRESHOLD_H
#define CPR_THRESHOLD_H

#include <stddef.h>

#include "cpr/fit.h"
#include "cpr/model.h"
#include "cpr/result.h"

typedef struct {
    size_t n;
    const double *y, *q;            /* outcome, threshold variable (n) */
    size_t kr;                      /* regime-dependent regressors */
    const double *xr;               /* n*kr, column-major */
    char *const *xr_names;
    size_t kc;                      /* controls with one slope */
    const double *xc;               /* n*kc, column-major (may be NULL when kc = 0) */
    char *const *xc_names;
    const char *q_name;             /* for the coefficient labels ("q" when NULL) */
    const int *entity, *time;       /* codes; rows need not be sorted */
    size_t n_entities, n_times;
    const char *entity_name;        /* SE label ("clustered by iso3"); NULL = "entity" */
    cpr_effects effects;            /* ENTITY or TWOWAY */
    int nthresh;                    /* 1 or 2 */
    double trim;                    /* (0, 0.5): 0.05 in Hansen's application ... */
    size_t grid;                    /* 0 = every distinct trimmed value */
    size_t bootstrap;               /* replications, 0 = no bootstrap p-values */
    unsigned long seed;
    double level;                   /* confidence level of the LR intervals (0.95) */
} cpr_threshold_spec;

typedef struct {
    size_t ngrid;
    double *gamma, *lr;             /* single-threshold LR curve over the grid */
    double crit;                    /* LR critical value */
    double gamma1, gamma1_lo, gamma1_hi;   /* (refined, for two thresholds) */
    double gamma2, gamma2_lo, gamma2_hi;   /* NAN for one threshold */
    double ssr0, ssr1, ssr2, sigma2_1, sigma2_2;
    double F1, F2, p1, p2;          /* p NAN without bootstrap, F2/p2 NAN for one */
} cpr_threshold_info;

/* Estimate; *out gets the fit of the slopes at the estimated threshold(s),
 * the stats above and the notes; its variance (clustered by entity, the
 * threshold treated as known, as Hansen) is inference's: cpr_threshold_fit
 * in cpr/infer.h does both. The result's residuals and fitted values are on
 * the spec's n rows, on the scale of the FE fits: residual = the within
 * residual of the final split's regression, fitted = y - residual (the
 * absorbed entity and time effects included). The fit has no design
 * (f->d = NULL). info may be NULL; otherwise clear it after use. */
int cpr_threshold_estimate(const cpr_threshold_spec *s, cpr_fit **out, cpr_threshold_info *info);
void cpr_threshold_info_clear(cpr_threshold_info *info);

#endif
