/* Put a variance into a result: vcov, standard errors, labels, inference
 * df, and the joint Wald test of all slopes (Stata's model F). */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* t inference with one df per coefficient (CR2's Bell-McCaffrey df). */
static void finish_per_coef(cpr_result *r, const double *df)
{
    double a = 1.0 - (r->conf_level > 0 ? r->conf_level : 0.95);
    for (size_t j = 0; j < r->k; j++) {
        double se = r->std_error[j], t = r->estimate[j] / se;
        r->statistic[j] = t;
        if (!(se > 0) || !(df[j] > 0)) { r->p_value[j] = r->conf_low[j] = r->conf_high[j] = NAN; continue; }
        double q = gsl_cdf_tdist_Qinv(a / 2, df[j]);
        r->p_value[j] = 2.0 * gsl_cdf_tdist_Q(fabs(t), df[j]);
        r->conf_low[j] = r->estimate[j] - q * se;
        r->conf_high[j] = r->estimate[j] + q * se;
    }
}

int cpr_result_apply_vcov(cpr_result *r, const cpr_vcov_in *in, cpr_se_kind se,
                          cpr_ssc ssc, int dk_lag)
{
    cpr_vcov_info info;
    int cr3 = se == CPR_SE_CR3 || se == CPR_SE_CR3J;
    int diag = in->cluster && in->n_clusters >= 2 && se != CPR_SE_CLUSTER2 &&
               (in->diag == 2 || cr3 || (in->diag == 1 && in->n_clusters < CPR_FEW_CLUSTERS));
    cpr_jackknife *J = NULL;
    int rc = CPR_OK;
    int cr = cr3 || se == CPR_SE_CR2;
    if (in->weighted && (cr || in->diag == 2))
        return cpr_fail(CPR_E_USAGE, "--se cr2/cr3/cr3j and --cluster-diagnostics are not implemented with --weight");
    if (in->weighted) diag = 0;
    if (diag || cr3) {
        cpr_jk_in ji = cpr_vcov_jk_in(in);
        cpr_error_scope es;
        cpr_error_scope_begin(&es);
        rc = cpr_jackknife_alloc(&ji, &J);
        if (rc != CPR_OK && !cr3 && in->diag != 2) { cpr_error_scope_end(&es); rc = CPR_OK; diag = 0; }  /* warnings only: skip */
        else cpr_error_scope_return(&es, rc);
        if (rc != CPR_OK) return rc;
    }
    memset(&info, 0, sizeof info);
    rc = cr3 ? cpr_vcov_cr3(in, J, se, r->vcov, &info) : cpr_vcov(in, se, ssc, dk_lag, r->vcov, &info);
    if (rc == CPR_OK && cr3 && in->normal) info.df = 0;
    if (rc == CPR_OK && J) cpr_result_set_cluster_diag(r, J, in->cluster_labels, in->diag == 2);
    cpr_jackknife_free(J);
    if (rc != CPR_OK) { cpr_vcov_info_clear(&info); return rc; }
    for (size_t j = 0; j < r->k; j++) r->std_error[j] = sqrt(r->vcov[j * r->k + j]);
    free(r->se_type); free(r->se_label);
    r->se_type = info.type; r->se_label = info.label;
    info.type = info.label = NULL;
    r->df_resid = info.df;
    if (info.n_clusters) r->n_clusters = info.n_clusters;
    cpr_result_finish_inference(r);
    if (info.df_coef && !in->normal) {
        finish_per_coef(r, info.df_coef);
        for (size_t j = 0; j < r->k; j++) {
            char *nm = cpr_asprintf("df_bm_%s", r->terms[j]), *lb = cpr_asprintf("Bell-McCaffrey df (%s)", r->terms[j]);
            cpr_result_add_stat(r, nm, lb, info.df_coef[j], 0);
            free(nm); free(lb);
        }
    }
    cpr_vcov_info_clear(&info);
    return cpr_result_add_wald_f(r);
}

/* Joint test of every term except "const"; F = W/q with F(q, df_resid), or
 * chi2(q) when inference is asymptotic (df_resid == 0). */
int cpr_result_add_wald_f(cpr_result *r)
{
    size_t *idx = cpr_malloc((r->k ? r->k : 1) * sizeof *idx), q = 0;
    for (size_t j = 0; j < r->k; j++)
        if (strcmp(r->terms[j], "const") != 0) idx[q++] = j;
    double W = NAN;
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    int rc = q ? cpr_wald(r->estimate, r->vcov, r->k, idx, q, &W) : CPR_OK;
    cpr_error_scope_end(&es);
    free(idx);
    if (rc != CPR_OK || q == 0) return CPR_OK;   /* no test, not an error */
    double F = W / q, df2 = r->df_resid;
    if (df2 > 0) {
        double p = gsl_cdf_fdist_Q(F, (double)q, df2);
        cpr_result_add_stat(r, "F", "F statistic (Wald, all slopes)", F, 0);
        cpr_result_add_stat(r, "F_df1", "F numerator df", (double)q, 1);
        cpr_result_add_stat(r, "F_df2", "F denominator df", df2, 1);
        cpr_result_add_stat(r, "F_p", "p-value (F)", p, 0);
        cpr_result_add_test(r, "wald_f", "Joint significance of all slopes (Wald F)", F, (double)q, df2, p,
                            "H0: all slopes are zero; uses the reported variance");
    } else {
        double p = gsl_cdf_chisq_Q(W, (double)q);
        cpr_result_add_stat(r, "chi2", "Wald chi2 (all slopes)", W, 0);
        cpr_result_add_stat(r, "chi2_p", "p-value (chi2)", p, 0);
        cpr_result_add_test(r, "wald_chi2", "Joint significance of all slopes (Wald chi2)", W, (double)q, 0, p,
                            "H0: all slopes are zero; uses the reported variance");
    }
    return CPR_OK;
}
