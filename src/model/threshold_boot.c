/* Hansen's (1999) bootstrap for the number of thresholds: regressors fixed,
 * y* = fitted values under the null + residual vectors of entities drawn
 * with replacement, the F statistic recomputed on each draw. On unbalanced
 * panels a donor has as many rows as the entity it replaces, so residual
 * vectors keep their length. */
#include "threshold_internal.h"

#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t *start, *rows;   /* rows of entity g: rows[start[g] .. start[g+1]) */
    size_t *same, *sstart;  /* entities grouped by row count */
    size_t *group;          /* group index of each entity */
} entity_rows;

static void rows_build(const cpr_threshold_spec *s, entity_rows *e)
{
    size_t G = s->n_entities, n = s->n;
    e->start = cpr_calloc(G + 1, sizeof *e->start);
    e->rows = cpr_malloc(n * sizeof *e->rows);
    for (size_t i = 0; i < n; i++) e->start[s->entity[i] + 1]++;
    for (size_t g = 0; g < G; g++) e->start[g + 1] += e->start[g];
    size_t *fill = cpr_malloc(G * sizeof *fill);
    memcpy(fill, e->start, G * sizeof *fill);
    for (size_t i = 0; i < n; i++) e->rows[fill[s->entity[i]]++] = i;   /* keeps row order */
    /* sort entities by count (counting sort on count) */
    size_t maxc = 0;
    for (size_t g = 0; g < G; g++) maxc = e->start[g + 1] - e->start[g] > maxc ? e->start[g + 1] - e->start[g] : maxc;
    e->sstart = cpr_calloc(maxc + 2, sizeof *e->sstart);
    for (size_t g = 0; g < G; g++) e->sstart[e->start[g + 1] - e->start[g] + 1]++;
    for (size_t c = 0; c <= maxc; c++) e->sstart[c + 1] += e->sstart[c];
    e->same = cpr_malloc(G * sizeof *e->same);
    e->group = cpr_malloc(G * sizeof *e->group);
    size_t *pos = cpr_malloc((maxc + 1) * sizeof *pos);
    memcpy(pos, e->sstart, (maxc + 1) * sizeof *pos);
    for (size_t g = 0; g < G; g++) {
        size_t c = e->start[g + 1] - e->start[g];
        e->group[g] = c;
        e->same[pos[c]++] = g;
    }
    free(pos); free(fill);
}

static void rows_free(entity_rows *e)
{
    free(e->start); free(e->rows); free(e->same); free(e->sstart); free(e->group);
}

/* y* = fit + residual vectors of donors (same row count), then demeaned. */
static int draw(thr_ctx *c, const entity_rows *e, gsl_rng *rng, const double *fit, const double *res, double *ys)
{
    for (size_t g = 0; g < c->s->n_entities; g++) {
        size_t cnt = e->group[g], lo = e->sstart[cnt], size = e->sstart[cnt + 1] - lo;
        size_t d = e->same[lo + gsl_rng_uniform_int(rng, size)];
        for (size_t r = 0; r < cnt; r++) {
            size_t i = e->rows[e->start[g] + r], j = e->rows[e->start[d] + r];
            ys[i] = fit[i] + res[j];
        }
    }
    return thr_demean(c, ys, 1);
}

/* Fitted values and residuals of the demeaned regression at cuts. */
static int null_fit(thr_ctx *c, const double *yw, const double *cuts, size_t nc, double *fit, double *res)
{
    cpr_reg g = {0};
    double ssr;
    int rc = thr_fit_cuts(c, yw, cuts, nc, &ssr, &g);
    if (!rc)
        for (size_t i = 0; i < c->s->n; i++) { res[i] = g.ls.resid[i]; fit[i] = yw[i] - res[i]; }
    cpr_reg_clear(&g);
    return rc;
}

/* F statistic of the draw: F1 (nthresh 1) or F2 (sequential, refined). */
static int f_stat(thr_ctx *c, const double *ys, int which, double *S, double *F)
{
    double df = (double)c->s->n - c->dof, s0, s1, s2;
    size_t i1, i2, i1r;
    int rc = thr_search(c, ys, NAN, S, &i1);
    if (rc) return rc;
    s1 = S[i1];
    if (which == 1) {
        if ((rc = thr_fit_cuts(c, ys, NULL, 0, &s0, NULL))) return rc;
        *F = (s0 - s1) / (s1 / df);
        return CPR_OK;
    }
    double g1 = c->grid[i1];
    if ((rc = thr_search(c, ys, g1, S, &i2))) return rc;
    double g2 = c->grid[i2];
    if ((rc = thr_search(c, ys, g2, S, &i1r))) return rc;
    s2 = S[i1r];
    *F = (s1 - s2) / (s2 / df);
    return CPR_OK;
}

int thr_bootstrap(thr_ctx *c, const double *yw, cpr_threshold_info *in)
{
    const cpr_threshold_spec *s = c->s;
    size_t n = s->n;
    entity_rows e;
    rows_build(s, &e);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, s->seed);
    double *fit = cpr_malloc(n * sizeof *fit), *res = cpr_malloc(n * sizeof *res), *ys = cpr_malloc(n * sizeof *ys);
    double *S = cpr_malloc(c->ng * sizeof *S);
    int rc = CPR_OK;
    for (int which = 1; which <= s->nthresh && !rc; which++) {
        double cut = in->gamma1;   /* null of F2: one threshold at the single-threshold estimate */
        if (which == 2) {
            size_t i;   /* the unrefined single threshold */
            if ((rc = thr_search(c, yw, NAN, S, &i))) break;
            cut = c->grid[i];
        }
        if ((rc = null_fit(c, yw, &cut, (size_t)(which - 1), fit, res))) break;
        double Fobs = which == 1 ? in->F1 : in->F2;
        size_t hits = 0, done = 0;
        cpr_progress *prog = cpr_progress_start(which == 1 ? "threshold bootstrap (F1)" : "threshold bootstrap (F2)", s->bootstrap);
        for (size_t b = 0; b < s->bootstrap && !rc; b++) {
            cpr_progress_update(prog, b);
            double F = NAN;
            cpr_error_scope es;   /* a singular draw is skipped, not an error */
            cpr_error_scope_begin(&es);
            rc = draw(c, &e, rng, fit, res, ys);
            if (!rc) rc = f_stat(c, ys, which, S, &F);
            if (rc == CPR_E_NUMERIC) { cpr_error_scope_end(&es); rc = CPR_OK; continue; }
            cpr_error_scope_keep(&es);
            done++;
            hits += F >= Fobs;
        }
        cpr_progress_finish(prog);
        double p = done ? (double)hits / (double)done : NAN;
        if (which == 1) in->p1 = p; else in->p2 = p;
    }
    free(fit); free(res); free(ys); free(S);
    gsl_rng_free(rng);
    rows_free(&e);
    return rc;
}
