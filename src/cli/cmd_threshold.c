/* cpr-stats threshold: Hansen (1999) fixed-effects panel threshold
 * regression. The threshold variable joins the design (so listwise deletion
 * covers it); the --regime terms get one slope per regime, the other terms
 * one slope; the fixed effects come from the formula's '|' part. */
#include "cli.h"
#include "regress_extra.h"
#include "cpr/catalogue.h"
#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/formula_edit.h"
#include "cpr/infer.h"
#include "cpr/plot.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/threshold.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which countries and years fall in each regime (issue 13: a regime may rest
 * on a handful of countries): one note per regime listing them, and the
 * counts as stats (regimeK_nobs, regimeK_countries). */
static void regime_samples(cpr_result *r, const cpr_design *d, const double *q, const char *qn,
                           const cpr_threshold_info *in)
{
    double g[2] = {in->gamma1, in->gamma2};
    int ng = isnan(in->gamma2) ? 1 : 2;
    if (ng == 2 && g[1] < g[0]) { double t = g[0]; g[0] = g[1]; g[1] = t; }
    unsigned char *m = cpr_malloc(d->n ? d->n : 1);
    for (int k = 0; k <= ng; k++) {
        double lo = k == 0 ? -INFINITY : g[k - 1], hi = k == ng ? INFINITY : g[k];
        size_t n = 0, ne = 0;
        int last = -1;
        for (size_t i = 0; i < d->n; i++) {
            m[i] = q[i] > lo && q[i] <= hi;
            n += m[i];
            if (m[i] && d->entity[i] != last) { ne++; last = d->entity[i]; }
        }
        char lab[96];
        if (k == 0) snprintf(lab, sizeof lab, "%s <= %.4g", qn, g[0]);
        else if (k == ng) snprintf(lab, sizeof lab, "%s > %.4g", qn, g[ng - 1]);
        else snprintf(lab, sizeof lab, "%.4g < %s <= %.4g", g[0], qn, g[1]);
        char *list = cpr_design_sample_text_mask(d, m);
        cpr_result_add_note(r, "regime %d (%s): %zu observations, %zu countries: %s", k + 1, lab, n, ne, list ? list : "");
        free(list);
        char name[32], label[64];
        snprintf(name, sizeof name, "regime%d_nobs", k + 1);
        snprintf(label, sizeof label, "Observations in regime %d", k + 1);
        cpr_result_add_stat(r, name, label, (double)n, 1);
        snprintf(name, sizeof name, "regime%d_countries", k + 1);
        snprintf(label, sizeof label, "Countries in regime %d", k + 1);
        cpr_result_add_stat(r, name, label, (double)ne, 1);
    }
    free(m);
}

/* Canonical printed name of the one term given on the command line. */
static int term_name(const char *text, char **out)
{
    char **names = NULL;
    size_t n = 0;
    int rc = cpr_formula_term_names(text, &names, &n);
    if (!rc && n != 1) rc = cpr_fail(CPR_E_FORMULA, "'%s' must be a single term", text);
    if (!rc) *out = names[0];
    for (size_t i = rc ? 0 : 1; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

static long find_term(const cpr_design *d, const char *name)
{
    for (size_t j = 0; j < d->k; j++) if (strcmp(d->names[j], name) == 0) return (long)j;
    return -1;
}

typedef struct {
    long trim_given;
    double trim, level;
    long nthr, grid, boot, seed;
    int fmt;
} thr_opts;

static int read_opts(const cli_args *a, thr_opts *o)
{
    o->fmt = cpr_format_parse(cli_get(a, "format") ? cli_get(a, "format") : "text");
    if (o->fmt < 0) return cli_usage_error(a->cmd, "--format must be text|md|csv|json|latex, not '%s'", cli_get(a, "format"));
    if (cli_get_long(a, "thresholds", 1, 1, 2, &o->nthr) || cli_get_long(a, "grid", 0, 0, 100000, &o->grid)
        || cli_get_long(a, "bootstrap", 0, 0, 100000, &o->boot) || cli_get_long(a, "seed", 1, 0, 4294967295L, &o->seed)
        || cli_get_double(a, "trim", 0.05, &o->trim) || cli_get_double(a, "level", 0.95, &o->level))
        return CPR_E_USAGE;
    if (!(o->trim > 0 && o->trim < 0.5))
        return cli_usage_error(a->cmd, "--trim must lie between 0 and 0.5 (a share trimmed from each end), not '%s'", cli_get(a, "trim"));
    if (!(o->level > 0.5 && o->level < 1)) return cli_usage_error(a->cmd, "--level must lie between 0.5 and 1");
    if (o->grid == 1) return cli_usage_error(a->cmd, "--grid needs at least 2 points (0 = every distinct value)");
    if (!cli_get(a, "formula")) return cli_usage_error(a->cmd, "missing -f FORMULA, e.g. -f 'poverty ~ aid_gdp + log(gdp_pc) | iso3 + year'");
    if (!cli_get(a, "regime")) return cli_usage_error(a->cmd, "missing --regime VAR (the regressor whose slope may change)");
    if (!cli_get(a, "threshold")) return cli_usage_error(a->cmd, "missing --threshold VAR (the variable that splits the sample)");
    return 0;
}

static int lr_plot(const cli_args *a, const cpr_threshold_info *in, const char *qname, const cpr_frame *f)
{
    cpr_catalogue *cat = cli_has(a, "data") ? NULL : cli_catalogue_labels();
    const cpr_var_info *v = cat ? cpr_catalogue_find(cat, qname) : NULL;
    double est = NAN;
    for (size_t i = 0; i < in->ngrid && isnan(est); i++) if (in->lr[i] == 0) est = in->gamma[i];   /* first minimum = the estimate */
    cpr_plot_lr_opts lo = { .x = { .label = v && *v->label ? v->label : qname, .unit = v && *v->unit ? v->unit : NULL },
                            .critical = in->crit, .estimate = est };
    char *src = v && *v->source ? cpr_asprintf("Source: %s", v->source) : cpr_asprintf("Data: %s", f->source);
    cpr_plot_opts po = { .title = "Likelihood ratio for the threshold (Hansen 1999)", .source = src };
    int rc = cpr_plot_lr_curve(cli_get(a, "lr-plot"), in->gamma, in->lr, in->ngrid, &lo, &po);
    free(src);
    cpr_catalogue_free(cat);
    return rc;
}

static int run_threshold(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    thr_opts o;
    cpr_frame *f = NULL;
    cpr_formula *fm = NULL;
    cpr_design *d = NULL;
    cpr_result *r = NULL;
    cpr_threshold_info info = {0};
    char *qname = NULL, **rnames = NULL;
    size_t nreg = 0;
    int q_in_formula = 0;   /* the formula as given lists q itself */
    rc = read_opts(&a, &o);
    if (!rc) rc = term_name(cli_get(&a, "threshold"), &qname);
    if (!rc) rc = cpr_formula_parse(cli_get(&a, "formula"), &fm);
    if (!rc) {
        /* q joins the design, so listwise deletion covers it */
        size_t n0 = fm->nterms;
        rc = cpr_formula_add_terms(fm, cli_get(&a, "threshold"));
        q_in_formula = fm->nterms == n0;
    }
    if (!rc && !fm->fe_entity && fm->n_fe == 0)
        rc = cli_usage_error(cmd, "threshold needs entity fixed effects in the formula: '... | entity' or '... | entity + time'");
    if (!rc) rc = cli_load_data(&a, 1, &f);
    if (!rc) rc = cli_apply_sample(&a, f);
    if (!rc) rc = cpr_formula_bind(fm, f);
    if (!rc && !fm->fe_entity) rc = cli_usage_error(cmd, "threshold needs entity fixed effects ('| %s')", f->entity_name);
    if (!rc) { cpr_design_opts dop = { .absorb_fe = 1 }; rc = cpr_design_build(f, fm, &dop, &d, NULL); }
    /* regime terms, by canonical name */
    const char *reg = cli_get(&a, "regime");
    if (!rc) rc = cpr_formula_term_names(reg, &rnames, &nreg);
    for (size_t j = 0; j < nreg && !rc; j++)
        if (find_term(d, rnames[j]) < 0) rc = cpr_fail(CPR_E_NOVAR, "--regime %s is not a term of the formula", rnames[j]);
    if (!rc) {
        size_t n = d->n, kc = 0;
        long qj = find_term(d, qname);
        double *xr = cpr_malloc(n * nreg * sizeof *xr), *xc = cpr_malloc((n * d->k + 1) * sizeof *xc);
        char **cn = cpr_calloc(d->k, sizeof *cn);
        for (size_t j = 0; j < nreg; j++) memcpy(xr + j * n, d->X + (size_t)find_term(d, rnames[j]) * n, n * sizeof *xr);
        /* controls: every other term; q itself only when the user's formula has it */
        for (size_t j = 0; j < d->k; j++) {
            int is_reg = 0;
            for (size_t m = 0; m < nreg; m++) is_reg |= strcmp(d->names[j], rnames[m]) == 0;
            if (is_reg || ((long)j == qj && !q_in_formula)) continue;
            memcpy(xc + kc * n, d->X + j * n, n * sizeof *xc);
            cn[kc++] = d->names[j];
        }
        cpr_threshold_spec s = { .n = n, .y = d->y, .q = d->X + (size_t)qj * n, .kr = nreg, .xr = xr, .xr_names = rnames,
                                 .kc = kc, .xc = xc, .xc_names = cn, .q_name = qname, .entity = d->entity, .time = d->time,
                                 .n_entities = d->n_entities, .n_times = d->n_times, .entity_name = f->entity_name,
                                 .effects = fm->fe_time ? CPR_EFFECTS_TWOWAY : CPR_EFFECTS_ENTITY,
                                 .nthresh = (int)o.nthr, .trim = o.trim, .grid = (size_t)o.grid,
                                 .bootstrap = (size_t)o.boot, .seed = (unsigned long)o.seed, .level = o.level };
        rc = cpr_threshold_fit(&s, &r, &info);
        free(xr); free(xc); free(cn);
    }
    if (!rc) {
        r->formula = cpr_strdup(cli_get(&a, "formula"));
        r->n_dropped = d->n_dropped;
        r->sample = cpr_design_sample_text(d);
        regime_samples(r, d, d->X + (size_t)find_term(d, qname) * d->n, qname, &info);
        cpr_result_add_note(r, "threshold variable: %s; regime-dependent: %s; %s effects; trim %g; LR interval level %g",
                            qname, reg, fm->fe_time ? "entity and time" : "entity", o.trim, o.level);
        if (d->n != d->n_entities * d->n_times)
            cpr_result_add_note(r, "unbalanced: within transformation over available periods; Hansen's asymptotics assume balance");
        if (d->n_dropped) cpr_result_add_note(r, "%zu observations dropped for missing values (listwise deletion)", d->n_dropped);
        if (cli_get(&a, "lr-plot")) rc = lr_plot(&a, &info, qname, f);
        if (!rc) rc = cpr_report_result(stdout, r, (cpr_format)o.fmt);
        if (!rc) rc = cli_regress_resid_plot(&a, d, r);   /* the fit's residuals on d's rows */
    }
    cpr_threshold_info_clear(&info);
    for (size_t j = 0; j < nreg; j++) free(rnames[j]);
    free(rnames); free(qname);
    cpr_result_free(r);
    cpr_design_free(d);
    cpr_formula_free(fm);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt threshold_opts_table[] = {
    {"formula", 'f', "FORMULA", NULL, "e.g. 'poverty ~ aid_gdp + log(gdp_pc) | iso3 + year' (entity effects required)"},
    {"regime", 0, "VAR[,VAR]", NULL, "term(s) whose slope differs between regimes"},
    {"threshold", 0, "VAR", NULL, "threshold variable q: regimes q <= g and q > g"},
    {"thresholds", 0, "N", "1", "number of thresholds: 1 or 2 (sequential, refined)"},
    {"trim", 0, "P", "0.05", "share of q trimmed from each end of the grid"},
    {"grid", 0, "N", "0 = every distinct value", "candidate thresholds at evenly spaced ranks"},
    {"bootstrap", 0, "B", "0", "bootstrap replications for the p-values of F1 (and F2)"},
    {"seed", 0, "S", "1", "random seed of the bootstrap"},
    {"level", 0, "P", "0.95", "level of the LR confidence interval for each threshold"},
    {"lr-plot", 0, "FILE", NULL, "draw the LR curve (png, svg or pdf)"},
    {"resid-plot", 0, "FILE", "none", "also draw residuals against fitted values at the estimated threshold(s) to FILE "
                                      "(.png, .svg, .pdf): within residuals, fitted = y - residual (effects included)"},
    {"resid-script", 0, "FILE.gp", "none", "save that figure's gnuplot script, fitted values and residuals inline"},
    {"format", 0, "FMT", "text", "output format: text|md|csv|json|latex"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_threshold = {
    "threshold", "Hansen (1999) panel threshold regression", "[OPTIONS] -f FORMULA --regime VAR --threshold VAR",
    "Does the effect of X change once another variable passes a level? Estimates the level (the\n"
    "threshold) where the slope of the --regime term changes, with entity (and time) fixed effects,\n"
    "its likelihood-ratio confidence interval, and the F test of no threshold (p-value with\n"
    "--bootstrap). Slopes get SEs clustered by entity, treating the threshold as known.",
    threshold_opts_table, run_threshold};
