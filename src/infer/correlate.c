/* Pearson, Spearman and Kendall correlation with R-compatible tests
 * (cor.test, exact = FALSE); see include/cpr/correlate.h for the formulas. */
#include "cpr/correlate.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <float.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double v;
    size_t i;
} indexed;

static int cmp_indexed(const void *pa, const void *pb)
{
    const indexed *a = pa, *b = pb;
    if (a->v != b->v) return a->v < b->v ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

void cpr_rank_average(const double *v, size_t n, double *ranks)
{
    indexed *s = cpr_malloc((n ? n : 1) * sizeof *s);
    for (size_t i = 0; i < n; i++) { s[i].v = v[i]; s[i].i = i; }
    qsort(s, n, sizeof *s, cmp_indexed);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && s[b].v == s[a].v) b++;
        double r = (double)(a + 1 + b) / 2.0;   /* mean of ranks a+1 .. b */
        for (size_t j = a; j < b; j++) ranks[s[j].i] = r;
        a = b;
    }
    free(s);
}

/* Sums over groups of tied values (sizes t >= 2) that R's variance of S needs. */
typedef struct {
    double pairs;   /* sum t(t-1)/2 */
    double t1;      /* sum t(t-1) */
    double t2;      /* sum t(t-1)(t-2) */
    double t5;      /* sum t(t-1)(2t+5) */
} tie_sums;

static void add_tie(tie_sums *ts, double t)
{
    ts->pairs += t * (t - 1) / 2;
    ts->t1 += t * (t - 1);
    ts->t2 += t * (t - 1) * (t - 2);
    ts->t5 += t * (t - 1) * (2 * t + 5);
}

static tie_sums ties_of_sorted(const double *v, size_t n)
{
    tie_sums ts = {0, 0, 0, 0};
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && v[b] == v[a]) b++;
        if (b - a > 1) add_tie(&ts, (double)(b - a));
        a = b;
    }
    return ts;
}

typedef struct {
    double x, y;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->x != b->x) return a->x < b->x ? -1 : 1;
    return (a->y > b->y) - (a->y < b->y);
}

/* Merge sort of v counting inversions (pairs i < j with v[i] > v[j]). */
static uint64_t sort_count(double *v, double *tmp, size_t n)
{
    if (n < 2) return 0;
    size_t h = n / 2;
    uint64_t inv = sort_count(v, tmp, h) + sort_count(v + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (v[j] < v[i]) { tmp[k++] = v[j++]; inv += h - i; }
        else tmp[k++] = v[i++];
    }
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
    return inv;
}

/* Knight (1966): sort by (x, y), count x ties and joint ties, then count
 * the inversions of y in that order with a merge sort; S follows. */
static double kendall(const double *x, const double *y, size_t n, double *S,
                      tie_sums *tx, tie_sums *ty)
{
    pair *p = cpr_malloc((n ? n : 1) * sizeof *p);
    double *v = cpr_malloc((n ? n : 1) * sizeof *v), *tmp = cpr_malloc((n ? n : 1) * sizeof *tmp);
    for (size_t i = 0; i < n; i++) { p[i].x = x[i]; p[i].y = y[i]; }
    qsort(p, n, sizeof *p, cmp_pair);
    double joint = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && p[b].x == p[a].x && p[b].y == p[a].y) b++;
        joint += (double)(b - a) * (double)(b - a - 1) / 2;
        a = b;
    }
    for (size_t i = 0; i < n; i++) v[i] = p[i].x;
    *tx = ties_of_sorted(v, n);
    for (size_t i = 0; i < n; i++) v[i] = p[i].y;
    uint64_t swaps = sort_count(v, tmp, n);
    *ty = ties_of_sorted(v, n);
    double n0 = (double)n * (double)(n - 1) / 2;
    *S = n0 - tx->pairs - ty->pairs + joint - 2.0 * (double)swaps;
    free(p);
    free(v);
    free(tmp);
    return *S / sqrt((n0 - tx->pairs) * (n0 - ty->pairs));
}

double cpr_kendall_tau_b(const double *x, const double *y, size_t n, double *S)
{
    tie_sums tx, ty;
    double s;
    double tau = kendall(x, y, n, &s, &tx, &ty);
    if (S) *S = s;
    return tau;
}

static double pearson_r(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
    mx /= (double)n;
    my /= (double)n;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    return sxy / sqrt(sxx * syy);
}

/* t test of a correlation coefficient, as cor.test does for Pearson and for
 * Spearman's asymptotic p-value. */
static void t_test(cpr_cor_test *t, size_t n)
{
    double r = t->estimate, df = (double)n - 2;
    t->df = df;
    t->statistic = r * sqrt(df / (1 - r * r));
    /* two-sided p = I_x(df/2, 1/2) with x = df / (df + t^2): the regularized
     * incomplete beta keeps full relative precision far in the tail, where
     * 2 * gsl_cdf_tdist_Q loses ~1e-9 (p ~ 1e-59 for Grunfeld) */
    double t2 = t->statistic * t->statistic;
    t->p_value = 0.0;
    t->p_underflow = 0;
    if (fabs(r) < 1) {
        /* the _e variant reports underflow instead of calling GSL's handler */
        gsl_sf_result res;
        int st = gsl_sf_beta_inc_e(df / 2, 0.5, df / (df + t2), &res);
        if (st == GSL_EUNDRFLW || (st == GSL_SUCCESS && !(res.val >= DBL_MIN))) t->p_underflow = 1;
        else if (st != GSL_SUCCESS) t->p_value = NAN;
        else t->p_value = res.val;
    }
    if (t->p_value > 1) t->p_value = 1;
}

/* tanh(atanh(r) +- z * se) */
static void fisher_ci(cpr_cor_test *t, double se, double level)
{
    if (!(se > 0) || !isfinite(se) || fabs(t->estimate) >= 1) {
        t->conf_low = t->conf_high = fabs(t->estimate) >= 1 && isfinite(se) ? t->estimate : NAN;
        return;
    }
    double z = atanh(t->estimate), q = gsl_cdf_ugaussian_Qinv((1 - level) / 2);
    t->conf_low = tanh(z - q * se);
    t->conf_high = tanh(z + q * se);
}

int cpr_correlate(const double *x, const double *y, size_t n, const char *xname,
                  const char *yname, double conf_level, cpr_correlation *out)
{
    memset(out, 0, sizeof *out);
    double level = conf_level > 0 && conf_level < 1 ? conf_level : 0.95;
    double *a = cpr_malloc((n ? n : 1) * sizeof *a), *b = cpr_malloc((n ? n : 1) * sizeof *b);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && !isnan(y[i])) { a[m] = x[i]; b[m] = y[i]; m++; }
    out->x = cpr_strdup(xname ? xname : "x");
    out->y = cpr_strdup(yname ? yname : "y");
    out->n = m;
    out->n_dropped = n - m;
    out->conf_level = level;
    int rc = CPR_OK;
    if (m < 3) {
        rc = cpr_fail(CPR_E_NUMERIC, "correlate %s %s: need at least 3 complete pairs, have %zu",
                      out->x, out->y, m);
        goto done;
    }
    int constant_a = 1, constant_b = 1;
    for (size_t i = 1; i < m; i++) { constant_a &= a[i] == a[0]; constant_b &= b[i] == b[0]; }
    if (constant_a || constant_b) {
        rc = cpr_fail(CPR_E_NUMERIC, "correlate: '%s' is constant over the %zu complete pairs",
                      constant_a ? out->x : out->y, m);
        goto done;
    }
    double nn = (double)m;

    cpr_cor_test *p = &out->pearson;
    p->method = "pearson";
    p->estimate = pearson_r(a, b, m);
    t_test(p, m);
    fisher_ci(p, m > 3 ? 1 / sqrt(nn - 3) : NAN, level);

    double *ra = cpr_malloc(m * sizeof *ra), *rb = cpr_malloc(m * sizeof *rb);
    cpr_rank_average(a, m, ra);
    cpr_rank_average(b, m, rb);
    cpr_cor_test *s = &out->spearman;
    s->method = "spearman";
    s->estimate = pearson_r(ra, rb, m);
    t_test(s, m);
    fisher_ci(s, m > 3 ? sqrt((1 + s->estimate * s->estimate / 2) / (nn - 3)) : NAN, level);
    free(ra);
    free(rb);

    cpr_cor_test *k = &out->kendall;
    tie_sums tx, ty;
    double S;
    k->method = "kendall";
    k->estimate = kendall(a, b, m, &S, &tx, &ty);
    /* R cor.test(method = "kendall", exact = FALSE): tie-corrected variance */
    double v0 = nn * (nn - 1) * (2 * nn + 5);
    double var_S = (v0 - tx.t5 - ty.t5) / 18 + tx.t1 * ty.t1 / (2 * nn * (nn - 1)) +
                   tx.t2 * ty.t2 / (9 * nn * (nn - 1) * (nn - 2));
    k->df = NAN;
    k->statistic = S / sqrt(var_S);
    k->p_value = 2 * gsl_cdf_ugaussian_Q(fabs(k->statistic));
    k->p_underflow = isfinite(k->statistic) && !(k->p_value >= DBL_MIN);
    if (k->p_underflow) k->p_value = 0.0;
    if (k->p_value > 1) k->p_value = 1;
    fisher_ci(k, m > 4 ? sqrt(0.437 / (nn - 4)) : NAN, level);
    out->ties = tx.pairs > 0 || ty.pairs > 0;

done:
    free(a);
    free(b);
    return rc;
}

void cpr_correlation_clear(cpr_correlation *c)
{
    if (!c) return;
    free(c->x);
    free(c->y);
    c->x = c->y = NULL;
}
