/* cpr-stats plot coef M1.json [M2.json ...]: coefficient plot of saved
 * regressions (`regress --format json > M1.json`), models side by side,
 * with the analytic interval and, where the run had one, the wild cluster
 * bootstrap interval. Reading saved results keeps the figure independent
 * of how each model was estimated (any formula, data or SE type). */
#include "cli.h"
#include "plot_cmds.h"
#include "cpr/plot.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MODELS 8
#define MAX_TERMS 32

static double num_or_nan(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

/* One saved model: its result plus the bootstrap bounds (NAN = none). */
typedef struct {
    cpr_result *r;
    double *blo, *bhi;
    int has_boot;
} saved_model;

static void saved_free(saved_model *m)
{
    cpr_result_free(m->r);
    free(m->blo);
    free(m->bhi);
}

static int read_model(const char *path, saved_model *m)
{
    memset(m, 0, sizeof *m);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        FILE *f = fopen(path, "rb");
        if (!f) return cpr_fail(CPR_E_OPEN, "%s: cannot open the model file", path);
        fclose(f);
        return cpr_fail(CPR_E_MANIFEST, "%s:%d:%d: not a JSON regression result (%s); make one with 'cpr-stats regress ... --format json > %s'",
                        path, err.line, err.column, err.text, path);
    }
    const json_t *co = json_object_get(root, "coefficients");
    int rc = CPR_OK;
    if (!json_is_array(co) || json_array_size(co) == 0)
        rc = cpr_fail(CPR_E_MANIFEST, "%s: no \"coefficients\" array: not the JSON output of 'cpr-stats regress --format json'", path);
    size_t k = rc ? 0 : json_array_size(co);
    if (!rc) {
        m->r = cpr_result_alloc(k);
        m->blo = cpr_malloc(k * sizeof *m->blo);
        m->bhi = cpr_malloc(k * sizeof *m->bhi);
    }
    for (size_t j = 0; j < k && !rc; j++) {
        const json_t *c = json_array_get(co, j);
        const char *term = json_string_value(json_object_get(c, "term"));
        double est = num_or_nan(c, "estimate"), lo = num_or_nan(c, "conf_low"), hi = num_or_nan(c, "conf_high");
        if (!term || !isfinite(est) || !isfinite(lo) || !isfinite(hi)) {
            rc = cpr_fail(CPR_E_MANIFEST, "%s: coefficient %zu lacks a term name, estimate or finite confidence interval", path, j + 1);
            break;
        }
        cpr_result_set_term(m->r, j, term);
        m->r->estimate[j] = est;
        m->r->conf_low[j] = lo;
        m->r->conf_high[j] = hi;
        m->blo[j] = num_or_nan(c, "boot_conf_low");
        m->bhi[j] = num_or_nan(c, "boot_conf_high");
        if (isfinite(m->blo[j]) && isfinite(m->bhi[j])) m->has_boot = 1;
    }
    if (!rc) {
        const char *model = json_string_value(json_object_get(root, "formula"));
        m->r->model = cpr_strdup(model ? model : path);
        m->r->conf_level = num_or_nan(root, "conf_level");
    }
    json_decref(root);
    return rc;
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
    saved_model m[MAX_MODELS];
    cpr_plot_model pm[MAX_MODELS];
    size_t nread = 0;
    double level = NAN;
    for (size_t i = 0; i < nm && !rc; i++, nread++) {
        rc = read_model(a->pos[1 + i], &m[i]);
        if (rc) { saved_free(&m[i]); break; }
        if (i == 0) level = m[i].r->conf_level;
        pm[i] = (cpr_plot_model){m[i].r, nl ? labels[i] : m[i].r->model,
                                 m[i].has_boot ? m[i].blo : NULL, m[i].has_boot ? m[i].bhi : NULL,
                                 "wild cluster bootstrap"};
    }
    for (size_t t = 0; t < nt && !rc; t++) {
        size_t found = 0;
        for (size_t i = 0; i < nm; i++) found += cpr_result_term(m[i].r, terms[t]) >= 0;
        if (!found) rc = cpr_fail(CPR_E_NOVAR, "plot coef: no model has a term '%s'", terms[t]);
    }
    if (!rc) {
        char xl[96];
        snprintf(xl, sizeof xl, "Estimate (%.0f%% confidence interval)", isfinite(level) ? 100 * level : 95.0);
        cpr_plot_coef_opts co = {nt ? terms : NULL, nt, cli_has(a, "keep-intercept"), {xl, NULL, 0}};
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
    for (size_t i = 0; i < nread; i++) saved_free(&m[i]);
    free(lbuf);
    free(tbuf);
    return rc;
}
