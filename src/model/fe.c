/* Fixed effects (within) estimator: entity, time or two-way effects
 * absorbed by demeaning; slopes by least squares on the demeaned data.
 * Adds Stata's xtreg,fe extras for one-way entity effects (_cons = mean(y)
 * - mean(x)'b with its SE from the augmented regression, sigma_u, rho,
 * R^2 within/between/overall); the SE of that constant and the F test
 * that all effects are zero are added by inference from the fit. */
#include "cpr/fit.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ABSORBED_TOL 1e-9   /* demeaned norm / original norm below this: absorbed */

typedef struct {
    size_t n, kx;        /* rows, slope columns given */
    double *W;           /* (1 + kx) columns: y then X slopes, demeaned */
    char **names;        /* kx (borrowed) */
    const double **orig; /* kx original columns */
} fe_data;

/* Euclidean norm in long double, over fixed row blocks (split over the
 * threads, the same sum for any thread count) */
static double norm2(const double *x, size_t n) { return sqrt((double)cpr_sumsq_ld(x, n)); }

static const char *fe_label(cpr_effects e)
{
    return e == CPR_EFFECTS_ENTITY ? "Fixed effects (within, entity)"
         : e == CPR_EFFECTS_TIME ? "Fixed effects (within, time)" : "Two-way fixed effects (within)";
}

/* Stata's _cons = mean(y) - mean(x)'b. Its SE needs the model's variance:
 * the stat is left NAN here and filled by inference from f->cons_xbar (the
 * augmented regression of src/infer/stata_cons.c). */
static void stata_cons(cpr_fit *f, const double *xbar, double ybar)
{
    const cpr_model_spec *s = &f->spec;
    if (s->se == CPR_SE_CR2 || s->se == CPR_SE_CR3 || s->se == CPR_SE_CR3J) return;   /* no jackknife of Stata's constant */
    double cons = ybar;
    for (size_t j = 0; j < f->g.k; j++) cons -= xbar[j] * f->g.ls.beta[j];
    f->cons_xbar = cpr_malloc(f->g.k * sizeof *f->cons_xbar);
    memcpy(f->cons_xbar, xbar, f->g.k * sizeof *xbar);
    cpr_result_add_stat(f->r, "stata_cons", "Constant as Stata xtreg,fe (mean(y) - mean(x)'b)", cons, 0);
    cpr_result_add_stat(f->r, "stata_cons_se", "Std. error of the Stata constant", NAN, 0);
}

/* sigma_u, rho, R^2 between/overall, corr(u_i, xb) as Stata xtreg,fe. */
static void stata_extras(cpr_result *r, const cpr_design *d, const cpr_reg *g, double sigma_e)
{
    size_t n = d->n, G = d->n_entities, k = g->k;
    double *xb = cpr_calloc(n, sizeof *xb);
    for (size_t j = 0; j < k; j++) {
        size_t col = 0;   /* original column of kept slope j */
        while (strcmp(d->names[col], g->names[j]) != 0) col++;
        for (size_t i = 0; i < n; i++) xb[i] += d->X[col * n + i] * g->ls.beta[j];
    }
    double *m = cpr_malloc(2 * G * sizeof *m), *cols = cpr_malloc(2 * n * sizeof *cols);
    memcpy(cols, d->y, n * sizeof *cols);
    memcpy(cols + n, xb, n * sizeof *cols);
    cpr_group_means(d->entity, n, G, cols, 2, m);
    double *ui = cpr_malloc(n * sizeof *ui), *yb = cpr_malloc(G * sizeof *yb), *xbb = cpr_malloc(G * sizeof *xbb);
    long double mu = 0, ss = 0;
    for (size_t c = 0; c < G; c++) { yb[c] = m[2 * c]; xbb[c] = m[2 * c + 1]; mu += yb[c] - xbb[c]; }
    mu /= G;
    for (size_t c = 0; c < G; c++) ss += (yb[c] - xbb[c] - mu) * (yb[c] - xbb[c] - mu);
    for (size_t i = 0; i < n; i++) ui[i] = m[2 * d->entity[i]] - m[2 * d->entity[i] + 1];
    double su = sqrt((double)(ss / (G - 1)));   /* one u_i per entity, as Stata */
    cpr_result_add_stat(r, "sigma_u", "sigma_u (sd of the fixed effects)", su, 0);
    cpr_result_add_stat(r, "sigma_e", "sigma_e", sigma_e, 0);
    cpr_result_add_stat(r, "rho", "rho (fraction of variance due to u_i)", su * su / (su * su + sigma_e * sigma_e), 0);
    cpr_result_add_stat(r, "r2_between", "R-squared (between)", cpr_corr2(yb, xbb, G), 0);
    cpr_result_add_stat(r, "r2_overall", "R-squared (overall)", cpr_corr2(d->y, xb, n), 0);
    cpr_result_add_stat(r, "corr_u_xb", "corr(u_i, Xb)", cpr_corr(ui, xb, n), 0);
    free(xb); free(m); free(cols); free(ui); free(yb); free(xbb);
}

int cpr_fit_fe(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    size_t n = d->n, off = d->has_const ? 1 : 0, kx = d->k - off;
    if (s->effects != CPR_EFFECTS_TIME && d->n_entities == n)
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: every entity is observed in a single period (T = 1 for all "
                        "%zu entities), so the entity effects absorb every observation; use --model pooled", d->n_entities);
    if (s->effects != CPR_EFFECTS_ENTITY && d->n_times == 1)
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: the %zu observations are all from a single period, so the time "
                        "effects absorb everything; drop the time effect (--effects entity) or add periods", n);
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_absorb a = cpr_absorb_for(d, s);
    int rc = cpr_wts_init(d, &f->wt);
    if (rc != CPR_OK) { cpr_fit_free(f); return rc; }
    const cpr_wts *wt = &f->wt;
    /* In place (big designs whose X nobody reads after the fit): the
     * design's X is demeaned where it is and only y is copied, and the
     * default tests that need the raw data (pooled RSS, Wooldridge) are
     * computed first. Else the copy W = [y X] is demeaned. Same arithmetic
     * on the same values either way. */
    int inplace = d->x_scratch && !wt->w && s->effects != CPR_EFFECTS_ENTITY && n > CPR_LS_XTX_MIN_N && !d->has_const;
    double *W, *Xw, *onorm = cpr_malloc((1 + kx) * sizeof *onorm);
    for (size_t j = 0; j <= kx; j++) onorm[j] = norm2(j ? d->X + (off + j - 1) * n : d->y, n);
    if (inplace) {
        cpr_error_scope es;   /* a test that does not apply is left out */
        cpr_error_scope_begin(&es);
        f->pre_tests = 1;
        /* the default tests that read the raw X, before it is demeaned in
         * place: one after the other, each split over the threads by rows */
        f->pooled_rss = cpr_pooled_rss(f->d);
        f->ar1_rc = cpr_fd_ar1(f->d, &f->ar1);
        cpr_error_scope_end(&es);
        W = cpr_fit_own(f, cpr_malloc(n * sizeof *W));
        Xw = (double *)(uintptr_t)(d->X + off * n);
    } else {
        W = cpr_fit_own(f, cpr_malloc(n * (1 + kx) * sizeof *W));
        Xw = W + n;
        memcpy(Xw, d->X + off * n, n * kx * sizeof *W);
    }
    cpr_copy_doubles(W, d->y, n);
    int iters = 0;
    if (wt->w) {
        rc = cpr_within_transform_w(&a, wt->w, W, 1 + kx, &iters);
        if (rc == CPR_OK) cpr_rows_scale(W, n, 1 + kx, wt->sw);   /* weighted LS on the demeaned rows */
    } else {
        double **cols = cpr_malloc((1 + kx) * sizeof *cols);
        cols[0] = W;
        for (size_t j = 0; j < kx; j++) cols[1 + j] = Xw + j * n;
        rc = cpr_within_transform_cols(&a, cols, 1 + kx, &iters);
        free(cols);
    }
    if (rc != CPR_OK) { free(onorm); cpr_fit_free(f); return rc; }
    if (norm2(W, n) <= ABSORBED_TOL * onorm[0]) {
        free(onorm);
        cpr_fit_free(f);
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: the outcome %s does not vary within the absorbed groups; "
                        "there is nothing left to explain", d->outcome ? d->outcome : "y");
    }
    /* columns wiped out by the absorption (time-invariant regressors ...) */
    char **nm = cpr_malloc((kx ? kx : 1) * sizeof *nm), **absorbed = cpr_malloc((kx ? kx : 1) * sizeof *absorbed);
    size_t kk = 0, na = 0;
    for (size_t j = 0; j < kx; j++) {
        if (norm2(Xw + j * n, n) <= ABSORBED_TOL * onorm[1 + j]) { absorbed[na++] = d->names[off + j]; continue; }
        if (kk != j) memmove(Xw + kk * n, Xw + j * n, n * sizeof *W);
        nm[kk++] = d->names[off + j];
    }
    free(onorm);
    cpr_reg *g = &f->g;
    rc = kk ? cpr_reg_fit_borrow(g, Xw, n, kk, nm, -1, W, s->ls_method)
            : cpr_fail(CPR_E_NUMERIC, "fixed effects: no regressor varies within the absorbed groups");
    if (rc != CPR_OK) { free(nm); free(absorbed); cpr_fit_free(f); return rc; }
    cpr_result *r = f->r = cpr_reg_result(g, "fe", fe_label(s->effects));
    for (size_t j = 0; j < na; j++) cpr_result_add_note(r, "dropped %s (absorbed by the fixed effects)", absorbed[j]);
    free(nm); free(absorbed);
    r->n_groups = d->n_entities; r->n_periods = d->n_times; r->conf_level = s->conf_level;
    double N = wt->n_obs, dof = (double)cpr_absorb_dof(&a), k = (double)g->k, df = N - dof - k;
    r->nobs = (size_t)llround(N);
    f->y = W; f->resid = g->ls.resid; f->rss = g->ls.rss;
    f->df_resid = df; f->k_stata = k + 1 + cpr_absorb_unnested_levels(d, &a); f->k_plm = k;
    f->diag = s->cluster_diag ? 2 : 1;
    f->cluster_labels = cpr_design_cluster_labels(d);
    f->absorbed = 1; f->absorb = a; f->n_absorbed = dof;
    cpr_absorb_nesting(d, &a, &f->fe_nest, &f->fe_n_nest, f->fe_other, f->fe_n_other);
    f->infer_at = cpr_result_mark_now(r);
    if (inplace) cpr_fit_take_residuals(f);   /* no second residual vector, fitted left to the reader */
    else cpr_fit_set_residuals(f, NULL, wt->sw);
    if (!(df > 0)) { cpr_fit_free(f); return cpr_fail(CPR_E_NUMERIC, "fixed effects: no residual degrees of freedom"); }
    double rss = g->ls.rss, tssw = cpr_tss(W, n, 0), r2w = 1.0 - rss / tssw, sigma_e = sqrt(rss / df);
    cpr_result_add_stat(r, "r2_within", "R-squared (within)", r2w, 0);
    cpr_result_add_stat(r, "adj_r2_within", "Adjusted R-squared (within, as plm)", 1.0 - (1.0 - r2w) * (N - 1) / df, 0);
    cpr_result_add_stat(r, "rss", "Residual sum of squares", rss, 0);
    cpr_result_add_stat(r, "sigma", "Residual standard error (sigma_e)", sigma_e, 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    cpr_result_add_stat(r, "n_absorbed", "Absorbed fixed-effect parameters", dof, 1);
    if (iters) cpr_result_add_stat(r, "fe_iterations", "Alternating-projection sweeps", iters, 1);
    if (wt->w) {
        /* Stata's _cons/sigma_u and the specification tests are unweighted
         * formulas: left out rather than mixed with weights */
        cpr_result_add_note(r, "weighted within transformation (%s %s): specification tests and Stata's _cons/sigma_u are not computed with weights",
                            cpr_weight_type_name(wt->type), d->weight_name ? d->weight_name : "w");
        *out = f;
        return CPR_OK;
    }
    if (s->effects == CPR_EFFECTS_ENTITY) {
        double *xbar = cpr_malloc(g->k * sizeof *xbar), ybar;
        for (size_t j = 0; j < g->k; j++) {
            size_t col = 0;
            while (strcmp(d->names[col], g->names[j]) != 0) col++;
            long double sm = 0;
            for (size_t i = 0; i < n; i++) sm += d->X[col * n + i];
            xbar[j] = (double)(sm / n);
        }
        { long double sm = 0; for (size_t i = 0; i < n; i++) sm += d->y[i]; ybar = (double)(sm / n); }
        stata_cons(f, xbar, ybar);
        stata_extras(r, d, g, sigma_e);
        free(xbar);
    }
    f->tests = CPR_FIT_TESTS_FE;
    *out = f;
    return CPR_OK;
}
