/* Leave-one-country-out refits for the report (issue 20): a saved
 * regression is run again once without each entity of its sample
 * (`--countries` the others), with no bootstrap, so each refit carries the
 * estimate and the CI of the command's own --se (CV3 in the manifest). The
 * refits are real child runs, not the jackknife shortcut, so the CI of each
 * is that of a regression on G-1 clusters. */
#include "claims_internal.h"

#include "cpr/plot.h"
#include "cpr/result.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cpr_loo_rows_free(cpr_loo_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) free(rows[i].label);
    free(rows);
}

/* The entities of a "sample" text: "ARG 2000-2014 (15); BOL 2001 (1)". */
static char **sample_entities(const char *s, size_t *n)
{
    char **out = NULL;
    *n = 0;
    while (s && *s) {
        size_t len = strcspn(s, " ;");
        out = cpr_realloc(out, (*n + 1) * sizeof *out);
        out[(*n)++] = cpr_strndup(s, len);
        const char *next = strstr(s, "; ");
        s = next ? next + 2 : NULL;
    }
    return out;
}

static double coef_field(const json_t *j, const char *term, const char *field)
{
    size_t k;
    const json_t *c;
    json_array_foreach(json_object_get(j, "coefficients"), k, c) {
        const char *t = json_string_value(json_object_get(c, "term"));
        if (t && strcmp(t, term) == 0) {
            const json_t *v = json_object_get(c, field);
            return json_is_number(v) ? json_number_value(v) : NAN;
        }
    }
    return NAN;
}

static double num_field(const json_t *j, const char *field)
{
    const json_t *v = json_object_get(j, field);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static void fill_row(cpr_loo_row *r, const json_t *j, const char *term, char *label)
{
    r->label = label;
    r->est = coef_field(j, term, "estimate");
    r->lo = coef_field(j, term, "conf_low");
    r->hi = coef_field(j, term, "conf_high");
    r->nobs = num_field(j, "nobs");
    r->nclusters = num_field(j, "n_clusters");
}

int cpr_loo_refit(const char *exe, const char *datadir, char *const *words, size_t nw, const json_t *full,
                  const char *term, cpr_loo_row **rows_out, size_t *n_out)
{
    size_t ne = 0;
    char **ent = sample_entities(json_string_value(json_object_get(full, "sample")), &ne);
    *rows_out = NULL;
    *n_out = 0;
    if (ne < 2 || isnan(coef_field(full, term, "estimate"))) {
        cpr_words_free(ent, ne);
        return cpr_fail(CPR_E_MANIFEST, "figure loo: the saved result has no sample of 2 or more entities, or no term '%s'", term);
    }
    cpr_loo_row *rows = cpr_calloc(ne + 1, sizeof *rows);
    fill_row(&rows[0], full, term, cpr_asprintf("all %zu countries", ne));
    int rc = 0;
    size_t nr = 1;
    static const char *const tail[] = {"--bootstrap", "0", "--format", "json", "-q"};
    size_t nt = sizeof tail / sizeof *tail;
    for (size_t g = 0; g < ne && !rc; g++) {
        char **argv = cpr_calloc(nw + nt + 4, sizeof *argv);
        size_t a = 0;
        argv[a++] = cpr_strdup(exe);
        for (size_t i = 0; i < nw; i++) argv[a++] = cpr_claims_expand(words[i], datadir);
        argv[a++] = cpr_strdup("--countries");
        char *keep = cpr_strdup("");
        for (size_t e = 0; e < ne; e++) {
            if (e == g) continue;
            char *t = cpr_asprintf("%s%s%s", keep, *keep ? "," : "", ent[e]);
            free(keep);
            keep = t;
        }
        argv[a++] = keep;
        for (size_t i = 0; i < nt; i++) argv[a++] = cpr_strdup(tail[i]);
        char *out = NULL, *err = NULL;
        int status = 0;
        rc = cpr_spawn_capture(argv, &out, NULL, &err, &status);
        json_t *j = NULL;
        if (!rc && status) rc = cpr_fail(status, "figure loo: the refit without %s failed: %.200s", ent[g], err ? err : "");
        if (!rc) {
            json_error_t je;
            j = json_loads(out, 0, &je);
            if (!j) rc = cpr_fail(CPR_E_INTERNAL, "figure loo: the refit without %s did not print JSON: %s", ent[g], je.text);
        }
        if (!rc) fill_row(&rows[nr++], j, term, cpr_asprintf("without %s", ent[g]));
        json_decref(j);
        free(out);
        free(err);
        cpr_words_free(argv, a);
    }
    cpr_words_free(ent, ne);
    if (rc) { cpr_loo_rows_free(rows, nr); return rc; }
    *rows_out = rows;
    *n_out = nr;
    return 0;
}

int cpr_loo_plot(const char *path, const cpr_loo_row *rows, size_t n, const char *term, const char *se_label)
{
    cpr_result *r = cpr_result_alloc(n);
    for (size_t i = 0; i < n; i++) {
        cpr_result_set_term(r, i, rows[i].label);
        r->estimate[i] = rows[i].est;
        r->conf_low[i] = rows[i].lo;
        r->conf_high[i] = rows[i].hi;
    }
    char *xl = cpr_asprintf("Coefficient of %s, 95%% CI (%s)", term, se_label);
    char *title = cpr_asprintf("C01: the %s coefficient with each country left out", term);
    cpr_plot_model m = {r, "two-way FE", NULL, NULL, NULL};
    cpr_plot_coef_opts co = {NULL, 0, 0, {xl, NULL, 0}, NULL};
    cpr_plot_opts po = {0};
    po.title = title;
    po.source = "Source: World Bank WDI (poverty, $3.00/day 2021 PPP), AidData GCDF 3.0 (ODA-like commitments); cpr-stats reproduce";
    po.height_px = 200 + 22 * (int)n;
    int rc = cpr_plot_coef(path, &m, 1, &co, &po);
    size_t pl = strlen(path);
    if (!rc && pl > 4 && strcmp(path + pl - 4, ".svg") == 0) {
        /* title and caption for the report (the figure machinery reads NAME.json) */
        char *jp = cpr_asprintf("%.*s.json", (int)(pl - 4), path);
        char *cap = cpr_asprintf("The coefficient of %s in the headline regression (two-way fixed effects, poverty on %s), "
                                 "on all %zu countries (top) and refitted without each country in turn, each with its 95%% "
                                 "confidence interval (%s). A sign or significance that changes when one country is "
                                 "dropped is not a finding. Source: World Bank WDI, poverty headcount at $3.00 a day "
                                 "(2021 PPP), SI.POV.DDAY (provenance: datasets/sources/wb-wdi); AidData GCDF 3.0, "
                                 "Chinese ODA-like commitments in US$ million, constant 2021 (provenance: "
                                 "datasets/sources/aiddata-gcdf3-country-year); data file lac_panel.csv.",
                                 term, term, n - 1, se_label);
        rc = cpr_plot_describe_write(jp, title, cap, NULL, 0);
        free(cap);
        free(jp);
    }
    free(xl);
    free(title);
    cpr_result_free(r);
    return rc;
}
