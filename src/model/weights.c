/* Observation weights for the linear estimators, with Stata's conventions
 * ([U] 20.23): aweights and pweights are rescaled to sum to N, fweights are
 * counts (N = their sum). Every weighted estimator is least squares on rows
 * scaled by sqrt(w); fixed effects are absorbed first by a weighted within
 * transformation (x minus its weighted group mean; two-way by alternating
 * weighted projections), which by Frisch-Waugh-Lovell gives exactly the
 * weighted LSDV slopes, also when weights vary within an entity. */
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *cpr_weight_type_name(cpr_weight_type t)
{
    return t == CPR_WEIGHT_A ? "aweight" : t == CPR_WEIGHT_P ? "pweight" : t == CPR_WEIGHT_F ? "fweight" : "none";
}

int cpr_wts_init(const cpr_design *d, cpr_wts *wt)
{
    memset(wt, 0, sizeof *wt);
    wt->n_obs = (double)d->n;
    if (!d->w) return CPR_OK;
    size_t n = d->n;
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += d->w[i];
    if (!(s > 0)) return cpr_fail(CPR_E_NUMERIC, "weights: the weights of the %zu observations sum to 0", n);
    wt->type = d->weight_type;
    wt->w = cpr_malloc(n * sizeof *wt->w);
    wt->sw = cpr_malloc(n * sizeof *wt->sw);
    double scale = wt->type == CPR_WEIGHT_F ? 1.0 : (double)((long double)n / s);
    for (size_t i = 0; i < n; i++) { wt->w[i] = d->w[i] * scale; wt->sw[i] = sqrt(wt->w[i]); }
    if (wt->type == CPR_WEIGHT_F) wt->n_obs = (double)s;
    return CPR_OK;
}

void cpr_wts_clear(cpr_wts *wt)
{
    free(wt->w); free(wt->sw);
    memset(wt, 0, sizeof *wt);
}

void cpr_rows_scale(double *cols, size_t n, size_t ncols, const double *sw)
{
    for (size_t j = 0; j < ncols; j++)
        for (size_t i = 0; i < n; i++) cols[j * n + i] *= sw[i];
}

double cpr_tss_w(const double *y, const double *w, size_t n, int centered)
{
    long double m = 0, sw = 0, s = 0;
    for (size_t i = 0; i < n; i++) { m += (long double)w[i] * y[i]; sw += w[i]; }
    m = centered ? m / sw : 0;
    for (size_t i = 0; i < n; i++) s += w[i] * (y[i] - m) * (y[i] - m);
    return (double)s;
}

/* x -= weighted group mean; returns max |mean| removed. */
static double demean_w(double *x, const double *w, size_t n, const int *g, size_t ng,
                       const long double *wsum, long double *acc)
{
    for (size_t c = 0; c < ng; c++) acc[c] = 0;
    for (size_t i = 0; i < n; i++) acc[g[i]] += (long double)w[i] * x[i];
    double mx = 0;
    for (size_t c = 0; c < ng; c++) {
        acc[c] = wsum[c] > 0 ? acc[c] / wsum[c] : 0;
        mx = fmax(mx, fabs((double)acc[c]));
    }
    for (size_t i = 0; i < n; i++) x[i] = (double)(x[i] - acc[g[i]]);
    return mx;
}

static long double *group_wsum(const int *g, size_t n, size_t ng, const double *w)
{
    long double *s = cpr_calloc(ng ? ng : 1, sizeof *s);
    for (size_t i = 0; i < n; i++) s[g[i]] += w[i];
    return s;
}

int cpr_within_transform_w(const cpr_absorb *a, const double *w, double *cols, size_t ncols, int *iters)
{
    size_t n = a->n;
    double tol = a->tol > 0 ? a->tol : CPR_FE_TOL;
    int maxit = a->maxiter > 0 ? a->maxiter : 10000, used = 0;
    int ent = a->effects != CPR_EFFECTS_TIME, tim = a->effects != CPR_EFFECTS_ENTITY;
    long double *we = ent ? group_wsum(a->entity, n, a->n_entities, w) : NULL;
    long double *wt = tim ? group_wsum(a->time, n, a->n_times, w) : NULL;
    size_t nacc = (a->n_entities > a->n_times ? a->n_entities : a->n_times) + 1;
    long double *acc = cpr_malloc(nacc * sizeof *acc);
    int rc = CPR_OK;
    for (size_t j = 0; j < ncols && rc == CPR_OK; j++) {
        double *x = cols + j * n;
        if (!(ent && tim)) {   /* one-way: one weighted demeaning is exact */
            if (ent) demean_w(x, w, n, a->entity, a->n_entities, we, acc);
            else demean_w(x, w, n, a->time, a->n_times, wt, acc);
            continue;
        }
        int it = 0;
        for (;;) {
            demean_w(x, w, n, a->entity, a->n_entities, we, acc);
            demean_w(x, w, n, a->time, a->n_times, wt, acc);
            it++;
            /* time means are now zero; stop when the entity means are too */
            double sup = 0;
            for (size_t i = 0; i < n; i++) sup = fmax(sup, fabs(x[i]));
            for (size_t c = 0; c < a->n_entities; c++) acc[c] = 0;
            for (size_t i = 0; i < n; i++) acc[a->entity[i]] += (long double)w[i] * x[i];
            double mx = 0;
            for (size_t c = 0; c < a->n_entities; c++) if (we[c] > 0) mx = fmax(mx, fabs((double)(acc[c] / we[c])));
            if (mx <= tol * sup || sup == 0) break;
            if (it >= maxit) {
                rc = cpr_fail(CPR_E_NOCONV, "weighted two-way fixed effects: alternating projections did not converge in %d sweeps "
                              "(entity means still %.3g of the largest value; raise --fe-maxiter or --fe-tol)", maxit, mx / sup);
                break;
            }
        }
        if (it > used) used = it;
    }
    free(we); free(wt); free(acc);
    if (iters) *iters = used;
    return rc;
}
