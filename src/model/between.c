/* Between estimator: OLS on entity means (one row per entity). Stata's
 * R^2 within/overall use the between slopes on the full data. */
#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* R^2 within / between / overall of slopes b applied to the original data. */
void cpr_stata_r2_wo(cpr_result *r, const cpr_design *d, const cpr_reg *g)
{
    size_t n = d->n, G = d->n_entities;
    double *cols = cpr_calloc(2 * n, sizeof *cols), *m = cpr_malloc(2 * G * sizeof *m);
    memcpy(cols, d->y, n * sizeof *cols);
    cpr_fit_add_xb(d, g, 0, cols + n);
    cpr_result_add_stat(r, "r2_overall", "R-squared (overall)", cpr_corr2(cols, cols + n, n), 0);
    cpr_group_means(d->entity, n, G, cols, 2, m);
    double *yb = cpr_malloc(G * sizeof *yb), *xb = cpr_malloc(G * sizeof *xb);
    for (size_t c = 0; c < G; c++) { yb[c] = m[2 * c]; xb[c] = m[2 * c + 1]; }
    cpr_result_add_stat(r, "r2_between", "R-squared (between)", cpr_corr2(yb, xb, G), 0);
    free(yb); free(xb);
    for (size_t i = 0; i < n; i++) {
        cols[i] -= m[2 * d->entity[i]];
        cols[n + i] -= m[2 * d->entity[i] + 1];
    }
    cpr_result_add_stat(r, "r2_within", "R-squared (within)", cpr_corr2(cols, cols + n, n), 0);
    free(cols); free(m);
}

int cpr_fit_be(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    size_t n = d->n, G = d->n_entities, k = d->k;
    double *m = cpr_malloc(G * (k + 1) * sizeof *m), *cols = cpr_malloc(n * (k + 1) * sizeof *cols);
    memcpy(cols, d->y, n * sizeof *cols);
    memcpy(cols + n, d->X, n * k * sizeof *cols);
    double *wg = NULL;   /* aweights: weighted entity means, each entity weighted by its mean weight */
    if (d->w) {
        if (d->weight_type != CPR_WEIGHT_A) {
            free(m); free(cols);
            return cpr_fail(CPR_E_USAGE, "between estimator: only aweights (--weight-type aweight)");
        }
        double *wc = cpr_malloc(n * sizeof *wc), *sm = cpr_malloc(G * sizeof *sm);
        memcpy(wc, d->w, n * sizeof *wc);
        cpr_group_means(d->entity, n, G, wc, 1, sm);   /* mean weight per entity */
        cpr_rows_scale(cols, n, k + 1, d->w);           /* sum w x / sum w = mean(w x) / mean(w) */
        cpr_group_means(d->entity, n, G, cols, k + 1, m);
        for (size_t c = 0; c < G; c++)
            for (size_t j = 0; j <= k; j++) m[c * (k + 1) + j] /= sm[c];
        long double tot = 0;
        for (size_t c = 0; c < G; c++) tot += sm[c];
        wg = cpr_malloc(G * sizeof *wg);
        for (size_t c = 0; c < G; c++) wg[c] = sqrt(sm[c] * (double)((long double)G / tot));   /* rescaled to sum to G */
        free(wc); free(sm);
    } else cpr_group_means(d->entity, n, G, cols, k + 1, m);
    free(cols);
    double *yb = cpr_malloc(G * sizeof *yb), *Xb = cpr_malloc(G * k * sizeof *Xb);
    for (size_t c = 0; c < G; c++) {
        yb[c] = m[c * (k + 1)];
        for (size_t j = 0; j < k; j++) Xb[j * G + c] = m[c * (k + 1) + 1 + j];
    }
    free(m);
    if (wg) { cpr_rows_scale(Xb, G, k, wg); cpr_rows_scale(yb, G, 1, wg); }
    int *gcl = NULL;   /* clusters of the group rows: valid when entities nest in clusters */
    if (d->cluster && cpr_codes_nested(d->entity, G, d->cluster, n)) {
        gcl = cpr_malloc(G * sizeof *gcl);
        for (size_t i = 0; i < n; i++) gcl[d->entity[i]] = d->cluster[i];
    }
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_reg *g = &f->g;
    int rc = cpr_reg_fit(g, Xb, G, k, d->names, d->has_const ? 0 : -1, yb, s->ls_method);
    if (rc == CPR_OK && (s->se == CPR_SE_DK || s->se == CPR_SE_CLUSTER2))
        rc = cpr_fail(CPR_E_NUMERIC, "between estimator: only classical, HC and one-way cluster standard errors");
    if (rc == CPR_OK) {
        cpr_result *r = f->r = cpr_reg_result(g, "be", wg ? "Between (weighted regression on weighted entity means)" : "Between (regression on entity means)");
        r->nobs = n; r->n_groups = G; r->n_periods = d->n_times; r->conf_level = s->conf_level;
        double df = (double)G - (double)g->k;
        /* the final rows are the G entities: their clusters, no second way, no time */
        f->y = cpr_fit_own(f, yb); yb = NULL;
        f->resid = g->ls.resid; f->rss = g->ls.rss;
        f->df_resid = df; f->k_stata = (double)g->k; f->k_plm = (double)g->k;
        f->cluster = cpr_fit_own(f, gcl); f->n_clusters = gcl ? d->n_clusters : 0; gcl = NULL;
        f->cluster2 = NULL; f->n_cluster2 = 0; f->time = NULL; f->n_times = 0;
        f->infer_at = cpr_result_mark_now(r);
        int centered = g->const_idx >= 0;
        double tss = cpr_tss(f->y, G, centered);
        if (wg) {   /* weighted TSS of the (unscaled) entity means */
            double *yu = cpr_malloc(G * sizeof *yu), *w2 = cpr_malloc(G * sizeof *w2);
            for (size_t c = 0; c < G; c++) { yu[c] = f->y[c] / wg[c]; w2[c] = wg[c] * wg[c]; }
            tss = cpr_tss_w(yu, w2, G, centered);
            free(yu); free(w2);
        }
        double r2 = 1.0 - g->ls.rss / tss;
        cpr_result_add_stat(r, "r2", "R-squared (between regression)", r2, 0);
        cpr_result_add_stat(r, "adj_r2", "Adjusted R-squared", 1.0 - (1.0 - r2) * ((double)G - centered) / df, 0);
        cpr_result_add_stat(r, "rss", "Residual sum of squares", g->ls.rss, 0);
        cpr_result_add_stat(r, "sigma", "Residual standard error", sqrt(g->ls.rss / df), 0);
        cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
        if (!wg) cpr_stata_r2_wo(r, d, g);
        cpr_fit_set_level_residuals(f);
        *out = f;
    } else cpr_fit_free(f);
    free(yb); free(Xb); free(gcl); free(wg);
    return rc;
}
