/* Wooldridge's test for first-order serial correlation in FE panels (as
 * Stata xtserial) and Pesaran's CD test of cross-sectional dependence. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int tval(const cpr_design *d, size_t i)
{
    return d->time_values ? d->time_values[d->time[i]] : d->time[i];
}

/* reg u L.u, nocons cluster(entity); returns b and its CR1 variance. */
static int lag_regression(const cpr_design *d, const size_t *cur, const double *u, size_t m,
                          double *b, double *var, size_t *G, size_t *nobs)
{
    long double sxy = 0, sxx = 0;
    size_t q = 0;
    for (size_t r = 1; r < m; r++)
        if (d->entity[cur[r]] == d->entity[cur[r - 1]] && tval(d, cur[r]) == tval(d, cur[r - 1]) + 1) {
            sxy += (long double)u[r] * u[r - 1]; sxx += (long double)u[r - 1] * u[r - 1]; q++;
        }
    if (q < 2 || !(sxx > 0)) return cpr_fail(CPR_E_NUMERIC, "Wooldridge test: needs at least 3 consecutive periods per entity");
    *b = (double)(sxy / sxx);
    long double *sc = cpr_calloc(d->n_entities, sizeof *sc);
    char *seen = cpr_calloc(d->n_entities, 1);
    for (size_t r = 1; r < m; r++)
        if (d->entity[cur[r]] == d->entity[cur[r - 1]] && tval(d, cur[r]) == tval(d, cur[r - 1]) + 1) {
            int g = d->entity[cur[r]];
            sc[g] += (long double)u[r - 1] * (u[r] - *b * u[r - 1]);
            seen[g] = 1;
        }
    long double meat = 0;
    size_t ng = 0;
    for (size_t g = 0; g < d->n_entities; g++) { meat += sc[g] * sc[g]; ng += seen[g]; }
    free(sc); free(seen);
    double N = (double)q;   /* Stata regress factor with K = 1: G/(G-1) (N-1)/(N-1) */
    *var = (double)(meat / (sxx * sxx)) * ng / (ng - 1.0) * (N - 1.0) / (N - 1.0);
    *G = ng; *nobs = q;
    return CPR_OK;
}

int cpr_test_wooldridge_from(const cpr_ar1 *a, cpr_test *out)
{
    double F = (a->b + 0.5) * (a->b + 0.5) / a->var, G = (double)a->G;
    out->name = cpr_strdup("wooldridge_ar1");
    out->label = cpr_strdup("Wooldridge test for serial correlation in panel data");
    out->statistic = F; out->df1 = 1; out->df2 = G - 1.0;
    out->p_value = gsl_cdf_fdist_Q(F, 1.0, G - 1.0);
    out->note = cpr_asprintf("H0: no first-order autocorrelation (FD residual on its lag = -0.5; as Stata xtserial; lag coefficient %.6g)", a->b);
    return CPR_OK;
}

int cpr_test_wooldridge_ar(const cpr_design *d, cpr_test *out)
{
    if (!d->entity || !d->time) return cpr_fail(CPR_E_NUMERIC, "Wooldridge test needs panel data");
    if (d->n > CPR_LS_XTX_MIN_N) {   /* large: two streaming passes, no arrays of differences */
        cpr_ar1 a;
        int rc = cpr_fd_ar1(d, &a);
        return rc == CPR_OK ? cpr_test_wooldridge_from(&a, out) : rc;
    }
    size_t *cur, *prev, m = cpr_fd_pairs(d, &cur, &prev);
    size_t off = d->has_const ? 1 : 0, kx = d->k - off;
    double *dy = cpr_malloc((m ? m : 1) * sizeof *dy), *dX = cpr_malloc((m ? m : 1) * (kx ? kx : 1) * sizeof *dX);
    for (size_t r = 0; r < m; r++) {
        dy[r] = d->y[cur[r]] - d->y[prev[r]];
        for (size_t j = 0; j < kx; j++) dX[j * m + r] = d->X[(off + j) * d->n + cur[r]] - d->X[(off + j) * d->n + prev[r]];
    }
    free(prev);
    prev = NULL;
    cpr_ls ls;
    int rc = m > kx ? cpr_ols_qr(dX, m, kx, dy, 0, CPR_LS_AUTO, &ls)
                    : cpr_fail(CPR_E_NUMERIC, "Wooldridge test: too few differenced observations");
    if (rc == CPR_OK) {
        double b = 0, var = 0;
        size_t G = 0, q = 0;
        rc = lag_regression(d, cur, ls.resid, m, &b, &var, &G, &q);
        if (rc == CPR_OK) {
            cpr_ar1 a = { .b = b, .var = var, .G = G, .nobs = q };
            cpr_test_wooldridge_from(&a, out);
        }
        cpr_ls_clear(&ls);
    }
    free(cur); free(prev); free(dy); free(dX);
    return rc;
}

/* Balanced: with z_it the residuals standardized within entity,
 * sum_{i<j} rho_ij = (sum_t (sum_i z_it)^2 - N) / 2, so CD is O(n). */
static double cd_balanced(const double *e, const int *ent, const int *tim, size_t n, size_t ng, size_t nt)
{
    double *mu = cpr_malloc(ng * sizeof *mu);
    cpr_group_means(ent, n, ng, e, 1, mu);
    long double *ss = cpr_calloc(ng, sizeof *ss), *col = cpr_calloc(nt, sizeof *col);
    for (size_t i = 0; i < n; i++) { long double v = e[i] - mu[ent[i]]; ss[ent[i]] += v * v; }
    for (size_t i = 0; i < n; i++) col[tim[i]] += (e[i] - mu[ent[i]]) / sqrtl(ss[ent[i]]);
    long double sq = 0;
    for (size_t t = 0; t < nt; t++) sq += col[t] * col[t];
    double sum_rho = (double)((sq - (long double)ng) / 2.0L);
    free(mu); free(ss); free(col);
    return sqrt(2.0 * nt / ((double)ng * (ng - 1.0))) * sum_rho;
}

/* Unbalanced: correlations over the common periods of each pair. */
static double cd_pairs(const double *e, const int *ent, const int *tim, size_t n, size_t ng, size_t nt)
{
    double *cell = cpr_malloc(ng * nt * sizeof *cell);
    for (size_t c = 0; c < ng * nt; c++) cell[c] = NAN;
    for (size_t i = 0; i < n; i++) cell[(size_t)ent[i] * nt + tim[i]] = e[i];
    long double acc = 0;
    for (size_t a = 0; a < ng; a++)
        for (size_t b = a + 1; b < ng; b++) {
            long double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            size_t T = 0;
            for (size_t t = 0; t < nt; t++) {
                double x = cell[a * nt + t], y = cell[b * nt + t];
                if (isnan(x) || isnan(y)) continue;
                sa += x; sb += y; saa += (long double)x * x; sbb += (long double)y * y; sab += (long double)x * y; T++;
            }
            if (T < 3) continue;
            long double cxy = sab - sa * sb / T, cxx = saa - sa * sa / T, cyy = sbb - sb * sb / T;
            if (cxx > 0 && cyy > 0) acc += sqrtl((long double)T) * cxy / sqrtl(cxx * cyy);
        }
    free(cell);
    return sqrt(2.0 / ((double)ng * (ng - 1.0))) * (double)acc;
}

int cpr_test_pesaran_cd(const double *e, const int *entity, const int *time,
                        size_t n, size_t ng, size_t nt, cpr_test *out)
{
    if (ng < 2 || nt < 3) return cpr_fail(CPR_E_NUMERIC, "Pesaran CD test needs 2+ entities and 3+ periods");
    int bal = n == ng * nt;
    if (!bal && ng > 2000)
        return cpr_fail(CPR_E_NUMERIC, "Pesaran CD test on an unbalanced panel with %zu entities (> 2000) is not computed: it is quadratic in the entities", ng);
    double cd = bal ? cd_balanced(e, entity, time, n, ng, nt) : cd_pairs(e, entity, time, n, ng, nt);
    out->name = cpr_strdup("pesaran_cd");
    out->label = cpr_strdup("Pesaran CD test for cross-sectional dependence");
    out->statistic = cd; out->df1 = 0; out->df2 = 0;
    out->p_value = 2.0 * gsl_cdf_ugaussian_Q(fabs(cd));
    out->note = cpr_strdup("H0: no cross-sectional dependence; N(0,1), two-sided");
    return CPR_OK;
}
