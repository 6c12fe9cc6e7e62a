/* First differences: y_it - y_i,t-1 on x_it - x_i,t-1 for consecutive
 * periods (time value exactly one more) of the same entity; other rows are
 * dropped. The design's intercept becomes the intercept of the differenced
 * regression (a trend in levels), as plm's default and Stata reg D.y D.x. */
#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const cpr_design *sort_key_d;

static int cmp_rows(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const cpr_design *d = sort_key_d;
    if (d->entity[i] != d->entity[j]) return d->entity[i] < d->entity[j] ? -1 : 1;
    int ti = d->time_values ? d->time_values[d->time[i]] : d->time[i];
    int tj = d->time_values ? d->time_values[d->time[j]] : d->time[j];
    return (ti > tj) - (ti < tj);
}

/* Row order by (entity, time); identity when the design is sorted. */
static size_t *row_order(const cpr_design *d)
{
    size_t n = d->n, *o = cpr_malloc(n * sizeof *o);
    int sorted = 1;
    for (size_t i = 0; i < n; i++) o[i] = i;
    sort_key_d = d;
    for (size_t i = 1; i < n && sorted; i++) if (cmp_rows(&o[i - 1], &o[i]) > 0) sorted = 0;
    if (!sorted) qsort(o, n, sizeof *o, cmp_rows);
    return o;
}

static int tval(const cpr_design *d, size_t i)
{
    return d->time_values ? d->time_values[d->time[i]] : d->time[i];
}

/* Pairs (cur, prev) of consecutive rows; returns their count. */
size_t cpr_fd_pairs(const cpr_design *d, size_t **cur, size_t **prev)
{
    size_t n = d->n, *o = NULL, m = 0;
    int sorted = 1;   /* the usual case: no index array needed */
    for (size_t i = 1; i < n && sorted; i++) {
        size_t a = i - 1, b = i;
        sort_key_d = d;
        sorted = cmp_rows(&a, &b) <= 0;
    }
    if (!sorted) o = row_order(d);
    for (size_t q = 1; q < n; q++) {   /* count, then fill: arrays of the exact size */
        size_t i = o ? o[q] : q, h = o ? o[q - 1] : q - 1;
        m += d->entity[i] == d->entity[h] && tval(d, i) == tval(d, h) + 1;
    }
    *cur = cpr_malloc((m ? m : 1) * sizeof **cur);
    *prev = cpr_malloc((m ? m : 1) * sizeof **prev);
    m = 0;
    for (size_t q = 1; q < n; q++) {
        size_t i = o ? o[q] : q, h = o ? o[q - 1] : q - 1;
        if (d->entity[i] == d->entity[h] && tval(d, i) == tval(d, h) + 1) { (*cur)[m] = i; (*prev)[m] = h; m++; }
    }
    free(o);
    return m;
}

int cpr_fit_fd(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    size_t *cur, *prev, m = cpr_fd_pairs(d, &cur, &prev);
    size_t off = d->has_const ? 1 : 0, kx = d->k - off, k = kx + off;
    double *y = cpr_malloc((m ? m : 1) * sizeof *y), *X = cpr_malloc((m ? m : 1) * k * sizeof *X);
    int *cl = cpr_malloc((m ? m : 1) * sizeof *cl), *cl2 = d->cluster2 ? cpr_malloc(m * sizeof *cl2) : NULL;
    int *tm = cpr_malloc((m ? m : 1) * sizeof *tm);
    for (size_t r = 0; r < m; r++) {
        size_t i = cur[r], h = prev[r];
        y[r] = d->y[i] - d->y[h];
        if (off) X[r] = 1.0;
        for (size_t j = 0; j < kx; j++) X[(off + j) * m + r] = d->X[(off + j) * d->n + i] - d->X[(off + j) * d->n + h];
        cl[r] = d->cluster ? d->cluster[i] : d->entity[i];
        if (cl2) cl2[r] = d->cluster2[i];
        tm[r] = d->time[i];
    }
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_reg *g = &f->g;
    int rc = m ? cpr_reg_fit(g, X, m, k, d->names, off ? 0 : -1, y, s->ls_method)
               : cpr_fail(CPR_E_NUMERIC, "first differences: no two consecutive periods of the same entity");
    if (rc == CPR_OK) {
        cpr_result *r = f->r = cpr_reg_result(g, "fd", off ? "First differences (with intercept)" : "First differences");
        r->n_groups = d->n_entities; r->n_periods = d->n_times; r->conf_level = s->conf_level;
        double df = (double)m - (double)g->k;
        /* the final rows are the differences: their clusters (entity by default) and periods */
        f->y = cpr_fit_own(f, y); y = NULL;
        f->resid = g->ls.resid; f->rss = g->ls.rss;
        f->df_resid = df; f->k_stata = (double)g->k; f->k_plm = (double)g->k;
        f->cluster = cpr_fit_own(f, cl); f->n_clusters = d->cluster ? d->n_clusters : d->n_entities; cl = NULL;
        f->cluster2 = cpr_fit_own(f, cl2); cl2 = NULL;
        f->time = cpr_fit_own(f, tm); tm = NULL;
        f->infer_at = cpr_result_mark_now(r);
        int centered = g->const_idx >= 0;
        double r2 = 1.0 - g->ls.rss / cpr_tss(f->y, m, centered);
        cpr_result_add_stat(r, "r2", centered ? "R-squared (differenced)" : "R-squared (differenced, uncentered)", r2, 0);
        cpr_result_add_stat(r, "rss", "Residual sum of squares", g->ls.rss, 0);
        cpr_result_add_stat(r, "sigma", "Residual standard error", sqrt(g->ls.rss / df), 0);
        cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
        cpr_result_add_stat(r, "n_obs_used", "Differenced observations used", (double)m, 1);
        /* on d's rows: a differenced row's residual is its pair's, so the
         * fitted value is the one-step level y_i,t-1 + dx'b (+ trend);
         * a row without its previous period has none (NAN) */
        r->residuals = cpr_malloc(d->n * sizeof *r->residuals);
        r->fitted = cpr_malloc(d->n * sizeof *r->fitted);
        for (size_t i = 0; i < d->n; i++) r->residuals[i] = r->fitted[i] = NAN;
        for (size_t q = 0; q < m; q++) {
            r->residuals[cur[q]] = g->ls.resid[q];
            r->fitted[cur[q]] = d->y[cur[q]] - g->ls.resid[q];
        }
        *out = f;
    } else cpr_fit_free(f);
    free(cur); free(prev); free(y); free(X); free(cl); free(cl2); free(tm);
    return rc;
}
