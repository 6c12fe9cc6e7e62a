/* Hansen (1999) panel threshold regression: grid search, LR intervals and
 * the sequential double threshold (see include/cpr/threshold.h). */
#include "threshold_internal.h"

#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Trimmed candidates: sorted q without floor(trim n) at each end, distinct
 * values, or `grid` of them at evenly spaced ranks. */
static void make_grid(thr_ctx *c)
{
    const cpr_threshold_spec *s = c->s;
    size_t n = s->n;
    double *q = cpr_malloc(n * sizeof *q);
    memcpy(q, s->q, n * sizeof *q);
    qsort(q, n, sizeof *q, cmp_double);
    c->lo = (size_t)floor(s->trim * (double)n);
    size_t a = c->lo, b = n - 1 - c->lo, m = b - a + 1;
    size_t want = s->grid && s->grid < m ? s->grid : m;
    c->grid = cpr_malloc(want * sizeof *c->grid);
    c->ng = 0;
    for (size_t j = 0; j < want; j++) {
        size_t idx = want == m ? a + j : a + (size_t)llround((double)(m - 1) * (double)j / (double)(want - 1));
        if (c->ng == 0 || q[idx] != c->grid[c->ng - 1]) c->grid[c->ng++] = q[idx];
    }
    free(q);
}

/* {g : LR(g) <= crit} as [min, max] over the grid. */
static void lr_interval(const thr_ctx *c, const double *S, double Smin, double s2, double crit,
                        double *lr, double *lo, double *hi)
{
    *lo = *hi = NAN;
    for (size_t i = 0; i < c->ng; i++) {
        double v = (S[i] - Smin) / s2;
        if (lr) lr[i] = v;
        if (!isnan(v) && v <= crit) {
            if (isnan(*lo)) *lo = c->grid[i];
            *hi = c->grid[i];
        }
    }
}

static int check_spec(const cpr_threshold_spec *s)
{
    if (s->nthresh < 1 || s->nthresh > 2) return cpr_fail(CPR_E_USAGE, "threshold: 1 or 2 thresholds, not %d", s->nthresh);
    if (!(s->trim > 0 && s->trim < 0.5)) return cpr_fail(CPR_E_USAGE, "threshold: trim must lie in (0, 0.5), not %g", s->trim);
    if (s->kr == 0) return cpr_fail(CPR_E_USAGE, "threshold: no regime-dependent regressor");
    size_t i = 1;
    while (i < s->n && s->q[i] == s->q[0]) i++;
    if (s->n > 0 && i == s->n)   /* every split is the same: "threshold 7, interval [7, 7]" meant nothing */
        return cpr_fail(CPR_E_NUMERIC, "threshold: the threshold variable %s is constant (%g in all %zu observations): "
                        "there is no threshold to estimate", s->q_name ? s->q_name : "q", s->q[0], s->n);
    if (s->n < 10 || s->n <= s->n_entities + 2 * s->kr + s->kc)
        return cpr_fail(CPR_E_NUMERIC, "threshold: %zu observations in %zu entities are too few for %zu slopes",
                        s->n, s->n_entities, 2 * s->kr + s->kc);
    return CPR_OK;
}

/* Grid searches on the sample; fills info (apart from bootstrap p-values). */
static int searches(thr_ctx *c, const double *yw, cpr_threshold_info *in)
{
    const cpr_threshold_spec *s = c->s;
    double resid_df = (double)s->n - c->dof;
    double *S = cpr_malloc(c->ng * sizeof *S), *S2 = cpr_malloc(c->ng * sizeof *S2);
    size_t i1, i2, i1r;
    int rc = thr_search(c, yw, NAN, S, &i1);
    if (rc) goto done;
    in->ngrid = c->ng;
    in->gamma = cpr_malloc(c->ng * sizeof *in->gamma);
    in->lr = cpr_malloc(c->ng * sizeof *in->lr);
    memcpy(in->gamma, c->grid, c->ng * sizeof *in->gamma);
    in->gamma1 = c->grid[i1]; in->ssr1 = S[i1];
    in->sigma2_1 = in->ssr1 / resid_df;
    in->F1 = (in->ssr0 - in->ssr1) / in->sigma2_1;
    lr_interval(c, S, S[i1], in->sigma2_1, in->crit, in->lr, &in->gamma1_lo, &in->gamma1_hi);
    if (s->nthresh == 2) {
        double S1 = in->ssr1;
        if ((rc = thr_search(c, yw, in->gamma1, S2, &i2))) goto done;
        in->gamma2 = c->grid[i2];
        if ((rc = thr_search(c, yw, in->gamma2, S, &i1r))) goto done;   /* refine g1 given g2 */
        in->gamma1 = c->grid[i1r]; in->ssr2 = S[i1r];
        in->sigma2_2 = in->ssr2 / resid_df;
        in->F2 = (S1 - in->ssr2) / in->sigma2_2;
        lr_interval(c, S2, S2[i2], in->sigma2_2, in->crit, NULL, &in->gamma2_lo, &in->gamma2_hi);
        lr_interval(c, S, S[i1r], in->sigma2_2, in->crit, NULL, &in->gamma1_lo, &in->gamma1_hi);
    }
done:
    free(S); free(S2);
    return rc;
}

static void fill_result(cpr_result *r, const cpr_threshold_spec *s, const cpr_threshold_info *in)
{
    cpr_result_add_stat(r, "gamma1", s->nthresh == 2 ? "Threshold 1 (refined)" : "Threshold", in->gamma1, 0);
    cpr_result_add_stat(r, "gamma1_lo", "  LR interval, lower", in->gamma1_lo, 0);
    cpr_result_add_stat(r, "gamma1_hi", "  LR interval, upper", in->gamma1_hi, 0);
    if (s->nthresh == 2) {
        cpr_result_add_stat(r, "gamma2", "Threshold 2", in->gamma2, 0);
        cpr_result_add_stat(r, "gamma2_lo", "  LR interval, lower", in->gamma2_lo, 0);
        cpr_result_add_stat(r, "gamma2_hi", "  LR interval, upper", in->gamma2_hi, 0);
    }
    cpr_result_add_stat(r, "lr_crit", "LR critical value", in->crit, 0);
    cpr_result_add_stat(r, "ssr0", "SSR, no threshold", in->ssr0, 0);
    cpr_result_add_stat(r, "ssr1", "SSR, one threshold", in->ssr1, 0);
    if (s->nthresh == 2) cpr_result_add_stat(r, "ssr2", "SSR, two thresholds", in->ssr2, 0);
    cpr_result_add_stat(r, "n_grid", "Grid points", (double)in->ngrid, 1);
    /* the grid's ends: an LR interval reaching them says the data do not
     * locate the threshold inside the trimmed range (issue 13) */
    if (in->ngrid && in->gamma) {
        cpr_result_add_stat(r, "grid_lo", "  grid, lowest threshold tried", in->gamma[0], 0);
        cpr_result_add_stat(r, "grid_hi", "  grid, highest threshold tried", in->gamma[in->ngrid - 1], 0);
    }
    cpr_result_add_stat(r, "bootstrap_reps", "Bootstrap replications", (double)s->bootstrap, 1);
    cpr_result_add_test(r, "threshold_f1", "F1: no threshold vs one (Hansen)", in->F1, NAN, 0, in->p1,
                        s->bootstrap ? "bootstrap p-value (fixed regressors, entity residual vectors)"
                                     : "p-value needs --bootstrap (non-standard distribution)");
    if (s->nthresh == 2)
        cpr_result_add_test(r, "threshold_f2", "F2: one threshold vs two (Hansen)", in->F2, NAN, 0, in->p2,
                            s->bootstrap ? "bootstrap p-value under one threshold" : "p-value needs --bootstrap");
    if (s->bootstrap && (in->p1 == 0 || in->p2 == 0))
        cpr_result_add_note(r, "a bootstrap p-value of 0 means below 1/B = %.3g: no replication reached the observed F",
                            1.0 / (double)s->bootstrap);
}

/* The residuals of the chosen split are the within residuals of its final
 * regression; fitted = y - residual on the untransformed rows, so the
 * absorbed entity (and time) effects are part of the fitted value, as for
 * the FE fits (cpr_fit_set_residuals). Rows are the spec's rows. */
static void set_residuals(cpr_result *r, const cpr_threshold_spec *s, const double *e)
{
    r->residuals = cpr_malloc(s->n * sizeof *r->residuals);
    r->fitted = cpr_malloc(s->n * sizeof *r->fitted);
    memcpy(r->residuals, e, s->n * sizeof *e);
    for (size_t i = 0; i < s->n; i++) r->fitted[i] = s->y[i] - e[i];
}

int cpr_threshold_estimate(const cpr_threshold_spec *s, cpr_fit **out, cpr_threshold_info *info)
{
    *out = NULL;
    cpr_threshold_info scratch;
    cpr_threshold_info *in = info ? info : &scratch;
    memset(in, 0, sizeof *in);
    in->gamma2 = in->gamma2_lo = in->gamma2_hi = in->F2 = in->p1 = in->p2 = in->ssr2 = in->sigma2_2 = NAN;
    int rc = check_spec(s);
    if (rc) return rc;
    size_t n = s->n;
    thr_ctx c = { .s = s };
    c.ab = (cpr_absorb){ .n = n, .entity = s->entity, .time = s->time, .n_entities = s->n_entities,
                         .n_times = s->n_times, .effects = s->effects };
    c.dof = (double)cpr_absorb_dof(&c.ab);
    c.work = cpr_malloc(n * (3 * s->kr + s->kc) * sizeof *c.work);
    c.zw = cpr_malloc((n * s->kc + 1) * sizeof *c.zw);
    double *yw = cpr_malloc(n * sizeof *yw);
    memcpy(yw, s->y, n * sizeof *yw);
    if (s->kc) memcpy(c.zw, s->xc, n * s->kc * sizeof *c.zw);
    rc = thr_demean(&c, yw, 1);
    if (!rc && s->kc) rc = thr_demean(&c, c.zw, s->kc);
    make_grid(&c);
    double level = s->level > 0 ? s->level : 0.95;
    in->crit = -2 * log(1 - sqrt(level));
    if (!rc) rc = thr_fit_cuts(&c, yw, NULL, 0, &in->ssr0, NULL);
    if (!rc) rc = searches(&c, yw, in);
    if (!rc && s->bootstrap) rc = thr_bootstrap(&c, yw, in);
    cpr_fit *f = cpr_fit_alloc(NULL, NULL);
    cpr_reg *g = &f->g;
    double cuts[2] = {in->gamma1, in->gamma2}, ssr;
    if (s->nthresh == 2 && cuts[1] < cuts[0]) { cuts[0] = in->gamma2; cuts[1] = in->gamma1; }
    if (!rc) rc = thr_fit_cuts(&c, yw, cuts, (size_t)s->nthresh, &ssr, g);
    if (!rc) {
        cpr_result *r = f->r = cpr_reg_result(g, "threshold", s->nthresh == 2 ? "Hansen (1999) panel threshold, two thresholds (within)"
                                                                              : "Hansen (1999) panel threshold, one threshold (within)");
        r->n_groups = s->n_entities; r->n_periods = s->n_times; r->conf_level = 0.95;
        double k = (double)g->k, df = (double)n - c.dof - k;
        /* SEs clustered by entity with Stata's factor, the threshold taken as known */
        f->spec.se = CPR_SE_CLUSTER; f->spec.ssc = CPR_SSC_STATA; f->spec.dk_lag = -1;
        f->y = cpr_fit_own(f, yw); yw = NULL;
        f->resid = g->ls.resid; f->rss = g->ls.rss;
        f->df_resid = df; f->k_stata = k + 1 + (s->effects == CPR_EFFECTS_TWOWAY ? (double)s->n_times - 1 : 0);
        f->k_plm = k;
        f->cluster = s->entity; f->n_clusters = s->n_entities;
        f->cluster_name = s->entity_name ? s->entity_name : "entity";
        f->absorbed = 1; f->absorb = c.ab; f->n_absorbed = c.dof;
        f->infer_at = cpr_result_mark_now(r);
        set_residuals(r, s, g->ls.resid);
        fill_result(r, s, in);
        *out = f;
    } else cpr_fit_free(f);
    free(yw); free(c.zw); free(c.work); free(c.grid);
    if (rc || !info) cpr_threshold_info_clear(in);
    return rc;
}

void cpr_threshold_info_clear(cpr_threshold_info *info)
{
    if (!info) return;
    free(info->gamma); free(info->lr);
    info->gamma = info->lr = NULL;
    info->ngrid = 0;
}
