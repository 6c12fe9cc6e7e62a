/* cpr-stats plot coef M1.json [M2.json ...]: coefficient plot of saved
 * regressions (`regress --format json > M1.json`), models side by side,
 * with the analytic interval and, where the run had one, the wild cluster
 * bootstrap interval. Reading saved results keeps the figure independent
 * of how each model was estimated (any formula, data or SE type). */
#include "cli.h"
#include "plot_cmds.h"
#include "cpr/catalogue.h"
#include "cpr/modeltable.h"
#include "cpr/plot.h"
#include "cpr/result_json.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MODELS 8
#define MAX_TERMS 32

/* One saved model: its coefficients and intervals, bootstrap bounds where
 * the run had them (NAN otherwise). */
static int read_model(const char *path, cpr_result **out)
{
    *out = NULL;
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        FILE *f = fopen(path, "rb");
        if (!f) return cpr_fail(CPR_E_OPEN, "%s: cannot open the model file", path);
        fclose(f);
        return cpr_fail(CPR_E_MANIFEST, "%s:%d:%d: not a JSON regression result (%s); make one with 'cpr-stats regress ... --format json > %s'",
                        path, err.line, err.column, err.text, path);
    }
    size_t bad = 0;
    cpr_result *r = cpr_result_from_json_coefs(json_object_get(root, "coefficients"), &bad);
    int rc = CPR_OK;
    if (!r)
        rc = cpr_fail(CPR_E_MANIFEST, "%s: no \"coefficients\" array: not the JSON output of 'cpr-stats regress --format json'", path);
    else if (bad)
        rc = cpr_fail(CPR_E_MANIFEST, "%s: coefficient %zu lacks a term name, estimate or finite confidence interval", path, bad);
    if (!rc) {
        const char *model = json_string_value(json_object_get(root, "formula"));
        r->model = cpr_strdup(model ? model : path);
        const json_t *lv = json_object_get(root, "conf_level");
        r->conf_level = json_is_number(lv) ? json_number_value(lv) : NAN;
        *out = r;
    } else {
        cpr_result_free(r);
    }
    json_decref(root);
    return rc;
}

static int has_boot(const cpr_result *r)
{
    for (size_t j = 0; j < r->k; j++)
        if (isfinite(r->boot_low[j]) && isfinite(r->boot_high[j])) return 1;
    return 0;
}

/* Split a comma list into at most max pieces (pointers into *buf). */
static size_t split_list(const char *list, char **buf, const char **out, size_t max)
{
    size_t n = 0;
    *buf = cpr_strdup(list ? list : "");
    for (char *t = strtok(*buf, ","); t && n < max; t = strtok(NULL, ",")) out[n++] = t;
    return n;
}

int cli_plot_coef(const cli_args *a)
{
    size_t nm = a->npos - 1;
    if (nm == 0) return cli_usage_error(a->cmd, "plot coef needs one or more model files: regress ... --format json > M.json");
    if (nm > MAX_MODELS) return cli_usage_error(a->cmd, "plot coef draws at most %d models side by side, not %zu", MAX_MODELS, nm);
    const char *out = cli_get(a, "output") ? cli_get(a, "output") : "coef.png";
    cpr_plot_format fmt;
    int rc = cpr_plot_format_from_path(out, &fmt);
    if (rc) return rc;
    char *lbuf = NULL, *tbuf = NULL;
    const char *labels[MAX_MODELS], *terms[MAX_TERMS];
    size_t nl = split_list(cli_get(a, "labels"), &lbuf, labels, MAX_MODELS);
    size_t nt = split_list(cli_get(a, "terms"), &tbuf, terms, MAX_TERMS);
    if (cli_has(a, "labels") && nl != nm)
        rc = cli_usage_error(a->cmd, "--labels gives %zu names for %zu model files", nl, nm);
    cpr_result *m[MAX_MODELS];
    cpr_plot_model pm[MAX_MODELS];
    size_t nread = 0;
    double level = NAN;
    for (size_t i = 0; i < nm && !rc; i++, nread++) {
        rc = read_model(a->pos[1 + i], &m[i]);
        if (rc) break;
        if (i == 0) level = m[i]->conf_level;
        int boot = has_boot(m[i]);
        pm[i] = (cpr_plot_model){m[i], nl ? labels[i] : m[i]->model,
                                 boot ? m[i]->boot_low : NULL, boot ? m[i]->boot_high : NULL,
                                 "wild cluster bootstrap"};
    }
    for (size_t t = 0; t < nt && !rc; t++) {
        size_t found = 0;
        for (size_t i = 0; i < nm; i++) found += cpr_result_term(m[i], terms[t]) >= 0;
        if (!found) rc = cpr_fail(CPR_E_NOVAR, "plot coef: no model has a term '%s'", terms[t]);
    }
    /* row labels from the catalogue ("L2.log_aid" -> "<label> (t-2)"): the
     * terms shown, listed or all but the intercept, each with its label */
    const char *all[MAX_TERMS];
    char *shown[MAX_TERMS] = {0};
    if (!rc && nt == 0) {
        static const char *const icpt[] = {"(Intercept)", "const", "_cons", "Intercept"};
        for (size_t i = 0; i < nm; i++)
            for (size_t j = 0; j < m[i]->k && nt < MAX_TERMS; j++) {
                const char *t = m[i]->terms[j];
                int skip = 0;
                for (size_t q = 0; q < 4 && !cli_has(a, "keep-intercept"); q++) skip |= strcmp(t, icpt[q]) == 0;
                for (size_t q = 0; q < nt && !skip; q++) skip = strcmp(terms[q], t) == 0;
                if (!skip) terms[nt++] = t;
            }
    }
    if (!rc) {
        cpr_catalogue *cat = cli_catalogue_optional();
        for (size_t t = 0; t < nt; t++) {
            char *l = cpr_mtable_term_label(cat, terms[t]);
            shown[t] = cpr_plot_short_label(l, 48);
            free(l);
            all[t] = shown[t];
        }
        cpr_catalogue_free(cat);
    }
    if (!rc) {
        char xl[96];
        snprintf(xl, sizeof xl, "Estimate (%.0f%% confidence interval)", isfinite(level) ? 100 * level : 95.0);
        cpr_plot_coef_opts co = {nt ? terms : NULL, nt, cli_has(a, "keep-intercept"), {xl, NULL, 0}, nt ? all : NULL};
        cpr_plot_opts po = {0};
        po.title = cli_get(a, "title");
        po.script_path = cli_get(a, "script");
        po.script_only = cli_has(a, "script-only");
        po.source = "Estimates: cpr-stats regress (saved JSON)";
        if (po.script_only && !po.script_path) rc = cli_usage_error(a->cmd, "--script-only needs --script FILE.gp");
        else rc = cpr_plot_coef(out, pm, nm, &co, &po);
        if (!rc && !po.script_only) fprintf(stderr, "plot: wrote %s\n", out);
        if (!rc && po.script_path) fprintf(stderr, "plot: wrote %s\n", po.script_path);
    }
    for (size_t t = 0; t < MAX_TERMS; t++) free(shown[t]);
    for (size_t i = 0; i < nread; i++) cpr_result_free(m[i]);
    free(lbuf);
    free(tbuf);
    return rc;
}
