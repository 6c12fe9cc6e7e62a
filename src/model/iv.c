/* Two-stage least squares, pooled or with absorbed fixed effects: y, X and
 * the instruments are within-transformed first (FWL holds for 2SLS when the
 * effects enter both stages), then beta = (Xh'Xh)^-1 Xh'y with Xh the
 * first-stage fitted regressors. Variances are the sandwiches of
 * src/infer/vcov.c with Xh as regressors and the structural residuals
 * y - X beta, which gives the ivreg2/xtivreg2 `small` conventions: s^2 =
 * RSS/(N-K-absorbed), HC1 = N/(N-K-absorbed), CR1 = G/(G-1)(N-1)/(N-K)
 * with K counted as for OLS/FE (R: AER::ivreg + sandwich::vcovCL). */
#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ABSORBED_TOL 1e-9

static double norm2(const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += (long double)x[i] * x[i];
    return sqrt((double)s);
}

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

int cpr_fit_iv(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    int fe = s->kind == CPR_MODEL_FE;
    if (!fe && s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED)
        return cpr_fail(CPR_E_NUMERIC, "IV (2SLS) is implemented for pooled/OLS and fixed-effects models");
    if (d->kz < d->kx_endog || d->kx_endog == 0)
        return cpr_fail(CPR_E_NUMERIC, "IV needs at least as many instruments (%zu) as endogenous regressors (%zu)", d->kz, d->kx_endog);
    size_t n = d->n, k = d->k, kz = d->kz, ke = d->kx_endog, nc = 1 + k + kz;
    /* M = [y | X | Z], within-transformed for FE */
    double *M = cpr_malloc(n * nc * sizeof *M);
    memcpy(M, d->y, n * sizeof *M);
    memcpy(M + n, d->X, n * k * sizeof *M);
    memcpy(M + n * (1 + k), d->Z, n * kz * sizeof *M);
    cpr_absorb a = cpr_absorb_for(d, s);
    int iters = 0, rc = fe ? cpr_within_transform(&a, M, nc, &iters) : CPR_OK;
    if (rc != CPR_OK) { free(M); return rc; }
    double *y = M, *X = M + n, *Z = M + n * (1 + k);
    for (size_t j = 0; fe && j < k + kz; j++) {
        const double *orig = j < k ? d->X + j * n : d->Z + (j - k) * n;
        if (norm2(M + (1 + j) * n, n) <= ABSORBED_TOL * norm2(orig, n)) {
            rc = cpr_fail(CPR_E_NUMERIC, "IV: %s does not vary within the absorbed fixed effects", j < k ? d->names[j] : d->z_names[j - k]);
            break;
        }
    }
    /* first stages: fitted endogenous regressors from [exogenous, Z] */
    size_t kex = k - ke, kw = kex + kz;
    double *Wm = cpr_malloc(n * kw * sizeof *Wm), *Xh = cpr_malloc(n * k * sizeof *Xh);
    memcpy(Wm, X, n * kex * sizeof *Wm);
    memcpy(Wm + n * kex, Z, n * kz * sizeof *Wm);
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
    free(Wm); free(Xh);
    if (rc != CPR_OK) { cpr_fit_free(f); free(M); return rc; }
    /* structural residuals use the actual X, not the fitted one */
    double *u = cpr_fit_own(f, cpr_malloc(n * sizeof *u));
    long double rss = 0;
    for (size_t i = 0; i < n; i++) {
        long double v = y[i];
        for (size_t j = 0; j < g->k; j++) v -= (long double)X[g->ls.keep[j] * n + i] * g->ls.beta[j];
        u[i] = (double)v;
        rss += v * v;
    }
    f->y = cpr_fit_own(f, M);   /* y is M's first column */
    const char *est = !fe ? "Two-stage least squares (2SLS)"
                    : s->effects == CPR_EFFECTS_TWOWAY ? "2SLS with two-way fixed effects (within)"
                    : s->effects == CPR_EFFECTS_ENTITY ? "2SLS with entity fixed effects (within)" : "2SLS with time fixed effects (within)";
    cpr_result *r = f->r = cpr_reg_result(g, "iv", est);
    r->n_groups = d->n_entities; r->n_periods = d->n_times; r->conf_level = s->conf_level;
    double N = (double)n, K = (double)g->k, dof = fe ? (double)cpr_absorb_dof(&a) : 0, df = N - K - dof;
    f->resid = u; f->rss = (double)rss;
    f->df_resid = df; f->k_stata = fe ? K + 1 + cpr_absorb_unnested_levels(d, &a) : K; f->k_plm = K;
    if (fe) { f->absorbed = 1; f->absorb = a; f->n_absorbed = dof; }
    f->infer_at = cpr_result_mark_now(r);
    cpr_fit_set_residuals(f, u, NULL);
    if (!(df > 0)) { cpr_fit_free(f); return cpr_fail(CPR_E_NUMERIC, "IV: no residual degrees of freedom"); }
    int centered = !fe && g->const_idx >= 0;
    cpr_result_add_stat(r, fe ? "r2_within" : "r2", fe ? "R-squared (within; 2SLS, may be negative)" : "R-squared (2SLS, may be negative)",
                        1.0 - (double)rss / cpr_tss(y, n, centered), 0);
    cpr_result_add_stat(r, "rss", "Residual sum of squares", (double)rss, 0);
    cpr_result_add_stat(r, "sigma", "Residual standard error", sqrt((double)rss / df), 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    if (fe) cpr_result_add_stat(r, "n_absorbed", "Absorbed fixed-effect parameters", dof, 1);
    cpr_result_add_stat(r, "n_instruments", "Excluded instruments", (double)kz, 1);
    /* the first-stage F per endogenous regressor is inference's (src/infer/diagnostics.c) */
    if (d->kx_endog > 1)
        cpr_result_add_note(r, "with %zu endogenous regressors the first-stage F are per regressor; the general Kleibergen-Paap statistic is not implemented",
                            d->kx_endog);
    for (size_t e = 0; e < ke; e++) cpr_result_add_note(r, "endogenous: %s", d->names[kex + e]);
    for (size_t j = 0; j < kz; j++) cpr_result_add_note(r, "excluded instrument: %s", d->z_names[j]);
    f->tests = CPR_FIT_TESTS_IV;
    *out = f;
    return CPR_OK;
}
