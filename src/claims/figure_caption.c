/* Captions for the figures the claims runner draws itself (figure NAME coef
 * ...): the terms by their catalogue labels, the regressions behind each
 * interval (formula, N, clusters) and where the variables come from. The
 * caption goes to DIR/figures/NAME.json like `plot --describe`, so the
 * report treats every figure alike. */
#include "cpr/claims.h"
#include "cpr/catalogue.h"
#include "cpr/modeltable.h"
#include "cpr/plot.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

static cpr_catalogue *catalogue(const char *datadir)
{
    cpr_catalogue *cat = NULL;
    char *p = cpr_asprintf("%s/catalogue.csv", datadir ? datadir : ".");
    cpr_error_scope es;   /* no catalogue: captions without labels */
    cpr_error_scope_begin(&es);
    if (cpr_catalogue_load(p, &cat) != 0) cat = NULL;
    cpr_error_scope_end(&es);
    free(p);
    return cat;
}

char **cpr_claims_term_labels(const char *datadir, const char *const *terms, size_t nt)
{
    cpr_catalogue *cat = catalogue(datadir);
    char **out = cpr_calloc(nt + 1, sizeof *out);
    for (size_t i = 0; i < nt; i++) {
        char *l = cpr_mtable_term_label(cat, terms[i]);
        out[i] = cpr_plot_short_label(l, 48);
        free(l);
    }
    cpr_catalogue_free(cat);
    return out;
}

static void add(char **s, const char *t)
{
    char *n = cpr_asprintf("%s%s", *s ? *s : "", t);
    free(*s);
    *s = n;
}

/* "PARTIAL (why): what" -> the "why" (NULL when the label has no such
 * qualifier), said once under the figure instead of once per term. */
static char *qualifier(const char *label)
{
    const char *open = strstr(label, " ("), *close = strstr(label, "): ");
    if (!open || !close || close < open || strncmp(label, "PARTIAL", 7) != 0) return NULL;
    return cpr_strndup(open + 2, (size_t)(close - open - 2));
}

int cpr_claims_coef_describe(const char *path, const char *title, const char *datadir,
                             const char *const *labels, const json_t *const *models, size_t nm,
                             const char *const *terms, size_t nt)
{
    cpr_catalogue *cat = catalogue(datadir);
    char *cap = cpr_strdup("Estimated coefficients with their 95% confidence intervals (standard errors clustered by country) of: ");
    char *src = NULL, *partial = NULL;
    for (size_t i = 0; i < nt; i++) {
        char *full = cpr_mtable_term_label(cat, terms[i]);
        char *shown = cpr_plot_short_label(full, 60);
        char *one = cpr_asprintf("%s%s", i ? "; " : "", shown);
        add(&cap, one);
        if (!partial) partial = qualifier(full);
        free(one); free(shown); free(full);
        const cpr_var_info *v = cpr_catalogue_find(cat, terms[i]);
        if (!v || !*v->source || (src && strstr(src, v->source_code))) continue;
        /* "AidData GCDF 3.0 [folder]" -> "AidData GCDF 3.0, code (provenance: datasets/sources/folder)" */
        const char *lb = strrchr(v->source, '['), *rb = lb ? strchr(lb, ']') : NULL;
        int nl = lb && rb ? (int)(lb - v->source) - (lb > v->source && lb[-1] == ' ') : (int)strlen(v->source);
        char *s = lb && rb ? cpr_asprintf("%s%.*s, %s (provenance: datasets/sources/%.*s)", src ? "; " : "", nl, v->source,
                                          *v->source_code ? v->source_code : v->name, (int)(rb - lb - 1), lb + 1)
                           : cpr_asprintf("%s%s, %s", src ? "; " : "", v->source, *v->source_code ? v->source_code : v->name);
        add(&src, s);
        free(s);
    }
    add(&cap, ".");
    if (partial) {
        char *p = cpr_asprintf(" PARTIAL: %s.", partial);
        add(&cap, p);
        free(p);
    }
    add(&cap, " One interval per regression and term:");
    for (size_t m = 0; m < nm; m++) {
        const char *f = json_string_value(json_object_get(models[m], "formula"));
        json_int_t n = json_integer_value(json_object_get(models[m], "nobs"));
        json_int_t g = json_integer_value(json_object_get(models[m], "n_clusters"));
        char *one = g ? cpr_asprintf(" %s: %s (N = %lld, %lld countries);", labels[m], f ? f : "?", (long long)n, (long long)g)
                      : cpr_asprintf(" %s: %s (N = %lld);", labels[m], f ? f : "?", (long long)n);
        add(&cap, one);
        free(one);
    }
    size_t len = strlen(cap);
    if (len && cap[len - 1] == ';') cap[len - 1] = '.';
    char *full = cpr_asprintf("%s Source: %s; data file lac_panel.csv.", cap, src ? src : "not catalogued");
    int rc = cpr_plot_describe_write(path, title, full, NULL, 0);
    free(full); free(cap); free(src); free(partial);
    cpr_catalogue_free(cat);
    return rc;
}
