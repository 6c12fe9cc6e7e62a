/* OLS / pooled OLS on the design as given; with weights, least squares on
 * sqrt(w)-scaled rows (src/model/weights.c). */
#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cpr_fit_pooled(const cpr_design *d, const cpr_model_spec *s, cpr_result **out)
{
    cpr_wts wt;
    int rc = cpr_wts_init(d, &wt);
    if (rc != CPR_OK) return rc;
    const double *X = d->X, *y = d->y;
    double *Xw = NULL, *yw = NULL;
    if (wt.w) {
        Xw = cpr_malloc(d->n * d->k * sizeof *Xw);
        yw = cpr_malloc(d->n * sizeof *yw);
        memcpy(Xw, d->X, d->n * d->k * sizeof *Xw);
        memcpy(yw, d->y, d->n * sizeof *yw);
        cpr_rows_scale(Xw, d->n, d->k, wt.sw);
        cpr_rows_scale(yw, d->n, 1, wt.sw);
        X = Xw; y = yw;
    }
    cpr_reg g;
    rc = cpr_reg_fit(&g, X, d->n, d->k, d->names, d->has_const ? 0 : -1, y, s->ls_method);
    free(Xw); free(yw);
    if (rc != CPR_OK) { cpr_wts_clear(&wt); return rc; }
    int ols = s->kind == CPR_MODEL_OLS;
    cpr_result *r = cpr_reg_result(&g, ols ? "ols" : "pooled", ols ? "OLS" : "Pooled OLS");
    double n = wt.n_obs, k = (double)g.k, df = n - k;
    r->nobs = (size_t)llround(n);
    r->n_groups = d->n_entities; r->n_periods = d->n_times;
    r->conf_level = s->conf_level;
    cpr_vcov_in in = { .n = g.n, .k = g.k, .X = g.X, .resid = g.ls.resid, .bread = g.ls.bread,
                       .rss = g.ls.rss, .df_resid = df, .k_stata = k, .k_plm = k,
                       .cluster = d->cluster, .n_clusters = d->n_clusters,
                       .cluster2 = d->cluster2, .n_cluster2 = d->n_cluster2,
                       .time = d->time, .n_times = d->n_times, .cluster_name = d->cluster_name,
                       .has_const = g.const_idx >= 0, .diag = s->cluster_diag ? 2 : 1,
                       .cluster_labels = cpr_design_cluster_labels(d),
                       .n_obs = wt.n_obs, .hc_div = wt.type == CPR_WEIGHT_F ? wt.w : NULL, .weighted = wt.w != NULL };
    rc = cpr_result_apply_vcov(r, &in, s->se, s->ssc, s->dk_lag);
    if (rc != CPR_OK) { cpr_result_free(r); cpr_reg_clear(&g); cpr_wts_clear(&wt); return rc; }
    int centered = g.const_idx >= 0;
    double tss = wt.w ? cpr_tss_w(d->y, wt.w, d->n, centered) : cpr_tss(d->y, d->n, centered), rss = g.ls.rss;
    double r2 = 1.0 - rss / tss;
    cpr_result_add_stat(r, "r2", centered ? "R-squared" : "R-squared (uncentered)", r2, 0);
    cpr_result_add_stat(r, "adj_r2", "Adjusted R-squared", 1.0 - (1.0 - r2) * (n - centered) / df, 0);
    cpr_result_add_stat(r, "rss", wt.w ? "Residual sum of squares (weighted)" : "Residual sum of squares", rss, 0);
    cpr_result_add_stat(r, "sigma", "Residual standard error", sqrt(rss / df), 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    if (!wt.w) cpr_result_add_stat(r, "loglik", "Log-likelihood", -0.5 * n * (log(2.0 * M_PI) + log(rss / n) + 1.0), 0);
    cpr_result_add_stat(r, "cond", "Condition number (scaled X)", g.ls.cond, 0);
    cpr_reg_clear(&g);
    cpr_wts_clear(&wt);
    *out = r;
    return CPR_OK;
}
