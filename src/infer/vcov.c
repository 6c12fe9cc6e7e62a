/* Variance estimators for a fitted linear regression: classical, White
 * HC0-HC3, one-way and two-way (Cameron-Gelbach-Miller) cluster-robust.
 * Driscoll-Kraay lives in dk.c, CR2 in cr2.c, the shared pieces (sandwich,
 * cluster meat) in sandwich.c. All sandwiches use the bread (X'X)^-1 of
 * the final (possibly transformed) regression. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cpr_vcov_info_clear(cpr_vcov_info *info)
{
    free(info->type); free(info->label); free(info->df_coef);
    memset(info, 0, sizeof *info);
}

/* h_i = x_i' B x_i */
static double leverage(const cpr_vcov_in *in, size_t i)
{
    size_t k = in->k, n = in->n;
    double h = 0;
    for (size_t a = 0; a < k; a++) {
        double s = 0;
        for (size_t b = 0; b < k; b++) s += in->bread[a * k + b] * in->X[b * n + i];
        h += in->X[a * n + i] * s;
    }
    return h;
}

static void meat_hc(const cpr_vcov_in *in, cpr_se_kind se, double *M)
{
    size_t n = in->n, k = in->k;
    memset(M, 0, k * k * sizeof *M);
    for (size_t i = 0; i < n; i++) {
        double w = in->resid[i] * in->resid[i];
        if (in->hc_div) w /= in->hc_div[i];
        if (se == CPR_SE_HC2 || se == CPR_SE_HC3) {
            double h = 1.0 - leverage(in, i);
            w /= se == CPR_SE_HC2 ? h : h * h;
        }
        for (size_t a = 0; a < k; a++) {
            double xa = in->X[a * n + i] * w;
            for (size_t b = a; b < k; b++) M[a * k + b] += xa * in->X[b * n + i];
        }
    }
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < a; b++) M[a * k + b] = M[b * k + a];
}

static double cluster_factor(const cpr_vcov_in *in, cpr_ssc ssc, size_t G)
{
    double N = in->n_obs > 0 ? in->n_obs : (double)in->n, g = (double)G;
    if (ssc == CPR_SSC_NONE) return 1.0;
    double K = ssc == CPR_SSC_PLM ? in->k_plm : in->k_stata;
    return g / (g - 1.0) * (N - 1.0) / (N - K);
}

static const char *ssc_text(cpr_ssc ssc)
{
    return ssc == CPR_SSC_STATA ? "CR1: G/(G-1)*(N-1)/(N-K), as Stata"
         : ssc == CPR_SSC_PLM ? "G/(G-1)*(N-1)/(N-K), K = slopes, as plm sss" : "CR0, no small-sample factor";
}

static int vcov_cluster(const cpr_vcov_in *in, cpr_ssc ssc, double *V, cpr_vcov_info *info)
{
    if (!in->cluster || in->n_clusters < 2)
        return cpr_fail(CPR_E_NUMERIC, "cluster-robust standard errors need at least 2 clusters");
    size_t k = in->k;
    double *M = cpr_malloc(k * k * sizeof *M);
    cpr_meat_cluster(in->X, in->resid, in->n, k, in->cluster, in->n_clusters, M);
    cpr_sandwich(in->bread, M, k, cluster_factor(in, ssc, in->n_clusters), V);
    free(M);
    info->df = (double)in->n_clusters - 1.0;
    info->n_clusters = in->n_clusters;
    info->type = cpr_strdup("cluster");
    info->label = cpr_asprintf("Clustered by %s, %zu clusters (%s)",
                               in->cluster_name ? in->cluster_name : "cluster", in->n_clusters, ssc_text(ssc));
    return CPR_OK;
}

/* CGM two-way: V1 + V2 - V12; each term carries its own G/(G-1) and the
 * common (N-1)/(N-K) (sandwich::vcovCL(type = "HC1", cadjust = TRUE)). */
static int vcov_cluster2(const cpr_vcov_in *in, cpr_ssc ssc, double *V, cpr_vcov_info *info)
{
    if (!in->cluster || !in->cluster2 || in->n_clusters < 2 || in->n_cluster2 < 2)
        return cpr_fail(CPR_E_NUMERIC, "two-way clustering needs two cluster variables with at least 2 clusters each");
    size_t k = in->k, n = in->n, g12;
    int *c12 = cpr_codes_intersect(in->cluster, in->cluster2, n, &g12);
    const int *codes[3] = { in->cluster, in->cluster2, c12 };
    size_t G[3] = { in->n_clusters, in->n_cluster2, g12 };
    double sign[3] = { 1, 1, -1 };
    double *M = cpr_malloc(k * k * sizeof *M), *Vt = cpr_malloc(k * k * sizeof *Vt);
    memset(V, 0, k * k * sizeof *V);
    double N = in->n_obs > 0 ? in->n_obs : (double)n, K = ssc == CPR_SSC_PLM ? in->k_plm : in->k_stata;
    for (int t = 0; t < 3; t++) {
        double f = ssc == CPR_SSC_NONE ? 1.0 : (G[t] > 1 ? (double)G[t] / (G[t] - 1.0) : 1.0) * (N - 1.0) / (N - K);
        cpr_meat_cluster(in->X, in->resid, n, k, codes[t], G[t], M);
        cpr_sandwich(in->bread, M, k, sign[t] * f, Vt);
        for (size_t a = 0; a < k * k; a++) V[a] += Vt[a];
    }
    free(M); free(Vt); free(c12);
    size_t gmin = G[0] < G[1] ? G[0] : G[1];
    info->df = (double)gmin - 1.0;
    info->n_clusters = gmin;
    info->type = cpr_strdup("cluster2");
    info->label = cpr_asprintf("Two-way clustered (Cameron-Gelbach-Miller), %zu and %zu clusters (%s)",
                               G[0], G[1], ssc == CPR_SSC_NONE ? "no small-sample factor" : "each G/(G-1), times (N-1)/(N-K)");
    return CPR_OK;
}

static int vcov_hc(const cpr_vcov_in *in, cpr_se_kind se, double *V, cpr_vcov_info *info)
{
    static const char *names[] = { "hc0", "hc1", "hc2", "hc3" };
    size_t k = in->k;
    double *M = cpr_malloc(k * k * sizeof *M);
    meat_hc(in, se, M);
    double f = se == CPR_SE_HC1 ? (in->n_obs > 0 ? in->n_obs : (double)in->n) / in->df_resid : 1.0;
    cpr_sandwich(in->bread, M, k, f, V);
    free(M);
    int idx = (int)se - (int)CPR_SE_HC0;
    info->df = in->df_resid;
    info->type = cpr_strdup(names[idx]);
    info->label = cpr_asprintf("Heteroskedasticity-robust (HC%d%s)", idx,
                               se == CPR_SE_HC1 ? ": HC0 * N/(N-K), as Stata robust" : "");
    return CPR_OK;
}

int cpr_vcov_cr3(const cpr_vcov_in *in, const cpr_jackknife *J, cpr_se_kind se, double *V, cpr_vcov_info *info)
{
    cpr_jackknife_vcov(J, se == CPR_SE_CR3J, V);
    info->df = (double)J->G - 1.0;
    info->n_clusters = J->G;
    info->type = cpr_strdup(se == CPR_SE_CR3J ? "cr3j" : "cr3");
    info->label = cpr_asprintf("Cluster jackknife %s by %s, %zu clusters ((G-1)/G sum (b_(g) - %s)(...)'; "
                               "MacKinnon, Nielsen & Webb 2023)", se == CPR_SE_CR3J ? "CV3J" : "CV3",
                               in->cluster_name ? in->cluster_name : "cluster", J->G,
                               se == CPR_SE_CR3J ? "mean b_(g)" : "b");
    return CPR_OK;
}

static int vcov_cr3(const cpr_vcov_in *in, cpr_se_kind se, double *V, cpr_vcov_info *info)
{
    cpr_jk_in ji = cpr_vcov_jk_in(in);
    cpr_jackknife *J;
    int rc = cpr_jackknife_alloc(&ji, &J);
    if (rc == CPR_OK) rc = cpr_vcov_cr3(in, J, se, V, info);
    cpr_jackknife_free(J);
    return rc;
}

static int vcov_any(const cpr_vcov_in *in, cpr_se_kind se, cpr_ssc ssc, int dk_lag,
                    double *V, cpr_vcov_info *info)
{
    memset(info, 0, sizeof *info);
    size_t k = in->k;
    switch (se) {
    case CPR_SE_IID: {
        double s2 = in->rss / in->df_resid;
        for (size_t a = 0; a < k * k; a++) V[a] = s2 * in->bread[a];
        info->df = in->df_resid;
        info->type = cpr_strdup("iid");
        info->label = cpr_asprintf("Classical (iid errors, s^2 = RSS/%.0f)", in->df_resid);
        return CPR_OK;
    }
    case CPR_SE_HC0: case CPR_SE_HC1: case CPR_SE_HC2: case CPR_SE_HC3:
        return vcov_hc(in, se, V, info);
    case CPR_SE_CLUSTER:
        return vcov_cluster(in, ssc, V, info);
    case CPR_SE_CLUSTER2:
        return vcov_cluster2(in, ssc, V, info);
    case CPR_SE_CR3: case CPR_SE_CR3J:
        return vcov_cr3(in, se, V, info);
    case CPR_SE_CR2:
        return cpr_vcov_cr2(in, V, info);
    case CPR_SE_DK: {
        if (!in->time || in->n_times < 2)
            return cpr_fail(CPR_E_NUMERIC, "Driscoll-Kraay standard errors need a time dimension with 2+ periods");
        int lag = dk_lag >= 0 ? dk_lag : cpr_dk_default_lag(in->n_times);
        int rc = cpr_vcov_dk(in, lag, V);
        if (rc != CPR_OK) return rc;
        info->df = (double)in->n_times - 1.0;
        info->dk_lag = lag;
        info->type = cpr_strdup("dk");
        info->label = cpr_asprintf("Driscoll-Kraay (Bartlett kernel, lag %d, %zu periods, no small-sample factor)",
                                   lag, in->n_times);
        return CPR_OK;
    }
    }
    return cpr_fail(CPR_E_INTERNAL, "unknown standard-error type %d", (int)se);
}

int cpr_vcov(const cpr_vcov_in *in, cpr_se_kind se, cpr_ssc ssc, int dk_lag,
             double *V, cpr_vcov_info *info)
{
    int rc = vcov_any(in, se, ssc, dk_lag, V, info);
    if (rc == CPR_OK && in->normal) info->df = 0;
    return rc;
}
