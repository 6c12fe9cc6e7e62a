/* OLS / pooled OLS on the design as given; with weights, least squares on
 * sqrt(w)-scaled rows (src/model/weights.c). */
#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cpr_fit_pooled(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    cpr_fit *f = cpr_fit_alloc(d, s);
    int rc = cpr_wts_init(d, &f->wt);
    if (rc != CPR_OK) { cpr_fit_free(f); return rc; }
    const cpr_wts *wt = &f->wt;
    const double *X = d->X, *y = d->y;
    double *Xw = NULL;
    if (wt->w) {
        Xw = cpr_malloc(d->n * d->k * sizeof *Xw);
        double *yw = cpr_fit_own(f, cpr_malloc(d->n * sizeof *yw));
        memcpy(Xw, d->X, d->n * d->k * sizeof *Xw);
        memcpy(yw, d->y, d->n * sizeof *yw);
        cpr_rows_scale(Xw, d->n, d->k, wt->sw);
        cpr_rows_scale(yw, d->n, 1, wt->sw);
        X = Xw; y = yw;
    }
    cpr_reg *g = &f->g;
    rc = cpr_reg_fit(g, X, d->n, d->k, d->names, d->has_const ? 0 : -1, y, s->ls_method);
    free(Xw);
    if (rc != CPR_OK) { cpr_fit_free(f); return rc; }
    int ols = s->kind == CPR_MODEL_OLS;
    cpr_result *r = f->r = cpr_reg_result(g, ols ? "ols" : "pooled", ols ? "OLS" : "Pooled OLS");
    double n = wt->n_obs, k = (double)g->k, df = n - k;
    r->nobs = (size_t)llround(n);
    r->n_groups = d->n_entities; r->n_periods = d->n_times;
    r->conf_level = s->conf_level;
    f->y = y; f->resid = g->ls.resid; f->rss = g->ls.rss;
    f->df_resid = df; f->k_stata = k; f->k_plm = k;
    f->has_const = g->const_idx >= 0;
    f->diag = s->cluster_diag ? 2 : 1;
    f->cluster_labels = cpr_design_cluster_labels(d);
    f->infer_at = cpr_result_mark_now(r);
    cpr_fit_set_residuals(f, NULL, wt->sw);
    int centered = g->const_idx >= 0;
    double tss = wt->w ? cpr_tss_w(d->y, wt->w, d->n, centered) : cpr_tss(d->y, d->n, centered), rss = g->ls.rss;
    double r2 = 1.0 - rss / tss;
    cpr_result_add_stat(r, "r2", centered ? "R-squared" : "R-squared (uncentered)", r2, 0);
    cpr_result_add_stat(r, "adj_r2", "Adjusted R-squared", 1.0 - (1.0 - r2) * (n - centered) / df, 0);
    cpr_result_add_stat(r, "rss", wt->w ? "Residual sum of squares (weighted)" : "Residual sum of squares", rss, 0);
    cpr_result_add_stat(r, "sigma", "Residual standard error", sqrt(rss / df), 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    if (!wt->w) cpr_result_add_stat(r, "loglik", "Log-likelihood", -0.5 * n * (log(2.0 * M_PI) + log(rss / n) + 1.0), 0);
    cpr_result_add_stat(r, "cond", "Condition number (scaled X)", g->ls.cond, 0);
    *out = f;
    return CPR_OK;
}
