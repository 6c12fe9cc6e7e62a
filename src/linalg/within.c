/* Fixed-effect absorption by demeaning (no dummy matrices, O(n) extra
 * memory per column). Two-way on unbalanced panels: alternating
 * projections (x <- P_time P_entity x) carried out on the vector of time
 * effects, accelerated by Irons-Tuck extrapolation every two sweeps;
 * converged when every time mean of the demeaned column is below tol
 * (default CPR_FE_TOL = 1e-13) times the column's sup-norm (its entity
 * means are zero by construction); CPR_E_NOCONV after maxiter sweeps. */
#include "cpr/linalg.h"
#include "cpr/within.h"
#include "cpr/status.h"
#include "cpr/threads.h"
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
 * only the group sums of x (computed once) and two gathers over the codes
 * (grouped by entity, and by time: built once by counting sort), so a
 * sweep never touches the column; Irons-Tuck extrapolation acts on the
 * T-vector g. At the end x -= a_e + g_t: its entity means are zero and its
 * time means are F(g) - g, which the stopping rule bounds. */
typedef struct {
    size_t n, G, T;
    const int *et;        /* n time codes, rows grouped by entity */
    const size_t *eseg;   /* G + 1 offsets into et */
    const int *te;        /* n entity codes, rows grouped by time */
    const size_t *tseg;   /* T + 1 offsets into te */
    double *alpha;        /* G: entity effects of the last map's input */
} tw_ctx;

/* sum of v[idx[i]], lo <= i < hi, in long double */
static long double gather_sum(const double *v, const int *idx, size_t lo, size_t hi)
{
    long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        s0 += v[idx[i]]; s1 += v[idx[i + 1]]; s2 += v[idx[i + 2]]; s3 += v[idx[i + 3]];
    }
    for (; i < hi; i++) s0 += v[idx[i]];
    return (s0 + s1) + (s2 + s3);
}

/* One sweep in effect space: alpha_e = (sum_e x - sum_{i in e} g_t) / n_e,
 * gout_t = (sum_t x - sum_{i in t} alpha_e) / n_t. Two gathers, no scatter. */
static void tw_map(tw_ctx *c, const long double *sxe, const long double *sxt, const double *gin, double *gout)
{
    for (size_t g = 0; g < c->G; g++) {
        size_t lo = c->eseg[g], hi = c->eseg[g + 1];
        c->alpha[g] = hi > lo ? (double)((sxe[g] - gather_sum(gin, c->et, lo, hi)) / (long double)(hi - lo)) : 0.0;
    }
    for (size_t t = 0; t < c->T; t++) {
        size_t lo = c->tseg[t], hi = c->tseg[t + 1];
        gout[t] = hi > lo ? (double)((sxt[t] - gather_sum(c->alpha, c->te, lo, hi)) / (long double)(hi - lo)) : 0.0;
    }
}

/* Codes of `other` with the rows grouped by `key` (counting sort, stable),
 * and the group offsets: O(n + ng). */
static int *group_by(const int *key, const int *other, size_t n, size_t ng, const size_t *cnt, size_t *seg)
{
    int *out = cpr_malloc((n ? n : 1) * sizeof *out);
    size_t *pos = cpr_malloc((ng + 1) * sizeof *pos);
    seg[0] = 0;
    for (size_t g = 0; g < ng; g++) seg[g + 1] = seg[g] + cnt[g];
    memcpy(pos, seg, (ng + 1) * sizeof *pos);
    for (size_t i = 0; i < n; i++) out[pos[key[i]]++] = other[i];
    free(pos);
    return out;
}

static double maxdiff(const double *a, const double *b, size_t m)
{
    double d = 0;
    for (size_t i = 0; i < m; i++) d = fmax(d, fabs(a[i] - b[i]));
    return d;
}

/* One column; *iters = sweeps used. CPR_E_NOCONV (not reported: it may run
 * on a worker thread) when maxiter sweeps were not enough. */
static int twoway_iter(const cpr_absorb *a, double *x, tw_ctx *c, int *iters)
{
    size_t n = a->n, G = c->G, T = c->T;
    double scale = 0;   /* sup-norm, entity and time sums: one pass */
    long double *sxe = cpr_calloc(G, sizeof *sxe), *sxt = cpr_calloc(T, sizeof *sxt);
    if (c->et == a->time) {   /* rows grouped by entity: segment sums */
        for (size_t g = 0; g < G; g++) {
            long double s0 = 0;
            for (size_t r = c->eseg[g]; r < c->eseg[g + 1]; r++) {
                double v = x[r], av = fabs(v);
                s0 += v;
                sxt[a->time[r]] += v;
                scale = av > scale ? av : scale;
            }
            sxe[g] = s0;
        }
    } else
        for (size_t i = 0; i < n; i++) {
            double v = x[i], av = fabs(v);
            sxe[a->entity[i]] += v;
            sxt[a->time[i]] += v;
            scale = av > scale ? av : scale;
        }
    if (scale == 0) { free(sxe); free(sxt); *iters = 0; return CPR_OK; }
    double tol = (a->tol > 0 ? a->tol : CPR_FE_TOL) * scale;
    int maxit = a->maxiter > 0 ? a->maxiter : 10000;
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
        for (size_t i = 0; i < n; i++) x[i] = x[i] - c->alpha[a->entity[i]] - g[a->time[i]];
    }
    free(sxe); free(sxt); free(g0); free(g1); free(g2);
    *iters = it;
    return g ? CPR_OK : CPR_E_NOCONV;
}

/* Shared, read-only during the column tasks: the counts and the grouped
 * codes; each task has its own scratch, so the columns are transformed
 * in parallel (one task per column) with results that do not depend on
 * the thread count. */
typedef struct {
    const cpr_absorb *a;
    double *const *cols;
    const size_t *ce, *ct;
    int bal;
    tw_ctx tw;            /* alpha is per task */
    int *rc, *iters;      /* per column */
} within_job;

static void within_column(void *arg, size_t j)
{
    within_job *w = arg;
    const cpr_absorb *a = w->a;
    size_t n = a->n, G = a->n_entities, T = a->n_times;
    double *x = w->cols[j];
    w->rc[j] = CPR_OK;
    w->iters[j] = 0;
    if (a->effects == CPR_EFFECTS_TWOWAY && !w->bal) {
        tw_ctx c = w->tw;
        c.alpha = cpr_malloc((G ? G : 1) * sizeof *c.alpha);
        w->rc[j] = twoway_iter(a, x, &c, &w->iters[j]);
        free(c.alpha);
        return;
    }
    long double *se = a->entity ? cpr_malloc((G ? G : 1) * sizeof *se) : NULL;
    long double *st = a->time ? cpr_malloc((T ? T : 1) * sizeof *st) : NULL;
    if (a->effects == CPR_EFFECTS_ENTITY) demean(x, n, a->entity, G, w->ce, se);
    else if (a->effects == CPR_EFFECTS_TIME) demean(x, n, a->time, T, w->ct, st);
    else {   /* balanced: the two projections commute, exact */
        demean(x, n, a->entity, G, w->ce, se);
        demean(x, n, a->time, T, w->ct, st);
    }
    free(se); free(st);
}

int cpr_within_transform_cols(const cpr_absorb *a, double *const *cols, size_t ncols, int *iters)
{
    size_t n = a->n, G = a->n_entities, T = a->n_times;
    size_t *ce = a->entity ? cpr_malloc((G ? G : 1) * sizeof *ce) : NULL, *ct = a->time ? cpr_malloc((T ? T : 1) * sizeof *ct) : NULL;
    if (ce) cpr_group_counts(a->entity, n, G, ce);
    if (ct) cpr_group_counts(a->time, n, T, ct);
    if (iters) *iters = 0;
    within_job w = { .a = a, .cols = cols, .ce = ce, .ct = ct };
    w.bal = a->effects == CPR_EFFECTS_TWOWAY && balanced(a, ce);
    int *et_own = NULL, *te = NULL;
    size_t *eseg = NULL, *tseg = NULL;
    if (a->effects == CPR_EFFECTS_TWOWAY && !w.bal) {
        eseg = cpr_malloc((G + 1) * sizeof *eseg);
        tseg = cpr_malloc((T + 1) * sizeof *tseg);
        int sorted = 1;   /* rows already grouped by entity, in code order? */
        for (size_t i = 1; i < n && sorted; i++) sorted = a->entity[i] >= a->entity[i - 1];
        if (sorted) {
            eseg[0] = 0;
            for (size_t g = 0; g < G; g++) eseg[g + 1] = eseg[g] + ce[g];
        } else et_own = group_by(a->entity, a->time, n, G, ce, eseg);
        te = group_by(a->time, a->entity, n, T, ct, tseg);
        w.tw = (tw_ctx){ .n = n, .G = G, .T = T, .et = sorted ? a->time : et_own, .eseg = eseg, .te = te, .tseg = tseg };
    }
    w.rc = cpr_malloc((ncols ? ncols : 1) * sizeof *w.rc);
    w.iters = cpr_malloc((ncols ? ncols : 1) * sizeof *w.iters);
    cpr_threads_run(ncols, within_column, &w);
    int rc = CPR_OK;
    for (size_t j = 0; j < ncols; j++) {
        if (iters && w.iters[j] > *iters) *iters = w.iters[j];
        if (w.rc[j] != CPR_OK && rc == CPR_OK) rc = w.rc[j];
    }
    free(w.rc); free(w.iters);
    free(et_own); free(te); free(eseg); free(tseg);
    free(ce); free(ct);
    if (rc != CPR_OK)
        return cpr_fail(CPR_E_NOCONV, "two-way fixed effects: alternating projections did not converge in %d sweeps (tol %g)",
                        a->maxiter > 0 ? a->maxiter : 10000, a->tol > 0 ? a->tol : CPR_FE_TOL);
    return CPR_OK;
}

int cpr_within_transform(const cpr_absorb *a, double *cols, size_t ncols, int *iters)
{
    double **p = cpr_malloc((ncols ? ncols : 1) * sizeof *p);
    for (size_t j = 0; j < ncols; j++) p[j] = cols + j * a->n;
    int rc = cpr_within_transform_cols(a, p, ncols, iters);
    free(p);
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
