/* Pearson's r on panel data with the entities as clusters (issue 13): the
 * iid p of cor.test treats country-years as independent; here the slope of
 * y on x gets CR1 errors by entity (as Stata's regress, vce(cluster)) and,
 * with fewer than 50 clusters, the restricted wild cluster bootstrap. */
#include "cpr/bootstrap.h"
#include "cpr/correlate.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

int cpr_correlate_cluster(const double *x, const double *y, const int *cluster, size_t n, size_t B,
                          unsigned long seed, cpr_correlation *c)
{
    c->n_clusters = 0;
    c->p_cluster = c->p_boot = NAN;
    c->boot_B = 0;
    c->boot_exact = 0;
    size_t m = 0;
    int gmax = -1;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && !isnan(y[i]) && cluster[i] >= 0) { m++; if (cluster[i] > gmax) gmax = cluster[i]; }
    if (m < 3 || gmax < 1) return CPR_OK;
    /* compact cluster codes over the rows used */
    int *map = cpr_malloc((size_t)(gmax + 1) * sizeof *map), *cl = cpr_malloc(m * sizeof *cl);
    double *X = cpr_malloc(2 * m * sizeof *X), *Y = cpr_malloc(m * sizeof *Y);
    for (int g = 0; g <= gmax; g++) map[g] = -1;
    size_t G = 0, k = 0;
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || isnan(y[i]) || cluster[i] < 0) continue;
        if (map[cluster[i]] < 0) map[cluster[i]] = (int)G++;
        cl[k] = map[cluster[i]];
        X[k] = 1;
        X[m + k] = x[i];
        Y[k] = y[i];
        mx += x[i]; my += y[i];
        k++;
    }
    mx /= (double)m; my /= (double)m;
    int rc = CPR_OK;
    if (G >= 2 && G < m) {
        double sxx = 0, sxy = 0;
        for (size_t i = 0; i < m; i++) { sxx += (X[m + i] - mx) * (X[m + i] - mx); sxy += (X[m + i] - mx) * (Y[i] - my); }
        double b = sxy / sxx;
        /* CR0 meat of the slope: sum over clusters of (sum_i (x_i - mx) e_i)^2 / sxx^2 */
        double *s = cpr_calloc(G, sizeof *s), meat = 0;
        for (size_t i = 0; i < m; i++) s[cl[i]] += (X[m + i] - mx) * (Y[i] - my - b * (X[m + i] - mx));
        for (size_t g = 0; g < G; g++) meat += s[g] * s[g];
        free(s);
        double v = meat / (sxx * sxx) * (double)G / (double)(G - 1) * (double)(m - 1) / (double)(m - 2);
        double t = b / sqrt(v);
        c->n_clusters = G;
        c->p_cluster = 2 * gsl_cdf_tdist_Q(fabs(t), (double)(G - 1));
        if (G < CPR_BOOT_FEW_CLUSTERS && B > 0) {
            cpr_boot_spec spec = {.B = B, .seed = seed, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95, .type = CPR_BOOT_WCR};
            cpr_boot_out out;
            cpr_error_scope es;   /* no bootstrap p: the cluster p stands */
            cpr_error_scope_begin(&es);
            rc = cpr_wcr_test(X, m, 2, Y, cl, G, 1, &spec, &out);
            cpr_error_scope_end(&es);
            if (rc == CPR_OK) { c->p_boot = out.p; c->boot_B = out.B; c->boot_exact = out.exact; }
            else rc = CPR_OK;
        }
    }
    free(map); free(cl); free(X); free(Y);
    return rc;
}
