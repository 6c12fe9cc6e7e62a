/* cpr-stats gmm: Arellano-Bond difference GMM. The formula's outcome is
 * the GMM-instrumented variable; terms that are lags of the outcome are
 * instrumented by its levels at --gmm-lags, every other term is taken as
 * strictly exogenous and instruments itself in differences (plm's pgmm
 * default). Data go onto a balanced entity x year grid so that lags,
 * differences and instrument blocks line up by calendar period. Then, as
 * regress: estimator (cpr_gmm_estimate, a fitted model) -> inference
 * (cpr_infer_run: variances and tests) -> report, and --resid-plot draws
 * the fit's differenced residuals. */
#include "cli.h"
#include "regress_extra.h"
#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/gmm.h"
#include "cpr/infer.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest lag a term reaches back (a difference reaches one period). */
static int expr_maxlag(const cpr_expr *e)
{
    if (!e) return 0;
    int a = expr_maxlag(e->a), b = expr_maxlag(e->b), m = a > b ? a : b;
    if (e->kind == CPR_EX_LAG) return e->k > 0 ? m + e->k : m;
    if (e->kind == CPR_EX_DIFF) return m + 1;
    return m;
}

/* A lag of the outcome (L.y, L2.y): instrumented GMM-style, not exogenous. */
static int is_lag_of(const cpr_expr *e, const char *lhs)
{
    if (e->kind != CPR_EX_LAG || e->k <= 0) return 0;
    char *s = cpr_expr_to_string(e->a);
    int same = strcmp(s, lhs) == 0;
    free(s);
    return same || is_lag_of(e->a, lhs);
}

static int parse_lags(const cli_args *a, int *lo, int *hi)
{
    const char *s = cli_get(a, "gmm-lags");
    *lo = 2; *hi = 99;
    if (!s) return 0;
    char *end;
    long x = strtol(s, &end, 10), y = x;
    if (*end == ':') y = strtol(end + 1, &end, 10);
    if (*end || end == s || x < 1 || y < x || y > 1000)
        return cli_usage_error(a->cmd, "--gmm-lags must be MIN:MAX with 1 <= MIN <= MAX, e.g. 2:99, not '%s'", s);
    *lo = (int)x; *hi = (int)y;
    return 0;
}

typedef struct {
    size_t G, T;
    int tmin;
    double *y, *X, *z;
    int *exog, *tv;
    char **names;
    size_t k;
} grid;

static void grid_free(grid *g)
{
    for (size_t j = 0; j < g->k; j++) free(g->names[j]);
    free(g->names); free(g->y); free(g->X); free(g->exog); free(g->tv);
}

/* Evaluate e over the frame and scatter it onto the grid. */
static int fill(const cpr_frame *f, const grid *g, const cpr_expr *e, double *dst)
{
    double *v = cpr_malloc((f->nrow ? f->nrow : 1) * sizeof *v);
    int rc = cpr_term_eval(f, e, v);
    for (size_t i = 0; i < g->G * g->T; i++) dst[i] = NAN;
    if (!rc)
        for (size_t r = 0; r < f->nrow; r++)
            dst[(size_t)f->entity[r] * g->T + (size_t)(f->time[r] - g->tmin)] = v[r];
    free(v);
    return rc;
}

static int build_grid(const cpr_frame *f, const cpr_formula *fm, grid *g)
{
    memset(g, 0, sizeof *g);
    int *times = NULL;
    size_t nt = 0;
    int rc = cpr_frame_periods(f, &times, &nt);
    if (rc) return rc;
    if (nt == 0) { free(times); return cpr_fail(CPR_E_NODATA, "gmm: no observations"); }
    g->tmin = times[0];
    g->T = (size_t)(times[nt - 1] - times[0] + 1);
    free(times);
    g->G = f->n_entities;
    g->k = fm->nterms;
    g->tv = cpr_malloc(g->T * sizeof *g->tv);
    for (size_t t = 0; t < g->T; t++) g->tv[t] = g->tmin + (int)t;
    size_t cells = g->G * g->T;
    g->y = cpr_malloc(cells * sizeof *g->y);
    g->X = cpr_malloc((cells * g->k + 1) * sizeof *g->X);
    g->exog = cpr_calloc(g->k ? g->k : 1, sizeof *g->exog);
    g->names = cpr_calloc(g->k ? g->k : 1, sizeof *g->names);
    char *lhs = cpr_expr_to_string(fm->lhs);
    rc = fill(f, g, fm->lhs, g->y);
    for (size_t j = 0; !rc && j < g->k; j++) {
        g->names[j] = cpr_expr_to_string(fm->terms[j]);
        g->exog[j] = !is_lag_of(fm->terms[j], lhs);
        rc = fill(f, g, fm->terms[j], g->X + j * cells);
    }
    free(lhs);
    g->z = g->y;
    return rc;
}

static int run_gmm(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    cpr_frame *f = NULL;
    cpr_formula *fm = NULL;
    cpr_result *r = NULL;
    cpr_fit *fit = NULL;
    grid g = {0};
    int lo = 2, hi = 99, fmt = cpr_format_parse(cli_get(&a, "format") ? cli_get(&a, "format") : "text");
    double level = 0.95;
    if (fmt < 0) rc = cli_usage_error(cmd, "--format must be text|md|csv|json|latex, not '%s'", cli_get(&a, "format"));
    if (!rc) rc = parse_lags(&a, &lo, &hi);
    if (!rc && cli_get_double(&a, "level", 0.95, &level)) rc = CPR_E_USAGE;
    if (!rc && !(level > 0.5 && level < 1)) rc = cli_usage_error(cmd, "--level must lie between 0.5 and 1");
    if (!rc && !cli_get(&a, "formula")) rc = cli_usage_error(cmd, "missing -f FORMULA, e.g. -f 'y ~ L.y + x'");
    if (!rc) rc = cpr_formula_parse(cli_get(&a, "formula"), &fm);
    if (!rc && (fm->n_fe || fm->fe_entity || fm->fe_time || fm->n_endog))
        rc = cli_usage_error(cmd, "gmm formulas have no '|' part: differencing removes the entity effects "
                                  "(use --time-effects for year effects)");
    if (!rc && fm->nterms == 0) rc = cli_usage_error(cmd, "the formula has no regressors");
    if (!rc) rc = cli_load_data(&a, 1, &f);
    if (!rc) rc = cli_apply_sample(&a, f);
    if (!rc) rc = cpr_formula_bind(fm, f);
    if (!rc) rc = build_grid(f, fm, &g);
    if (!rc) {
        int maxlag = 0;
        for (size_t j = 0; j < fm->nterms; j++) {
            int l = expr_maxlag(fm->terms[j]);
            if (l > maxlag) maxlag = l;
        }
        cpr_gmm_spec s = { .G = g.G, .T = g.T, .y = g.y, .k = g.k, .X = g.X, .names = g.names, .exog = g.exog,
                           .z = g.z, .lag_min = lo, .lag_max = hi, .collapse = cli_has(&a, "collapse"),
                           .first = maxlag + 1 > lo ? maxlag + 1 : lo, .time_effects = cli_has(&a, "time-effects"),
                           .time_values = g.tv, .time_name = f->time_name, .twostep = cli_has(&a, "twostep"),
                           .conf_level = level };
        rc = cpr_gmm_estimate(&s, &fit);
        if (!rc) rc = cpr_infer_run(fit);
        if (!rc) r = cpr_fit_take_result(fit);
        cpr_fit_free(fit);
    }
    if (!rc) {
        r->formula = cpr_formula_to_string(fm);
        size_t nex = 0;
        for (size_t j = 0; j < g.k; j++) nex += g.exog[j];
        cpr_result_add_note(r, "%zu of %zu terms are lags of the outcome (GMM-instrumented); "
                               "the other %zu are treated as strictly exogenous", g.k - nex, g.k, nex);
        cpr_result_add_note(r, "periods: calendar %s %d-%d (lags and differences by calendar period)", f->time_name, g.tmin,
                            g.tmin + (int)g.T - 1);
        rc = cpr_report_result(stdout, r, (cpr_format)fmt);
        /* residuals and fitted values on the grid, in first differences */
        if (!rc) rc = cli_resid_plot(&a, r, NULL, g.G * g.T, "first differences");
    }
    cpr_result_free(r);
    grid_free(&g);
    cpr_formula_free(fm);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt gmm_opts_table[] = {
    {"formula", 'f', "FORMULA", NULL, "e.g. 'log(emp) ~ L.log(emp) + L2.log(emp) + log(wage)'; lags of the outcome are GMM-instrumented"},
    {"gmm-lags", 0, "MIN:MAX", "2:99", "lags of the outcome's level used as instruments"},
    {"collapse", 0, NULL, NULL, "one instrument column per lag instead of one per lag and period"},
    {"twostep", 0, NULL, NULL, "two-step estimator with Windmeijer-corrected SEs (default: one-step, robust SEs)"},
    {"time-effects", 0, NULL, NULL, "add time dummies (in differences) as regressors and instruments"},
    {"level", 0, "P", "0.95", "confidence level of the intervals"},
    {"format", 0, "FMT", "text", "output format: text|md|csv|json|latex"},
    {"resid-plot", 0, "FILE", "none", "also draw residuals against fitted values to FILE (.png, .svg, .pdf): the "
                                      "differenced equation's (fitted = dX'b), one point per entity and equation period"},
    {"resid-script", 0, "FILE.gp", "none", "save that figure's gnuplot script, fitted values and residuals inline"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_gmm = {
    "gmm", "Arellano-Bond difference GMM for dynamic panels", "[OPTIONS] -f FORMULA",
    "For a model where the outcome depends on its own past (e.g. poverty this year on poverty last\n"
    "year) with entity effects, where fixed effects are biased when the panel is short. The equation\n"
    "is first-differenced; lags of the outcome are instrumented by its earlier levels. Reports the\n"
    "Arellano-Bond AR(1)/AR(2) tests (AR(2) should not reject) and Hansen/Sargan overidentification\n"
    "tests. Matches R plm's pgmm(..., transformation = \"d\").",
    gmm_opts_table, run_gmm};
