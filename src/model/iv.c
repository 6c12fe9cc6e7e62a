/* Two-stage least squares, pooled or with absorbed fixed effects: y, X and
 * the instruments are within-transformed first (FWL holds for 2SLS when the
 * effects enter both stages), then beta = (Xh'Xh)^-1 Xh'y with Xh the
 * first-stage fitted regressors. Variances are the sandwiches of
 * src/infer/vcov.c with Xh as regressors and the structural residuals
 * y - X beta, which gives the ivreg2/xtivreg2 `small` conventions: s^2 =
 * RSS/(N-K-absorbed), HC1 = N/(N-K-absorbed), CR1 = G/(G-1)(N-1)/(N-K)
 * with K counted as for OLS/FE (R: AER::ivreg + sandwich::vcovCL).
 * --iv-method liml|fuller|gmm swaps the estimator (src/model/iv_kclass.c,
 * iv_gmm.c) but keeps the variance machinery: every estimator hands over
 * its sandwich pieces (score regressors Xs and bread B). --asymptotic uses
 * Stata's large-sample conventions (z, chi2, RSS/N, HC0, CR0). */
#include "cpr/fit.h"
#include "cpr/iv_data.h"
#include "cpr/iv_gmm.h"
#include "cpr/iv_kclass.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cpr_iv_aux_design(const cpr_design *d, long which, cpr_design *aux)
{
    size_t n = d->n, kex = d->k - d->kx_endog, k = kex + d->kz;
    *aux = *d;   /* borrows the panel codes; never freed as a design */
    aux->k = k;
    aux->kx_endog = aux->kz = 0;
    aux->Z = NULL; aux->z_names = NULL;
    aux->X = cpr_malloc(n * k * sizeof *aux->X);
    aux->names = cpr_malloc(k * sizeof *aux->names);
    memcpy(aux->X, d->X, n * kex * sizeof *aux->X);
    memcpy(aux->X + n * kex, d->Z, n * d->kz * sizeof *aux->X);
    for (size_t j = 0; j < kex; j++) aux->names[j] = d->names[j];
    for (size_t j = 0; j < d->kz; j++) aux->names[kex + j] = d->z_names[j];
    if (which >= 0) {
        aux->y = d->X + (kex + (size_t)which) * n;
        aux->outcome = d->names[kex + (size_t)which];
    }
}

void cpr_iv_aux_design_clear(cpr_design *aux)
{
    free(aux->X); free(aux->names);
    aux->X = NULL; aux->names = NULL;
}

static const char *method_name(cpr_iv_method m)
{
    return m == CPR_IV_LIML ? "LIML" : m == CPR_IV_FULLER ? "Fuller k-class" : m == CPR_IV_GMM ? "Two-step efficient GMM" : "2SLS";
}

static char *estimator_label(const cpr_model_spec *s, int fe)
{
    const char *m = method_name(s->iv_method);
    if (!fe) return s->iv_method == CPR_IV_2SLS ? cpr_strdup("Two-stage least squares (2SLS)") : cpr_strdup(m);
    const char *w = s->effects == CPR_EFFECTS_TWOWAY ? "two-way" : s->effects == CPR_EFFECTS_ENTITY ? "entity" : "time";
    return cpr_asprintf("%s with %s fixed effects (within)", m, w);
}

/* The weight matrix of GMM follows the variance (Stata: wmatrix follows vce). */
static int gmm_wmatrix(cpr_se_kind se, cpr_iv_wmatrix *wm)
{
    switch (se) {
    case CPR_SE_IID: *wm = CPR_IV_WM_IID; return CPR_OK;
    case CPR_SE_HC0: case CPR_SE_HC1: *wm = CPR_IV_WM_HC; return CPR_OK;
    case CPR_SE_CLUSTER: *wm = CPR_IV_WM_CLUSTER; return CPR_OK;
    default: return cpr_fail(CPR_E_USAGE, "--iv-method gmm: the weight matrix follows --se, which must be iid, hc0, hc1 or cluster");
    }
}

/* LIML / Fuller / GMM on the kept columns of the 2SLS fit g; u1 = 2SLS residuals. */
static int other_estimator(const cpr_iv_data *v, const cpr_design *d, const cpr_model_spec *s, const cpr_reg *g,
                           const double *Wm, const double *u1, cpr_iv_est *e, double *kappa_liml, double *J)
{
    size_t n = v->n, kk = g->k, kw = v->kex + v->kz, nex = 0;
    double *Xk = cpr_malloc(n * kk * sizeof *Xk), *Wex = cpr_malloc(n * (v->kex ? v->kex : 1) * sizeof *Wex);
    for (size_t j = 0; j < kk; j++) {
        memcpy(Xk + j * n, v->X + g->ls.keep[j] * n, n * sizeof *Xk);
        if (g->ls.keep[j] < v->kex) memcpy(Wex + nex++ * n, v->X + g->ls.keep[j] * n, n * sizeof *Wex);
    }
    int rc;
    if (s->iv_method == CPR_IV_GMM) {
        cpr_iv_wmatrix wm = CPR_IV_WM_IID;
        rc = gmm_wmatrix(s->se, &wm);
        if (rc == CPR_OK) rc = cpr_iv_gmm(v->y, Xk, kk, Wm, kw, n, u1, wm, d->cluster, d->n_clusters, e, J);
    } else {
        rc = cpr_iv_liml_kappa(v->y, v->X + v->kex * n, v->ke, Wex, nex, Wm, kw, n, kappa_liml);
        double L = (double)(nex + v->kz), kappa = *kappa_liml;
        if (s->iv_method == CPR_IV_FULLER) kappa -= s->fuller_a / ((double)n - L - v->absorbed);
        if (rc == CPR_OK) rc = cpr_iv_kclass(v->y, Xk, kk, Wm, kw, n, kappa, e);
    }
    free(Xk); free(Wex);
    return rc;
}

int cpr_fit_iv(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    int fe = s->kind == CPR_MODEL_FE;
    if (!fe && s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED)
        return cpr_fail(CPR_E_NUMERIC, "IV (2SLS) is implemented for pooled/OLS and fixed-effects models");
    if (d->kz < d->kx_endog || d->kx_endog == 0)
        return cpr_fail(CPR_E_NUMERIC, "IV needs at least as many instruments (%zu) as endogenous regressors (%zu)", d->kz, d->kx_endog);
    if (s->iv_method == CPR_IV_FULLER && !(s->fuller_a > 0))
        return cpr_fail(CPR_E_USAGE, "--fuller A must be positive (Fuller's constant; 1 is the usual choice)");
    cpr_iv_data v;
    int rc = cpr_iv_data_build(d, s, &v);
    if (rc != CPR_OK) return rc;
    size_t n = d->n, k = d->k, kz = d->kz, ke = d->kx_endog;
    double *y = v.y, *X = v.X;
    /* first stages: fitted endogenous regressors from [exogenous, Z] */
    size_t kex = k - ke, kw = kex + kz;
    double *Wm = cpr_iv_data_instruments(&v), *Xh = cpr_malloc(n * k * sizeof *Xh);
    memcpy(Xh, X, n * kex * sizeof *Xh);
    for (size_t e = 0; rc == CPR_OK && e < ke; e++) {
        cpr_ls ls;
        const double *xe = X + (kex + e) * n;
        rc = cpr_ols_qr(Wm, n, kw, xe, 0, s->ls_method, &ls);
        if (rc == CPR_OK) for (size_t i = 0; i < n; i++) Xh[(kex + e) * n + i] = xe[i] - ls.resid[i];
        cpr_ls_clear(&ls);
    }
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_reg *g = &f->g;
    long cc = d->has_const && !fe ? 0 : -1;
    if (rc == CPR_OK) rc = cpr_reg_fit(g, Xh, n, k, d->names, cc, y, s->ls_method);
    if (rc == CPR_OK) {
        for (size_t e = 0; e < ke; e++)
            for (size_t j = 0; j < g->ndropped; j++)
                if (strcmp(g->dropped[j], d->names[kex + e]) == 0)
                    rc = cpr_fail(CPR_E_NUMERIC, "IV: %s is not identified (instruments collinear with the exogenous regressors)", d->names[kex + e]);
    }
    free(Xh);
    if (rc != CPR_OK) { cpr_fit_free(f); cpr_iv_data_clear(&v); free(Wm); return rc; }
    /* structural residuals use the actual X, not the fitted one */
    double *u = cpr_fit_own(f, cpr_malloc(n * sizeof *u));
    long double rss = 0;
    for (size_t i = 0; i < n; i++) {
        long double t = y[i];
        for (size_t j = 0; j < g->k; j++) t -= (long double)X[g->ls.keep[j] * n + i] * g->ls.beta[j];
        u[i] = (double)t;
        rss += t * t;
    }
    cpr_iv_est est = { 0 };
    double kappa_liml = NAN, J = NAN;
    if (s->iv_method != CPR_IV_2SLS) {
        rc = other_estimator(&v, d, s, g, Wm, u, &est, &kappa_liml, &J);
        if (rc != CPR_OK) { cpr_fit_free(f); cpr_iv_data_clear(&v); free(Wm); return rc; }
        memcpy(u, est.resid, n * sizeof *u);
        rss = est.rss;
    }
    free(Wm);
    char *est_label = estimator_label(s, fe);
    cpr_result *r = f->r = cpr_reg_result(g, "iv", est_label);
    free(est_label);
    if (s->iv_method != CPR_IV_2SLS) memcpy(r->estimate, est.beta, g->k * sizeof *r->estimate);
    r->n_groups = d->n_entities; r->n_periods = d->n_times; r->conf_level = s->conf_level;
    double N = (double)n, K = (double)g->k, dof = v.absorbed, df = N - K - dof;
    /* the variance is the sandwich of the estimator's score regressors and bread
     * (2SLS: the fitted regressors and (Xh'Xh)^-1); --asymptotic: Stata's
     * large-sample conventions (ivregress without small), applied by inference */
    f->xs = est.Xs ? cpr_fit_own(f, est.Xs) : NULL;
    f->bread = est.bread ? cpr_fit_own(f, est.bread) : NULL;
    est.Xs = est.bread = NULL;
    f->asymptotic = s->asymptotic;
    f->normal = s->asymptotic;
    f->y = cpr_fit_own(f, v.M); v.M = NULL;   /* y is v.y, a view into M */
    f->resid = u; f->rss = (double)rss;
    f->df_resid = s->asymptotic ? N : df; f->k_stata = K; f->k_plm = K;
    if (fe) {
        cpr_absorb a = cpr_absorb_for(d, s);
        f->k_stata = K + 1 + cpr_absorb_unnested_levels(d, &a);
        f->absorbed = 1; f->absorb = a; f->n_absorbed = dof;
    }
    f->infer_at = cpr_result_mark_now(r);
    cpr_fit_set_residuals(f, u, NULL);
    if (!(df > 0)) {
        cpr_iv_est_clear(&est); cpr_iv_data_clear(&v); cpr_fit_free(f);
        return cpr_fail(CPR_E_NUMERIC, "IV: no residual degrees of freedom");
    }
    int centered = !fe && g->const_idx >= 0;
    double sdf = s->asymptotic ? N : df;
    cpr_result_add_stat(r, fe ? "r2_within" : "r2", fe ? "R-squared (within; IV, may be negative)" : "R-squared (IV, may be negative)",
                        1.0 - (double)rss / cpr_tss(y, n, centered), 0);
    cpr_result_add_stat(r, "rss", "Residual sum of squares", (double)rss, 0);
    cpr_result_add_stat(r, "sigma", s->asymptotic ? "Residual standard error (sqrt(RSS/N))" : "Residual standard error",
                        sqrt((double)rss / sdf), 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    if (fe) cpr_result_add_stat(r, "n_absorbed", "Absorbed fixed-effect parameters", dof, 1);
    cpr_result_add_stat(r, "n_instruments", "Excluded instruments", (double)kz, 1);
    if (s->iv_method == CPR_IV_LIML || s->iv_method == CPR_IV_FULLER) {
        cpr_result_add_stat(r, "kappa", s->iv_method == CPR_IV_LIML ? "LIML kappa" : "Fuller kappa", est.kappa, 0);
        if (s->iv_method == CPR_IV_FULLER) {
            cpr_result_add_stat(r, "kappa_liml", "LIML kappa (before Fuller's correction)", kappa_liml, 0);
            cpr_result_add_stat(r, "fuller_a", "Fuller constant a", s->fuller_a, 0);
        }
    }
    if (s->iv_method == CPR_IV_GMM && kz > ke) {
        double q = (double)(kz - ke);
        cpr_result_add_stat(r, "hansen_j", "Hansen's J", J, 0);
        cpr_result_add_test(r, "hansen_j", "Hansen's J (overidentifying restrictions)", J, q, 0, gsl_cdf_chisq_Q(J, q),
                            "H0: the instruments are valid (uncorrelated with the error); chi2(instruments - endogenous), "
                            "J = g'S^-1 g with the weight matrix of the estimation");
    }
    if (s->iv_method == CPR_IV_GMM)
        cpr_result_add_note(r, "GMM weight matrix: %s; variance: sandwich with the second-step residuals (Stata ivregress gmm)",
                            s->se == CPR_SE_IID ? "(Z'Z)^-1 (iid: the estimate equals 2SLS)" : s->se == CPR_SE_CLUSTER ? "cluster-robust moment covariance of the 2SLS residuals"
                                                                                                                    : "heteroskedasticity-robust moment covariance of the 2SLS residuals");
    if (s->asymptotic) cpr_result_add_note(r, "large-sample conventions (--asymptotic): z and chi2 tests, s^2 = RSS/N, HC0, CR0 (no G/(G-1))");
    /* the first-stage F per endogenous regressor is inference's (src/infer/iv_first_stage.c) */
    for (size_t e = 0; e < ke; e++) cpr_result_add_note(r, "endogenous: %s", d->names[kex + e]);
    for (size_t j = 0; j < kz; j++) cpr_result_add_note(r, "excluded instrument: %s", d->z_names[j]);
    f->tests = CPR_FIT_TESTS_IV;
    cpr_iv_est_clear(&est);
    cpr_iv_data_clear(&v);
    *out = f;
    return CPR_OK;
}
