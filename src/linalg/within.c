/* Fixed-effect absorption by demeaning (no dummy matrices, O(n) extra
 * memory per column). Two-way on unbalanced panels: alternating
 * projections (x <- P_time P_entity x) carried out on the vector of time
 * effects, accelerated by Irons-Tuck extrapolation every two sweeps;
 * converged when every time mean of the demeaned column is below tol
 * (default CPR_FE_TOL = 1e-13) times the column's sup-norm (its entity
 * means are zero by construction); CPR_E_NOCONV after maxiter sweeps. */
#include "cpr/linalg.h"
#include "cpr/within.h"
#include "cpr/rowblocks.h"
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
    size_t parts;         /* group ranges per sweep (threads; 1: serial) */
    int grouped;          /* et is the time codes themselves (rows grouped by entity) */
    const size_t *bounds; /* grouped: nb + 1 row blocks ending at entity ends */
    size_t nb;            /* row blocks of the sums pass */
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
 * gout_t = (sum_t x - sum_{i in t} alpha_e) / n_t. Two gathers, no scatter.
 * Each out[g] is one group's own sum, so cutting the groups into c->parts
 * ranges for the threads changes no value. */
typedef struct {
    const size_t *seg;       /* groups' offsets into codes */
    const int *codes;        /* the other dimension's codes, rows grouped */
    const long double *sx;   /* the groups' sums of x */
    const double *in;        /* the other dimension's effects */
    double *out;
} map_job;

static void map_groups(void *p, size_t k, size_t g0, size_t g1)
{
    map_job *m = p;
    (void)k;
    for (size_t g = g0; g < g1; g++) {
        size_t lo = m->seg[g], hi = m->seg[g + 1];
        m->out[g] = hi > lo ? (double)((m->sx[g] - gather_sum(m->in, m->codes, lo, hi)) / (long double)(hi - lo)) : 0.0;
    }
}

static void tw_map(tw_ctx *c, const long double *sxe, const long double *sxt, const double *gin, double *gout)
{
    map_job me = { c->eseg, c->et, sxe, gin, c->alpha }, mt = { c->tseg, c->te, sxt, c->alpha, gout };
    if (c->parts <= 1) { map_groups(&me, 0, 0, c->G); map_groups(&mt, 0, 0, c->T); return; }
    cpr_span_run(c->G, c->parts, map_groups, &me);
    cpr_span_run(c->T, c->parts, map_groups, &mt);
}

/* The pass before the sweeps: entity sums sxe, time sums sxt and the
 * sup-norm of a column, over fixed row blocks. Rows grouped by entity:
 * the blocks end where an entity does, so each entity's sum is one block's
 * serial chain, stored straight into sxe; else each block keeps entity
 * sums of its own. Block partials are added in block order: one block
 * (the serial loop) up to CPR_ROW_BLOCK rows. */
typedef struct {
    const cpr_absorb *a;
    const tw_ctx *c;
    const double *x;
    int grouped;             /* rows grouped by entity, in code order */
    long double *sxe;        /* grouped: G */
    long double *part;       /* per block: T time sums, then (not grouped) G entity sums */
    double *scale;           /* per block */
} sums_job;

static void sums_block(void *p, size_t b, size_t lo, size_t hi)
{
    sums_job *j = p;
    const cpr_absorb *a = j->a;
    const double *x = j->x;
    size_t G = j->c->G, T = j->c->T;
    long double *sxt = j->part + b * (T + (j->grouped ? 0 : G)), *sxe = sxt + T;
    memset(sxt, 0, (T + (j->grouped ? 0 : G)) * sizeof *sxt);
    double scale = 0;
    if (lo < hi && j->grouped) {
        for (size_t g = (size_t)a->entity[lo]; g <= (size_t)a->entity[hi - 1]; g++) {
            long double s0 = 0;
            for (size_t r = j->c->eseg[g]; r < j->c->eseg[g + 1]; r++) {
                double v = x[r], av = fabs(v);
                s0 += v;
                sxt[a->time[r]] += v;
                scale = av > scale ? av : scale;
            }
            j->sxe[g] = s0;
        }
    } else
        for (size_t i = lo; i < hi; i++) {
            double v = x[i], av = fabs(v);
            sxe[a->entity[i]] += v;
            sxt[a->time[i]] += v;
            scale = av > scale ? av : scale;
        }
    j->scale[b] = scale;
}

static double tw_sums(const cpr_absorb *a, const tw_ctx *c, const double *x, long double *sxe, long double *sxt)
{
    size_t n = a->n, G = c->G, T = c->T, nb = c->nb, w = T + (c->grouped ? 0 : G);
    sums_job j = { a, c, x, c->grouped, sxe, cpr_malloc(nb * w * sizeof(long double)), cpr_malloc(nb * sizeof(double)) };
    if (c->grouped) cpr_row_spans_run(c->bounds, nb, sums_block, &j);
    else cpr_row_blocks_run(n, sums_block, &j);
    double scale = 0;
    for (size_t b = 0; b < nb; b++) {
        const long double *pt = j.part + b * w;
        for (size_t t = 0; t < T; t++) sxt[t] = b ? sxt[t] + pt[t] : pt[t];
        if (!c->grouped)
            for (size_t g = 0; g < G; g++) sxe[g] = b ? sxe[g] + pt[T + g] : pt[T + g];
        scale = j.scale[b] > scale ? j.scale[b] : scale;
    }
    free(j.part); free(j.scale);
    return scale;
}

/* x -= alpha_e + g_t, row by row (over fixed blocks: no sums) */
typedef struct {
    const cpr_absorb *a;
    double *x;
    const double *alpha, *g;
} remove_job;

static void remove_block(void *p, size_t b, size_t lo, size_t hi)
{
    (void)b;
    remove_job *j = p;
    const int *e = j->a->entity, *t = j->a->time;
    for (size_t i = lo; i < hi; i++) j->x[i] = j->x[i] - j->alpha[e[i]] - j->g[t[i]];
}

/* Codes of `other` with the rows grouped by `key` (counting sort, stable),
 * the group counts and offsets: O(n + ng). Each part of the rows counts
 * its keys, its write positions follow the parts before it: the stable
 * sort is one array, whatever the split. */
typedef struct {
    const int *key, *other;
    size_t ng;
    size_t *pos;   /* parts * ng write positions */
    int *out;
} group_job;

static void group_place(void *p, size_t k, size_t lo, size_t hi)
{
    group_job *j = p;
    size_t *pos = j->pos + k * j->ng;
    for (size_t i = lo; i < hi; i++) j->out[pos[j->key[i]]++] = j->other[i];
}

static int *group_by(const int *key, const int *other, size_t n, size_t ng, size_t *cnt, size_t *seg)
{
    int *out = cpr_malloc((n ? n : 1) * sizeof *out);
    size_t parts, *pos = cpr_group_counts_parts(key, n, ng, &parts);
    seg[0] = 0;
    for (size_t g = 0; g < ng; g++) {   /* counts -> first write position of each part */
        size_t at = seg[g];
        for (size_t k = 0; k < parts; k++) {
            size_t c = pos[k * ng + g];
            pos[k * ng + g] = at;
            at += c;
        }
        seg[g + 1] = at;
        cnt[g] = at - seg[g];
    }
    group_job j = { key, other, ng, pos, out };
    cpr_rows_run(n, group_place, &j);
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
    long double *sxe = cpr_calloc(G, sizeof *sxe), *sxt = cpr_calloc(T, sizeof *sxt);
    double scale = tw_sums(a, c, x, sxe, sxt);   /* sup-norm, entity and time sums: one pass */
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
        remove_job r = { a, x, c->alpha, g };
        cpr_row_blocks_run(n, remove_block, &r);
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
    if (iters) *iters = 0;
    within_job w = { .a = a, .cols = cols, .ce = ce, .ct = ct };
    w.bal = a->effects == CPR_EFFECTS_TWOWAY && balanced(a, ce);
    /* two-way unbalanced: the time counts come with the rows grouped by time */
    if (ct && !(a->effects == CPR_EFFECTS_TWOWAY && !w.bal)) cpr_group_counts(a->time, n, T, ct);
    int *et_own = NULL, *te = NULL;
    size_t *eseg = NULL, *tseg = NULL, *bounds = NULL;
    if (a->effects == CPR_EFFECTS_TWOWAY && !w.bal) {
        eseg = cpr_malloc((G + 1) * sizeof *eseg);
        tseg = cpr_malloc((T + 1) * sizeof *tseg);
        int sorted = cpr_codes_sorted(a->entity, n);   /* rows already grouped by entity, in code order? */
        if (sorted) {
            eseg[0] = 0;
            for (size_t g = 0; g < G; g++) eseg[g + 1] = eseg[g] + ce[g];
        } else et_own = group_by(a->entity, a->time, n, G, ce, eseg);
        te = group_by(a->time, a->entity, n, T, ct, tseg);
        w.tw = (tw_ctx){ .n = n, .G = G, .T = T, .et = sorted ? a->time : et_own, .eseg = eseg, .te = te, .tseg = tseg,
                         .grouped = sorted, .parts = 1, .nb = cpr_row_blocks(n) };
        if (sorted) {
            bounds = cpr_malloc((w.tw.nb + 1) * sizeof *bounds);
            w.tw.nb = cpr_row_blocks_at(a->entity, n, bounds);
            w.tw.bounds = bounds;
        }
        /* big columns: each one's passes and sweeps are split over the
         * threads (one column after the other: 3 columns on 2 threads no
         * longer leave one idle); small ones: a column per task */
        w.tw.parts = cpr_rows_parts(n);
    }
    w.rc = cpr_malloc((ncols ? ncols : 1) * sizeof *w.rc);
    w.iters = cpr_malloc((ncols ? ncols : 1) * sizeof *w.iters);
    if (w.tw.parts > 1)
        for (size_t j = 0; j < ncols; j++) within_column(&w, j);
    else cpr_threads_run_work(ncols, n * ncols, within_column, &w);   /* tiny jobs: no thread */
    int rc = CPR_OK;
    for (size_t j = 0; j < ncols; j++) {
        if (iters && w.iters[j] > *iters) *iters = w.iters[j];
        if (w.rc[j] != CPR_OK && rc == CPR_OK) rc = w.rc[j];
    }
    free(w.rc); free(w.iters);
    free(et_own); free(te); free(eseg); free(tseg); free(bounds);
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

/* Components of the bipartite graph entity - period: each thread joins
 * the pairs of a range of rows in a forest of its own, the forests are
 * then joined into the first; the count of components is the graph's,
 * whatever the split. */
typedef struct {
    const cpr_absorb *a;
    size_t m;
    size_t *p;   /* parts * m parents */
} dof_job;

static void dof_part(void *arg, size_t k, size_t lo, size_t hi)
{
    dof_job *j = arg;
    size_t G = j->a->n_entities, *p = j->p + k * j->m;
    for (size_t i = 0; i < j->m; i++) p[i] = i;
    for (size_t i = lo; i < hi; i++) {
        size_t u = find(p, (size_t)j->a->entity[i]), v = find(p, G + (size_t)j->a->time[i]);
        if (u != v) p[u] = v;
    }
}

size_t cpr_absorb_dof(const cpr_absorb *a)
{
    if (a->effects == CPR_EFFECTS_ENTITY) return a->n_entities;
    if (a->effects == CPR_EFFECTS_TIME) return a->n_times;
    size_t G = a->n_entities, T = a->n_times, m = G + T, comps = 0, parts = cpr_rows_parts(a->n);
    dof_job j = { a, m, cpr_malloc(parts * (m ? m : 1) * sizeof(size_t)) };
    cpr_rows_run(a->n, dof_part, &j);
    size_t *p = j.p;
    for (size_t k = 1; k < parts; k++)
        for (size_t x = 0; x < m; x++) {
            size_t r = find(j.p + k * m, x);
            if (r == x) continue;
            size_t u = find(p, x), v = find(p, r);
            if (u != v) p[u] = v;
        }
    for (size_t x = 0; x < m; x++) comps += find(p, x) == x;
    free(j.p);
    return G + T - comps;
}
