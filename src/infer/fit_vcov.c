/* Inference on a fitted model: the one place that turns a cpr_fit into the
 * input of the variance estimators, and puts the variance, the standard
 * errors and the Wald test into the fit's result where the estimator
 * marked their place. */
#include "cpr/gmm_infer.h"
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

cpr_vcov_in cpr_vcov_in_init(size_t n, size_t k, const double *X, const double *resid, const double *bread,
                             double rss, double df_resid, double k_stata, double k_plm, const cpr_design *rows)
{
    cpr_vcov_in in = { .n = n, .k = k, .X = X, .resid = resid, .bread = bread, .rss = rss,
                       .df_resid = df_resid, .k_stata = k_stata, .k_plm = k_plm };
    if (rows) {
        in.cluster = rows->cluster; in.n_clusters = rows->n_clusters;
        in.cluster2 = rows->cluster2; in.n_cluster2 = rows->n_cluster2;
        in.time = rows->time; in.n_times = rows->n_times;
        in.cluster_name = rows->cluster_name;
    }
    return in;
}

cpr_vcov_in cpr_vcov_in_from_fit(const cpr_fit *f)
{
    const cpr_reg *g = &f->g;
    /* the fit's groups, not its design's: its final rows may be other rows (between) or have no design (threshold) */
    cpr_vcov_in in = cpr_vcov_in_init(g->n, g->k, f->xs ? f->xs : g->X, f->resid, f->bread ? f->bread : g->ls.bread,
                                      f->rss, f->df_resid, f->k_stata, f->k_plm, NULL);
    in.cluster = f->cluster; in.n_clusters = f->n_clusters;
    in.cluster2 = f->cluster2; in.n_cluster2 = f->n_cluster2;
    in.time = f->time; in.n_times = f->n_times;
    in.cluster_name = f->cluster_name;
    in.normal = f->normal;
    in.fe_nest = f->fe_nest; in.fe_n_nest = f->fe_n_nest;
    for (int j = 0; j < 2; j++) { in.fe_other[j] = f->fe_other[j]; in.fe_n_other[j] = f->fe_n_other[j]; }
    in.has_const = f->has_const; in.diag = f->diag; in.cluster_labels = f->cluster_labels;
    in.n_obs = f->wt.n_obs;   /* 0 (= n) unless the estimator set weights up */
    in.hc_div = f->wt.type == CPR_WEIGHT_F ? f->wt.w : NULL;
    in.weighted = f->wt.w != NULL;
    return in;
}

/* SE of Stata's xtreg,fe constant: the regression of y~ + mean(y) on
 * [1, x~ + mean(x)] with the model's variance; its bread follows in closed
 * form from the within bread B: [[1/n + m'Bm, -m'B], [-Bm, B]]. */
static void stata_cons_se(cpr_fit *f, const cpr_vcov_in *in0)
{
    const cpr_reg *g = &f->g;
    const double *xbar = f->cons_xbar;
    size_t n = g->n, k = g->k, K = k + 1;
    double *Xa = cpr_malloc(n * K * sizeof *Xa), *Ba = cpr_malloc(K * K * sizeof *Ba), *Va = cpr_malloc(K * K * sizeof *Va);
    for (size_t i = 0; i < n; i++) Xa[i] = 1.0;
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < n; i++) Xa[(j + 1) * n + i] = g->X[j * n + i] + xbar[j];
    const double *B = g->ls.bread;
    double mBm = 0;
    for (size_t a = 0; a < k; a++) {
        double Bm = 0;
        for (size_t b = 0; b < k; b++) Bm += B[a * k + b] * xbar[b];
        Ba[(a + 1) * K] = Ba[a + 1] = -Bm;
        mBm += xbar[a] * Bm;
        for (size_t b = 0; b < k; b++) Ba[(a + 1) * K + b + 1] = B[a * k + b];
    }
    Ba[0] = 1.0 / n + mBm;
    cpr_vcov_in in = *in0;
    in.X = Xa; in.bread = Ba; in.k = K;
    cpr_vcov_info info;
    double se = NAN;   /* NAN: not computed, not an error */
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    if (cpr_vcov(&in, f->spec.se, f->spec.ssc, f->spec.dk_lag, Va, &info) == CPR_OK) se = sqrt(Va[0]);
    cpr_error_scope_end(&es);
    cpr_vcov_info_clear(&info);
    cpr_result_set_stat(f->r, "stata_cons_se", se);
    free(Xa); free(Ba); free(Va);
}

int cpr_infer_apply(cpr_fit *f)
{
    if (f->gmm) return cpr_infer_gmm_apply(f);   /* no least-squares regression: its own variances */
    cpr_vcov_in in = cpr_vcov_in_from_fit(f);
    cpr_se_kind se = f->spec.se;
    cpr_ssc ssc = f->spec.ssc;
    if (f->asymptotic) {   /* Stata's large-sample conventions (ivregress without small) */
        if (se == CPR_SE_HC1) se = CPR_SE_HC0;
        ssc = CPR_SSC_NONE;
    }
    cpr_result_mark end = cpr_result_mark_now(f->r);
    int rc = cpr_result_apply_vcov(f->r, &in, se, ssc, f->spec.dk_lag);
    if (rc != CPR_OK) return rc;
    cpr_result_move_since(f->r, f->infer_at, end);
    if (f->cons_xbar) stata_cons_se(f, &in);
    return CPR_OK;
}
