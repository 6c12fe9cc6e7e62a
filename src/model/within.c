/* Fixed-effect absorption by demeaning (no dummy matrices, O(n) extra
 * memory per column). Two-way on unbalanced panels: alternating
 * projections (x <- P_time P_entity x) carried out on the vector of time
 * effects, accelerated by Irons-Tuck extrapolation every two sweeps;
 * converged when every time mean of the demeaned column is below tol
 * (default 1e-10) times the column's sup-norm (its entity means are zero
 * by construction); CPR_E_NOCONV after maxiter sweeps. */
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

/* Two-way absorption in the space of the effects (as fixest does): for
 * time effects g, the entity effects are a_e = mean_e(x - g_t) and the map
 * F(g)_t = mean_t(x - a_e) is one alternating-projection sweep. F needs
 * only the group sums of x (computed once) and one pass over the codes, so
 * a sweep never touches the column; Irons-Tuck extrapolation acts on the
 * T-vector g. At the end x -= a_e + g_t: its entity means are zero and its
 * time means are F(g) - g, which the stopping rule bounds. */
typedef struct {
    size_t n, G, T;
    const int *e, *t;
    const size_t *ce, *ct;
    const size_t *seg;    /* G + 1 row offsets when rows are grouped by entity, else NULL */
    long double *acc;     /* T */
    long double *ae;      /* G (unsorted codes only) */
    double *alpha;        /* G: entity effects of the last map's input */
} tw_ctx;

static void tw_map(tw_ctx *c, const long double *sxe, const long double *sxt, const double *gin, double *gout)
{
    for (size_t t = 0; t < c->T; t++) c->acc[t] = 0;
    if (c->seg) {
        for (size_t g = 0; g < c->G; g++) {
            size_t lo = c->seg[g], hi = c->seg[g + 1];
            long double s = 0;
            for (size_t i = lo; i < hi; i++) s += gin[c->t[i]];
            double a = hi > lo ? (double)((sxe[g] - s) / (long double)(hi - lo)) : 0.0;
            c->alpha[g] = a;
            for (size_t i = lo; i < hi; i++) c->acc[c->t[i]] += a;
        }
    } else {
        for (size_t g = 0; g < c->G; g++) c->ae[g] = 0;
        for (size_t i = 0; i < c->n; i++) c->ae[c->e[i]] += gin[c->t[i]];
        for (size_t g = 0; g < c->G; g++)
            c->alpha[g] = c->ce[g] ? (double)((sxe[g] - c->ae[g]) / (long double)c->ce[g]) : 0.0;
        for (size_t i = 0; i < c->n; i++) c->acc[c->t[i]] += c->alpha[c->e[i]];
    }
    for (size_t t = 0; t < c->T; t++)
        gout[t] = c->ct[t] ? (double)((sxt[t] - c->acc[t]) / (long double)c->ct[t]) : 0.0;
}

static double maxdiff(const double *a, const double *b, size_t m)
{
    double d = 0;
    for (size_t i = 0; i < m; i++) d = fmax(d, fabs(a[i] - b[i]));
    return d;
}

static int twoway_iter(const cpr_absorb *a, double *x, tw_ctx *c, int *iters)
{
    size_t n = a->n, G = c->G, T = c->T;
    double scale = 0;
    for (size_t i = 0; i < n; i++) scale = fmax(scale, fabs(x[i]));
    if (scale == 0) return CPR_OK;
    double tol = (a->tol > 0 ? a->tol : 1e-10) * scale;
    int maxit = a->maxiter > 0 ? a->maxiter : 10000;
    long double *sxe = cpr_calloc(G, sizeof *sxe), *sxt = cpr_calloc(T, sizeof *sxt);
    for (size_t i = 0; i < n; i++) { sxe[c->e[i]] += x[i]; sxt[c->t[i]] += x[i]; }
    double *g0 = cpr_calloc(T, sizeof *g0), *g1 = cpr_malloc(T * sizeof *g1), *g2 = cpr_malloc(T * sizeof *g2);
    const double *g = NULL;
    int it = 0;
    while (it < maxit) {
        tw_map(c, sxe, sxt, g0, g1);
        it++;
        if (maxdiff(g1, g0, T) <= tol) { g = g0; break; }
        tw_map(c, sxe, sxt, g1, g2);
        it++;
        if (maxdiff(g2, g1, T) <= tol) { g = g1; break; }
        double num = 0, den = 0;   /* Irons-Tuck: g2 - (d1.d2 / d2.d2) d1 */
        for (size_t t = 0; t < T; t++) {
            double d1 = g2[t] - g1[t], d2 = g2[t] - 2 * g1[t] + g0[t];
            num += d1 * d2; den += d2 * d2;
        }
        double step = den > 0 ? num / den : 0;
        for (size_t t = 0; t < T; t++) g0[t] = g2[t] - step * (g2[t] - g1[t]);
    }
    if (g) {   /* c->alpha belongs to the last map's input, which is g */
        for (size_t i = 0; i < n; i++) x[i] = x[i] - c->alpha[c->e[i]] - g[c->t[i]];
    }
    free(sxe); free(sxt); free(g0); free(g1); free(g2);
    if (iters && it > *iters) *iters = it;
    if (!g)
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
    tw_ctx tw = { 0 };
    if (a->effects == CPR_EFFECTS_TWOWAY && !bal) {
        tw = (tw_ctx){ .n = n, .G = G, .T = T, .e = a->entity, .t = a->time, .ce = ce, .ct = ct,
                       .acc = cpr_malloc((T ? T : 1) * sizeof *tw.acc), .alpha = cpr_malloc((G ? G : 1) * sizeof *tw.alpha) };
        size_t *seg = cpr_malloc((G + 1) * sizeof *seg), i = 0;
        int sorted = 1;
        for (size_t g = 0; g < G && sorted; g++) {   /* rows grouped by entity, in code order? */
            seg[g] = i;
            i += ce[g];
            for (size_t r = seg[g]; r < i && sorted; r++) sorted = r < n && (size_t)a->entity[r] == g;
        }
        seg[G] = n;
        if (sorted) tw.seg = seg;
        else { free(seg); tw.ae = cpr_malloc((G ? G : 1) * sizeof *tw.ae); }
    }
    for (size_t j = 0; j < ncols && rc == CPR_OK; j++) {
        double *x = cols + j * n;
        if (a->effects == CPR_EFFECTS_ENTITY) demean(x, n, a->entity, G, ce, se);
        else if (a->effects == CPR_EFFECTS_TIME) demean(x, n, a->time, T, ct, st);
        else if (bal) {   /* the two projections commute on balanced panels: exact */
            demean(x, n, a->entity, G, ce, se);
            demean(x, n, a->time, T, ct, st);
        } else rc = twoway_iter(a, x, &tw, iters);
    }
    free(tw.acc); free(tw.alpha); free(tw.ae); free((size_t *)tw.seg);
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
