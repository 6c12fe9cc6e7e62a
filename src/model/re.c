/* Random effects by feasible GLS with Swamy-Arora variance components:
 * sigma_e^2 = RSS_within/(N - G - k); sigma_u^2 = RSS_between/(G - K) -
 * sigma_e^2/T_h (T_h = harmonic mean of T_i; 0 if negative), theta_i =
 * 1 - sqrt(sigma_e^2/(T_i sigma_u^2 + sigma_e^2)), then OLS on
 * x - theta_i mean_i(x). This is Stata's xtreg,re; plm's "swar" coincides
 * on balanced panels. plm's unbalanced swar (--re-method plm) takes
 * sigma_u^2 = (q_B - (G - K) sigma_e^2) / (N - tr[(Z_B'Z_B)^-1 Z_S'Z]) from
 * the between regression weighted by T_i (residual form q_B = sum_i T_i
 * (ybar_i - zbar_i'b)^2, Z_B the entity means repeated per row, Z_S the
 * entity sums), as plm's ercomp with dfcor 3. */
#include "cpr/fit.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct { double s2e, s2u, th; size_t kw; } re_comp;

static int within_rss(const cpr_design *d, double *rss, size_t *kw)
{
    size_t n = d->n, off = d->has_const ? 1 : 0, kx = d->k - off;
    cpr_absorb a = { .n = n, .entity = d->entity, .n_entities = d->n_entities, .effects = CPR_EFFECTS_ENTITY };
    double *W = cpr_malloc(n * (1 + kx) * sizeof *W);
    memcpy(W, d->y, n * sizeof *W);
    memcpy(W + n, d->X + off * n, n * kx * sizeof *W);
    cpr_within_transform(&a, W, 1 + kx, NULL);
    cpr_reg g;
    int rc = cpr_reg_fit(&g, W + n, n, kx, d->names + off, -1, W, CPR_LS_AUTO);
    if (rc == CPR_OK) { *rss = g.ls.rss; *kw = g.k; }
    cpr_reg_clear(&g);
    free(W);
    return rc;
}

/* Entity means of y and X, scaled by sqrt(Ti[c]) when Ti is given (the
 * between regressions of Stata's and plm's Swamy-Arora): *yb is G, *Xb G x k. */
static void entity_means(const cpr_design *d, const size_t *Ti, double **yb_out, double **Xb_out)
{
    size_t n = d->n, G = d->n_entities, k = d->k;
    double *cols = cpr_malloc(n * (k + 1) * sizeof *cols), *m = cpr_malloc(G * (k + 1) * sizeof *m);
    memcpy(cols, d->y, n * sizeof *cols);
    memcpy(cols + n, d->X, n * k * sizeof *cols);
    cpr_group_means(d->entity, n, G, cols, k + 1, m);
    double *yb = cpr_malloc(G * sizeof *yb), *Xb = cpr_malloc(G * k * sizeof *Xb);
    for (size_t c = 0; c < G; c++) {
        double st = Ti ? sqrt((double)Ti[c]) : 1.0;   /* x * 1.0 == x exactly */
        yb[c] = st * m[c * (k + 1)];
        for (size_t j = 0; j < k; j++) Xb[j * G + c] = st * m[c * (k + 1) + 1 + j];
    }
    free(cols); free(m);
    *yb_out = yb; *Xb_out = Xb;
}

static int between_rss(const cpr_design *d, double *rss, size_t *kb)
{
    size_t G = d->n_entities, k = d->k;
    double *yb, *Xb;
    entity_means(d, NULL, &yb, &Xb);
    cpr_reg g;
    int rc = cpr_reg_fit(&g, Xb, G, k, d->names, d->has_const ? 0 : -1, yb, CPR_LS_AUTO);
    if (rc == CPR_OK) { *rss = g.ls.rss; *kb = g.k; }
    cpr_reg_clear(&g);
    free(yb); free(Xb);
    return rc;
}

/* plm's unbalanced swar, between part: WLS of entity means on entity means
 * with weights T_i; *q = sum T_i e_i^2, *kb = columns kept, *tr = trace of
 * (sum T_i z z')^-1 (sum T_i^2 z z'). */
static int between_plm(const cpr_design *d, const size_t *Ti, double *q, size_t *kb, double *tr)
{
    size_t G = d->n_entities, k = d->k;
    double *yb, *Xb;
    entity_means(d, Ti, &yb, &Xb);
    cpr_reg g;
    int rc = cpr_reg_fit(&g, Xb, G, k, d->names, d->has_const ? 0 : -1, yb, CPR_LS_AUTO);
    if (rc == CPR_OK) {
        *q = g.ls.rss;   /* residuals are sqrt(T_i) e_i */
        *kb = g.k;
        long double t = 0;
        for (size_t c = 0; c < G; c++) {   /* T_i^2 zbar' B zbar = T_i (x_c' B x_c), x_c = sqrt(T_i) zbar */
            long double h = 0;
            for (size_t a = 0; a < g.k; a++) {
                long double v = 0;
                for (size_t b = 0; b < g.k; b++) v += (long double)g.ls.bread[a * g.k + b] * g.X[b * G + c];
                h += v * g.X[a * G + c];
            }
            t += Ti[c] * h;
        }
        *tr = (double)t;
    }
    cpr_reg_clear(&g);
    free(yb); free(Xb);
    return rc;
}

int cpr_re_theta(const cpr_design *d, cpr_re_method method, double *th, double *s2e_out, double *s2u_out)
{
    size_t n = d->n, G = d->n_entities, kw = 0, kb = 0;
    size_t *Ti = cpr_malloc(G * sizeof *Ti);
    cpr_group_counts(d->entity, n, G, Ti);
    int bal = 1;
    double inv = 0;
    for (size_t c = 0; c < G; c++) { inv += 1.0 / Ti[c]; if (Ti[c] != Ti[0]) bal = 0; }
    double rssw, q, tr = 0;
    int rc = within_rss(d, &rssw, &kw);
    int plm_unbal = method == CPR_RE_PLM && !bal;
    if (rc == CPR_OK) rc = plm_unbal ? between_plm(d, Ti, &q, &kb, &tr) : between_rss(d, &q, &kb);
    if (rc != CPR_OK) { free(Ti); return rc; }
    double Th = (double)G / inv, s2e = rssw / ((double)n - (double)G - (double)kw);
    double s2u = plm_unbal ? fmax(0.0, (q - ((double)G - (double)kb) * s2e) / ((double)n - tr))
                           : fmax(0.0, q / ((double)G - (double)kb) - s2e / Th);
    for (size_t c = 0; c < G; c++) th[c] = 1.0 - sqrt(s2e / (Ti[c] * s2u + s2e));
    *s2e_out = s2e; *s2u_out = s2u;
    free(Ti);
    return CPR_OK;
}

static int re_core(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);

/* The Hausman and Breusch-Pagan tests are inference's (src/infer/diagnostics.c). */
int cpr_fit_re(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    if (d->entity && d->n_entities == d->n)
        return cpr_fail(CPR_E_NUMERIC, "random effects: every entity is observed in a single period (T = 1 for all "
                        "%zu entities), so the entity variance cannot be separated from the error; use --model pooled",
                        d->n_entities);
    int rc = re_core(d, s, out);
    if (rc == CPR_OK) (*out)->tests = CPR_FIT_TESTS_RE;
    return rc;
}

static int re_core(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out)
{
    size_t n = d->n, G = d->n_entities, k = d->k;
    size_t *Ti = cpr_malloc(G * sizeof *Ti);
    cpr_group_counts(d->entity, n, G, Ti);
    int bal = 1;
    double inv = 0;
    for (size_t c = 0; c < G; c++) { inv += 1.0 / Ti[c]; if (Ti[c] != Ti[0]) bal = 0; }
    double Th = (double)G / inv, s2e, s2u;
    double *th = cpr_malloc(G * sizeof *th), thmin = 1, thmax = 0;
    int rc = cpr_re_theta(d, s->re_method, th, &s2e, &s2u);
    if (rc != CPR_OK) { free(Ti); free(th); return rc; }
    for (size_t c = 0; c < G; c++) { thmin = fmin(thmin, th[c]); thmax = fmax(thmax, th[c]); }
    double *cols = cpr_malloc(n * (k + 1) * sizeof *cols), *m = cpr_malloc(G * (k + 1) * sizeof *m);
    memcpy(cols, d->y, n * sizeof *cols);
    memcpy(cols + n, d->X, n * k * sizeof *cols);
    cpr_group_means(d->entity, n, G, cols, k + 1, m);
    for (size_t j = 0; j <= k; j++)
        for (size_t i = 0; i < n; i++) cols[j * n + i] -= th[d->entity[i]] * m[(size_t)d->entity[i] * (k + 1) + j];
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_reg *g = &f->g;
    rc = cpr_reg_fit(g, cols + n, n, k, d->names, d->has_const ? 0 : -1, cols, s->ls_method);
    if (rc == CPR_OK) {
        cpr_result *r = f->r = cpr_reg_result(g, "re", s->re_method == CPR_RE_STATA
                                              ? "Random effects (GLS, Swamy-Arora as Stata xtreg,re)"
                                              : "Random effects (GLS, Swamy-Arora as plm swar)");
        r->n_groups = G; r->n_periods = d->n_times; r->conf_level = s->conf_level;
        double K = (double)g->k, df = (double)n - K;
        f->y = cpr_fit_own(f, cols); cols = NULL;
        f->resid = g->ls.resid; f->rss = g->ls.rss;
        f->df_resid = df; f->k_stata = K; f->k_plm = K; f->normal = s->re_method == CPR_RE_STATA;
        f->infer_at = cpr_result_mark_now(r);
        cpr_result_add_stat(r, "sigma_u", "sigma_u", sqrt(s2u), 0);
        cpr_result_add_stat(r, "sigma_e", "sigma_e", sqrt(s2e), 0);
        cpr_result_add_stat(r, "rho", "rho (fraction of variance due to u_i)", s2u / (s2u + s2e), 0);
        cpr_result_add_stat(r, bal ? "theta" : "theta_min", bal ? "theta" : "theta (min)", thmin, 0);
        if (!bal) cpr_result_add_stat(r, "theta_max", "theta (max)", thmax, 0);
        cpr_result_add_stat(r, "T_harmonic", "Harmonic mean of T_i", Th, 0);
        cpr_result_add_stat(r, "r2", "R-squared (GLS-transformed, as plm)",
                            1.0 - g->ls.rss / cpr_tss(f->y, n, 1), 0);
        cpr_result_add_stat(r, "rss", "Residual sum of squares (transformed)", g->ls.rss, 0);
        cpr_result_add_stat(r, "sigma", "Residual standard error (transformed)", sqrt(g->ls.rss / df), 0);
        cpr_result_add_stat(r, "df_resid", "Residual degrees of freedom", df, 1);
        cpr_stata_r2_wo(r, d, g);
        cpr_fit_set_level_residuals(f);
        *out = f;
    } else cpr_fit_free(f);
    free(Ti); free(th); free(cols); free(m);
    return rc;
}
