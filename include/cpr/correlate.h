/* Pairwise correlation with tests and confidence intervals, matching R's
 * cor.test(exact = FALSE):
 *   Pearson   r, t = r sqrt(df / (1 - r^2)), df = n - 2; CI: Fisher z, SE 1/sqrt(n-3).
 *   Spearman  rho = Pearson r of average ranks (ties); p from the same t
 *             approximation (R method "spearman", exact = FALSE); CI: Fisher z
 *             with the Bonett-Wright (2000) SE sqrt((1 + rho^2/2) / (n - 3)).
 *   Kendall   tau-b (Knight's O(n log n) algorithm); z = S / sqrt(var S) with
 *             R's tie-corrected variance, no continuity correction, normal p;
 *             CI: Fisher z with the Fieller et al. (1957) SE sqrt(0.437 / (n - 4)).
 * Rows where either value is missing (NAN) are dropped pairwise. */
#ifndef CPR_CORRELATE_H
#define CPR_CORRELATE_H

#include <stddef.h>

typedef struct {
    const char *method;   /* "pearson", "spearman", "kendall" */
    double estimate;      /* r, rho or tau-b */
    double statistic;     /* t (pearson, spearman) or z (kendall) */
    double df;            /* n - 2 for t statistics, NAN for z */
    double p_value;       /* two-sided */
    int p_underflow;      /* 1: p is below the smallest normal double (p_value 0), printed as a bound */
    double conf_low, conf_high;
} cpr_cor_test;

typedef struct {
    char *x, *y;          /* variable names (copies) */
    size_t n;             /* complete pairs used */
    size_t n_dropped;     /* pairs with a missing value */
    double conf_level;    /* e.g. 0.95 */
    int ties;             /* 1 when x or y has tied values */
    cpr_cor_test pearson, spearman, kendall;
    /* Panel data (several rows per entity): Pearson's r tested with the
     * entities as clusters (cpr_correlate_cluster); n_clusters 0 = not done. */
    size_t n_clusters;
    double p_cluster;     /* CR1 (Stata) t test of the slope of y on x, t(G-1) */
    double p_boot;        /* restricted wild cluster bootstrap p (G < 50), else NAN */
    size_t boot_B;        /* draws used (2^G when enumerated) */
    int boot_exact;
} cpr_correlation;

/* Compute all three measures on the complete pairs of x[0..n-1], y[0..n-1].
 * Fails with CPR_E_NUMERIC when fewer than 3 complete pairs remain or a
 * variable is constant. conf_level <= 0 means 0.95. Release with
 * cpr_correlation_clear. */
int cpr_correlate(const double *x, const double *y, size_t n, const char *xname,
                  const char *yname, double conf_level, cpr_correlation *out);
void cpr_correlation_clear(cpr_correlation *c);
/* Cluster-robust test of Pearson's r on panel data: the slope of y on x
 * (pooled OLS with a constant; its t equals that of scale(y) on scale(x))
 * with CR1 errors clustered by `cluster` (codes 0..G-1 per row), p from
 * t(G-1), and when G < 50 the restricted wild cluster bootstrap p (Rademacher,
 * B draws, seed; all 2^G sign vectors when 2^G <= B). Rows with a missing x
 * or y are skipped. Fills c->n_clusters, p_cluster, p_boot, boot_B. */
int cpr_correlate_cluster(const double *x, const double *y, const int *cluster, size_t n, size_t B,
                          unsigned long seed, cpr_correlation *c);

/* Average ranks (1-based, ties get the mean rank) of v[0..n-1]. */
void cpr_rank_average(const double *v, size_t n, double *ranks);
/* Kendall's tau-b and S = concordant - discordant pairs, O(n log n). */
double cpr_kendall_tau_b(const double *x, const double *y, size_t n, double *S);

#endif
