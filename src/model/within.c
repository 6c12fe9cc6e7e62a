/* Fixed-effect absorption by demeaning (no dummy matrices, O(n) extra
 * memory per column). Two-way on unbalanced panels: alternating
 * projections x <- P_time P_entity x, accelerated by Irons-Tuck
 * extrapolation every two sweeps; converged when every entity mean of the
 * (time-demeaned) column is below tol times the column's sup-norm. */
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* x -= group mean; returns max |group mean| removed. */
static double demean(double *x, size_t n, const int *g, size_t ng, const size_t *cnt, long double *sum)
{
    for (size_t c = 0; c < ng; c++) sum[c] = 0;
    for (size_t i = 0; i < n; i++) sum[g[i]] += x[i];
    double mx = 0;
    for (size_t c = 0; c < ng; c++) {
        sum[c] = cnt[c] ? sum[c] / cnt[c] : 0;
        mx = fmax(mx, fabs((double)sum[c]));
    }
    for (size_t i = 0; i < n; i++) x[i] = (double)(x[i] - sum[g[i]]);
    return mx;
}

static int balanced(const cpr_absorb *a, const size_t *ce)
{
    if (a->n != a->n_entities * a->n_times) return 0;
    for (size_t c = 0; c < a->n_entities; c++) if (ce[c] != a->n_times) return 0;
    return 1;   /* (entity, time) keys are unique in a panel */
}

static int twoway_iter(const cpr_absorb *a, double *x, const size_t *ce, const size_t *ct,
                       long double *se, long double *st, int *iters)
{
    size_t n = a->n;
    double scale = 0;
    for (size_t i = 0; i < n; i++) scale = fmax(scale, fabs(x[i]));
    if (scale == 0) return CPR_OK;
    double tol = (a->tol > 0 ? a->tol : 1e-10) * scale;
    int maxit = a->maxiter > 0 ? a->maxiter : 10000;
    double *x0 = cpr_malloc(n * sizeof *x0), *x1 = cpr_malloc(n * sizeof *x1);
    int it = 0, rc = CPR_E_NOCONV;
    demean(x, n, a->time, a->n_times, ct, st);
    while (it < maxit) {
        memcpy(x0, x, n * sizeof *x);
        double m = demean(x, n, a->entity, a->n_entities, ce, se);
        demean(x, n, a->time, a->n_times, ct, st);
        it++;
        if (m <= tol) { rc = CPR_OK; break; }
        memcpy(x1, x, n * sizeof *x);
        demean(x, n, a->entity, a->n_entities, ce, se);
        demean(x, n, a->time, a->n_times, ct, st);
        it++;
        long double num = 0, den = 0;   /* Irons-Tuck: x2 - (d1.d2 / d2.d2) d1 */
        for (size_t i = 0; i < n; i++) {
            double d1 = x[i] - x1[i], d2 = x[i] - 2 * x1[i] + x0[i];
            num += (long double)d1 * d2; den += (long double)d2 * d2;
        }
        if (den > 0) {
            double c = (double)(num / den);
            for (size_t i = 0; i < n; i++) x[i] -= c * (x[i] - x1[i]);
            demean(x, n, a->time, a->n_times, ct, st);   /* keep time means exactly 0 */
        }
    }
    free(x0); free(x1);
    if (iters && it > *iters) *iters = it;
    if (rc != CPR_OK)
        return cpr_fail(CPR_E_NOCONV, "two-way fixed effects: alternating projections did not converge in %d sweeps (tol %g)",
                        maxit, a->tol > 0 ? a->tol : 1e-10);
    return CPR_OK;
}

int cpr_within_transform(const cpr_absorb *a, double *cols, size_t ncols, int *iters)
{
    size_t n = a->n, G = a->n_entities, T = a->n_times;
    size_t *ce = a->entity ? cpr_malloc(G * sizeof *ce) : NULL, *ct = a->time ? cpr_malloc(T * sizeof *ct) : NULL;
    long double *se = a->entity ? cpr_malloc(G * sizeof *se) : NULL, *st = a->time ? cpr_malloc(T * sizeof *st) : NULL;
    if (ce) cpr_group_counts(a->entity, n, G, ce);
    if (ct) cpr_group_counts(a->time, n, T, ct);
    if (iters) *iters = 0;
    int rc = CPR_OK;
    int bal = a->effects == CPR_EFFECTS_TWOWAY && balanced(a, ce);
    for (size_t j = 0; j < ncols && rc == CPR_OK; j++) {
        double *x = cols + j * n;
        if (a->effects == CPR_EFFECTS_ENTITY) demean(x, n, a->entity, G, ce, se);
        else if (a->effects == CPR_EFFECTS_TIME) demean(x, n, a->time, T, ct, st);
        else if (bal) {   /* the two projections commute on balanced panels: exact */
            demean(x, n, a->entity, G, ce, se);
            demean(x, n, a->time, T, ct, st);
        } else rc = twoway_iter(a, x, ce, ct, se, st, iters);
    }
    free(ce); free(ct); free(se); free(st);
    return rc;
}

static size_t find(size_t *p, size_t x)
{
    while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
    return x;
}

size_t cpr_absorb_dof(const cpr_absorb *a)
{
    if (a->effects == CPR_EFFECTS_ENTITY) return a->n_entities;
    if (a->effects == CPR_EFFECTS_TIME) return a->n_times;
    size_t G = a->n_entities, T = a->n_times, m = G + T, comps = m;
    size_t *p = cpr_malloc(m * sizeof *p);
    for (size_t i = 0; i < m; i++) p[i] = i;
    for (size_t i = 0; i < a->n; i++) {   /* bipartite graph entity - period */
        size_t u = find(p, (size_t)a->entity[i]), v = find(p, G + (size_t)a->time[i]);
        if (u != v) { p[u] = v; comps--; }
    }
    free(p);
    return G + T - comps;
}
