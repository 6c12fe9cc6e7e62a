/* Fixed effects (within) estimator: entity, time or two-way effects
 * absorbed by demeaning; slopes by least squares on the demeaned data.
 * Adds Stata's xtreg,fe extras for one-way entity effects (_cons = mean(y)
 * - mean(x)'b with its SE from the augmented regression, sigma_u, rho,
 * R^2 within/between/overall) and the F test that all effects are zero. */
#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ABSORBED_TOL 1e-9   /* demeaned norm / original norm below this: absorbed */

typedef struct {
    size_t n, kx;        /* rows, slope columns given */
    double *W;           /* (1 + kx) columns: y then X slopes, demeaned */
    char **names;        /* kx (borrowed) */
    const double **orig; /* kx original columns */
} fe_data;

static double norm2(const double *x, size_t n)
{
    long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += (long double)x[i] * x[i]; s1 += (long double)x[i + 1] * x[i + 1];
        s2 += (long double)x[i + 2] * x[i + 2]; s3 += (long double)x[i + 3] * x[i + 3];
    }
    for (; i < n; i++) s0 += (long double)x[i] * x[i];
    return sqrt((double)((s0 + s1) + (s2 + s3)));
}

static const char *fe_label(cpr_effects e)
{
    return e == CPR_EFFECTS_ENTITY ? "Fixed effects (within, entity)"
         : e == CPR_EFFECTS_TIME ? "Fixed effects (within, time)" : "Two-way fixed effects (within)";
}

/* Levels of absorbed dimensions not nested in the cluster (Stata counts them in K). */
static double unnested_levels(const cpr_design *d, const cpr_absorb *a)
{
    if (!d->cluster) return 0;
    double extra = 0;
    if (a->effects != CPR_EFFECTS_TIME && !cpr_codes_nested(d->entity, d->n_entities, d->cluster, d->n))
        extra += (double)d->n_entities - 1;
    if (a->effects != CPR_EFFECTS_ENTITY && !cpr_codes_nested(d->time, d->n_times, d->cluster, d->n))
        extra += (double)d->n_times - 1;
    return extra;
}

/* Pooled OLS RSS (with intercept) for the F test of the effects. */
static double pooled_rss(const cpr_design *d, size_t *kp)
{
    cpr_reg g;
    size_t k = d->k + (d->has_const ? 0 : 1);
    double *X = cpr_malloc(d->n * k * sizeof *X);
    char **nm = cpr_malloc(k * sizeof *nm);
    size_t off = d->has_const ? 0 : 1;
    if (!d->has_const) { for (size_t i = 0; i < d->n; i++) X[i] = 1.0; nm[0] = "const"; }
    memcpy(X + off * d->n, d->X, d->n * d->k * sizeof *X);
    for (size_t j = 0; j < d->k; j++) nm[off + j] = d->names[j];
    double rss = NAN;
    if (cpr_reg_fit_borrow(&g, X, d->n, k, nm, 0, d->y, CPR_LS_AUTO) == CPR_OK) { rss = g.ls.rss; *kp = g.k; }
    else cpr_error_clear();
    cpr_reg_clear(&g);
    free(X); free(nm);
    return rss;
}

/* The same RSS for large n without copying the design: pooled OLS with an
 * intercept is OLS on centered data, so RSS = yy - c'C^-1 c with C, c, yy
 * the centered cross-products, accumulated in long double (two passes:
 * means, then products) and solved by Cholesky in long double; a column
 * that is constant (a design intercept) or whose Schur complement is below
 * 1e-14 of its centered sum of squares (collinear) is left out. NAN when
 * nothing is left. Only feeds the F test of the effects. */
static double pooled_rss_gram(const cpr_design *d)
{
    size_t n = d->n, k = d->k, m = k + 1;
    const double **col = cpr_malloc(m * sizeof *col);
    col[0] = d->y;
    for (size_t j = 0; j < k; j++) col[j + 1] = d->X + j * n;
    long double *mu = cpr_calloc(m, sizeof *mu), *S = cpr_calloc(m * m, sizeof *S);
    char *varies = cpr_calloc(m, 1);
    for (size_t j = 0; j < m; j++) {
        long double s0 = 0, s1 = 0;
        size_t i = 0;
        for (; i + 2 <= n; i += 2) { s0 += col[j][i]; s1 += col[j][i + 1]; }
        if (i < n) s0 += col[j][i];
        mu[j] = (s0 + s1) / n;
        for (i = 1; i < n && !varies[j]; i++) varies[j] = col[j][i] != col[j][0];
    }
    for (size_t a = 0; a < m; a++)   /* S = centered [y X]'[y X] */
        for (size_t b = a; b < m; b++) {
            long double s0 = 0, s1 = 0, ma = mu[a], mb = mu[b];
            size_t i = 0;
            for (; i + 2 <= n; i += 2) {
                s0 += (col[a][i] - ma) * (col[b][i] - mb);
                s1 += (col[a][i + 1] - ma) * (col[b][i + 1] - mb);
            }
            if (i < n) s0 += (col[a][i] - ma) * (col[b][i] - mb);
            S[a * m + b] = S[b * m + a] = s0 + s1;
        }
    /* sequential Cholesky of the X block with y as the last right-hand side:
     * the Schur complement of y after the kept columns is the RSS */
    long double *L = cpr_calloc(m * m, sizeof *L), *l = cpr_malloc(m * sizeof *l);
    size_t *keep = cpr_malloc(m * sizeof *keep), kk = 0;
    for (size_t q = 1; q <= m; q++) {
        size_t j = q < m ? q : 0;   /* X columns first, y last */
        long double sjj = S[j * m + j], r = sjj;
        for (size_t a = 0; a < kk; a++) {
            long double v = S[keep[a] * m + j];
            for (size_t b = 0; b < a; b++) v -= l[b] * L[a * m + b];
            l[a] = v / L[a * m + a];
            r -= l[a] * l[a];
        }
        if (j == 0) { free(col); free(mu); free(S); free(L); free(l); free(keep); free(varies); return r > 0 ? (double)r : 0.0; }
        if (varies[j] && sjj > 0 && r > 1e-14L * sjj) {
            for (size_t a = 0; a < kk; a++) L[kk * m + a] = l[a];
            L[kk * m + kk] = sqrtl(r);
            keep[kk++] = j;
        }
    }
    free(col); free(mu); free(S); free(L); free(l); free(keep); free(varies);
    return NAN;
}

/* Stata's _cons and its SE: regression of y~ + mean(y) on [1, x~ + mean(x)];
 * its bread is known in closed form from the within bread B:
 * [[1/n + m'Bm, -m'B], [-Bm, B]]. */
static void stata_cons(cpr_result *r, const cpr_reg *g, const cpr_vcov_in *in0,
                       const double *xbar, double ybar, const cpr_model_spec *s)
{
    if (s->se == CPR_SE_CR2 || s->se == CPR_SE_CR3 || s->se == CPR_SE_CR3J) return;   /* no jackknife of Stata's constant */
    size_t n = g->n, k = g->k, K = k + 1;
    double cons = ybar;
    for (size_t j = 0; j < k; j++) cons -= xbar[j] * g->ls.beta[j];
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
    double se = NAN;
    if (cpr_vcov(&in, s->se, s->ssc, s->dk_lag, Va, &info) == CPR_OK) se = sqrt(Va[0]);
    else cpr_error_clear();
    cpr_vcov_info_clear(&info);
    cpr_result_add_stat(r, "stata_cons", "Constant as Stata xtreg,fe (mean(y) - mean(x)'b)", cons, 0);
    cpr_result_add_stat(r, "stata_cons_se", "Std. error of the Stata constant", se, 0);
    free(Xa); free(Ba); free(Va);
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

int cpr_fit_fe(const cpr_design *d, const cpr_model_spec *s, cpr_result **out)
{
    size_t n = d->n, off = d->has_const ? 1 : 0, kx = d->k - off;
    if (s->effects != CPR_EFFECTS_TIME && d->n_entities == n)
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: every entity is observed in a single period (T = 1 for all "
                        "%zu entities), so the entity effects absorb every observation; use --model pooled", d->n_entities);
    if (s->effects != CPR_EFFECTS_ENTITY && d->n_times == 1)
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: the %zu observations are all from a single period, so the time "
                        "effects absorb everything; drop the time effect (--effects entity) or add periods", n);
    cpr_absorb a = cpr_absorb_for(d, s);
    cpr_wts wt;
    int rc = cpr_wts_init(d, &wt);
    if (rc != CPR_OK) return rc;
    double *W = cpr_malloc(n * (1 + kx) * sizeof *W);
    memcpy(W, d->y, n * sizeof *W);
    memcpy(W + n, d->X + off * n, n * kx * sizeof *W);
    int iters = 0;
    rc = wt.w ? cpr_within_transform_w(&a, wt.w, W, 1 + kx, &iters) : cpr_within_transform(&a, W, 1 + kx, &iters);
    if (rc == CPR_OK && wt.w) cpr_rows_scale(W, n, 1 + kx, wt.sw);   /* weighted LS on the demeaned rows */
    if (rc != CPR_OK) { free(W); cpr_wts_clear(&wt); return rc; }
    if (norm2(W, n) <= ABSORBED_TOL * norm2(d->y, n) ) {
        free(W); cpr_wts_clear(&wt);
        return cpr_fail(CPR_E_NUMERIC, "fixed effects: the outcome %s does not vary within the absorbed groups; "
                        "there is nothing left to explain", d->outcome ? d->outcome : "y");
    }
    /* columns wiped out by the absorption (time-invariant regressors ...) */
    char **nm = cpr_malloc((kx ? kx : 1) * sizeof *nm), **absorbed = cpr_malloc((kx ? kx : 1) * sizeof *absorbed);
    size_t kk = 0, na = 0;
    for (size_t j = 0; j < kx; j++) {
        const double *orig = d->X + (off + j) * n;
        if (norm2(W + (1 + j) * n, n) <= ABSORBED_TOL * norm2(orig, n)) { absorbed[na++] = d->names[off + j]; continue; }
        memmove(W + (1 + kk) * n, W + (1 + j) * n, n * sizeof *W);
        nm[kk++] = d->names[off + j];
    }
    cpr_reg g;
    rc = kk ? cpr_reg_fit_borrow(&g, W + n, n, kk, nm, -1, W, s->ls_method)
            : cpr_fail(CPR_E_NUMERIC, "fixed effects: no regressor varies within the absorbed groups");
    if (rc != CPR_OK) { free(W); free(nm); free(absorbed); cpr_wts_clear(&wt); return rc; }
    cpr_result *r = cpr_reg_result(&g, "fe", fe_label(s->effects));
    for (size_t j = 0; j < na; j++) cpr_result_add_note(r, "dropped %s (absorbed by the fixed effects)", absorbed[j]);
    r->n_groups = d->n_entities; r->n_periods = d->n_times; r->conf_level = s->conf_level;
    double N = wt.n_obs, dof = (double)cpr_absorb_dof(&a), k = (double)g.k, df = N - dof - k;
    r->nobs = (size_t)llround(N);
    cpr_vcov_in in = { .n = n, .k = g.k, .X = g.X, .resid = g.ls.resid, .bread = g.ls.bread, .rss = g.ls.rss,
                       .df_resid = df, .k_stata = k + 1 + unnested_levels(d, &a), .k_plm = k,
                       .cluster = d->cluster, .n_clusters = d->n_clusters, .cluster2 = d->cluster2,
                       .n_cluster2 = d->n_cluster2, .time = d->time, .n_times = d->n_times,
                       .cluster_name = d->cluster_name, .diag = s->cluster_diag ? 2 : 1,
                       .cluster_labels = cpr_design_cluster_labels(d),
                       .n_obs = wt.n_obs, .hc_div = wt.type == CPR_WEIGHT_F ? wt.w : NULL, .weighted = wt.w != NULL };
    cpr_absorb_nesting(d, &a, &in.fe_nest, &in.fe_n_nest, in.fe_other, in.fe_n_other);
    rc = df > 0 ? cpr_result_apply_vcov(r, &in, s->se, s->ssc, s->dk_lag)
                : cpr_fail(CPR_E_NUMERIC, "fixed effects: no residual degrees of freedom");
    if (rc != CPR_OK) { cpr_result_free(r); cpr_reg_clear(&g); free(W); free(nm); free(absorbed); cpr_wts_clear(&wt); return rc; }
    double rss = g.ls.rss, tssw = cpr_tss(W, n, 0), r2w = 1.0 - rss / tssw, sigma_e = sqrt(rss / df);
    cpr_result_add_stat(r, "r2_within", "R-squared (within)", r2w, 0);
    cpr_result_add_stat(r, "adj_r2_within", "Adjusted R-squared (within, as plm)", 1.0 - (1.0 - r2w) * (N - 1) / df, 0);
    cpr_result_add_stat(r, "rss", "Residual sum of squares", rss, 0);
    cpr_result_add_stat(r, "sigma", "Residual standard error (sigma_e)", sigma_e, 0);
    cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
    cpr_result_add_stat(r, "n_absorbed", "Absorbed fixed-effect parameters", dof, 1);
    if (iters) cpr_result_add_stat(r, "fe_iterations", "Alternating-projection sweeps", iters, 1);
    if (wt.w) {
        /* Stata's _cons/sigma_u and the specification tests below are
         * unweighted formulas: left out rather than mixed with weights */
        cpr_result_add_note(r, "weighted within transformation (%s %s): specification tests and Stata's _cons/sigma_u are not computed with weights",
                            cpr_weight_type_name(wt.type), d->weight_name ? d->weight_name : "w");
        cpr_reg_clear(&g);
        free(W); free(nm); free(absorbed);
        cpr_wts_clear(&wt);
        *out = r;
        return CPR_OK;
    }
    cpr_wts_clear(&wt);
    if (s->effects == CPR_EFFECTS_ENTITY) {
        double *xbar = cpr_malloc(g.k * sizeof *xbar), ybar;
        for (size_t j = 0; j < g.k; j++) {
            size_t col = 0;
            while (strcmp(d->names[col], g.names[j]) != 0) col++;
            long double sm = 0;
            for (size_t i = 0; i < n; i++) sm += d->X[col * n + i];
            xbar[j] = (double)(sm / n);
        }
        { long double sm = 0; for (size_t i = 0; i < n; i++) sm += d->y[i]; ybar = (double)(sm / n); }
        stata_cons(r, &g, &in, xbar, ybar, s);
        stata_extras(r, d, &g, sigma_e);
        free(xbar);
    }
    /* Pesaran's CD needs the residuals; the other tests only the design, so
     * the demeaned block is freed first (peak memory on large panels) */
    cpr_test cd = { 0 };
    int have_cd = s->effects != CPR_EFFECTS_TIME &&
                  cpr_test_pesaran_cd(g.ls.resid, d->entity, d->time, n, d->n_entities, d->n_times, &cd) == CPR_OK;
    cpr_error_clear();
    cpr_reg_clear(&g);
    free(W); free(nm); free(absorbed);
    size_t kp = 0;
    double rssp = n > CPR_LS_XTX_MIN_N ? pooled_rss_gram(d) : pooled_rss(d, &kp);
    if (isfinite(rssp)) {
        cpr_test t;
        cpr_test_f_effects(rssp, rss, dof - 1, df, &t);
        cpr_result_take_test(r, &t);
    }
    if (s->effects != CPR_EFFECTS_TIME) {
        cpr_test t = { 0 };
        if (cpr_test_wooldridge_ar(d, &t) == CPR_OK) cpr_result_take_test(r, &t);
        if (have_cd) cpr_result_take_test(r, &cd);
        cpr_error_clear();   /* tests that do not apply are left out */
    }
    cpr_test_clear(&cd);
    *out = r;
    return CPR_OK;
}
