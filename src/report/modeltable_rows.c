/* The model rows of the multi-model table, beneath the coefficients:
 * observations, entities, R² (within or overall, as fits the model),
 * IV/threshold/GMM statistics, the fixed effects ("Country FE: Yes"), the
 * estimator, the SE type with the number of clusters and whether a wild
 * bootstrap p was computed (see modeltable.c for the layout). */
#include "modeltable_rows.h"
#include "cpr/formula.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The number of bootstrap draws from the notes the bootstrap wrote ("B =
 * 9999", or "all 2^G sign vectors"); 0 when not found. */
double cpr_mt_boot_draws(const cpr_result *r)
{
    for (size_t i = 0; i < r->nnotes; i++) {
        const char *s = strstr(r->notes[i], "all 2^");
        if (s) return pow(2, strtod(s + 6, NULL));
        s = strstr(r->notes[i], "B = ");
        if (s && strstr(r->notes[i], "bootstrap")) return strtod(s + 4, NULL);
    }
    return 0;
}

/* Fixed effects of a model: the absorbed names of its formula, read by the
 * formula parser (so a backquoted `a|b` is one name); none when there is
 * no formula or it does not parse (a model JSON from elsewhere). */
static size_t fe_names(const char *formula, char names[][64], size_t max)
{
    cpr_formula *fm = NULL;
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    int rc = formula ? cpr_formula_parse(formula, &fm) : CPR_E_FORMULA;
    cpr_error_scope_end(&es);
    size_t n = 0;
    for (size_t i = 0; rc == CPR_OK && i < fm->n_fe && n < max; i++) {
        const char *p = fm->fe_names[i];
        size_t len = strlen(p);
        if (len > 0 && len < 64 && !(len == 1 && (*p == '0' || *p == '1'))) memcpy(names[n++], p, len + 1);
    }
    cpr_formula_free(fm);
    return n;
}

static int is_time_name(const char *s)
{
    return !cpr_strcasecmp(s, "year") || !cpr_strcasecmp(s, "time") || !cpr_strcasecmp(s, "period") ||
           !cpr_strcasecmp(s, "t") || !cpr_strcasecmp(s, "date");
}

static char *fe_label(const char *name)
{
    if (!cpr_strcasecmp(name, "iso3") || !cpr_strcasecmp(name, "country")) return cpr_strdup("Country FE");
    char *s = cpr_asprintf("%s FE", name);
    s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

static const char *model_short(const cpr_result *r)
{
    static const char *const map[][2] = {
        {"ols", "OLS"}, {"pooled", "Pooled OLS"}, {"fe", "FE"}, {"re", "RE"}, {"be", "Between"},
        {"fd", "First differences"}, {"iv", "IV (2SLS)"}, {"gmm", "Difference GMM"}, {"threshold", "Threshold"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (r->model && strcmp(r->model, map[i][0]) == 0) return map[i][1];
    return r->model ? r->model : "";
}

/* "Clustered by iso3, 22 clusters (...)" -> "Clustered (iso3)". */
static char *se_short(const cpr_result *r)
{
    const char *t = r->se_type ? r->se_type : "";
    const char *lab = r->se_label ? r->se_label : "";
    if (strcmp(t, "cluster") == 0 && strncmp(lab, "Clustered by ", 13) == 0) {
        size_t n = strcspn(lab + 13, ",(");
        while (n > 0 && lab[13 + n - 1] == ' ') n--;
        return cpr_asprintf("Clustered (%.*s)", (int)n, lab + 13);
    }
    if (strcmp(t, "cluster") == 0) return cpr_strdup("Clustered");
    if (strcmp(t, "cluster2") == 0) return cpr_strdup("Two-way clustered");
    if (strcmp(t, "dk") == 0) return cpr_strdup("Driscoll-Kraay");
    if (strcmp(t, "iid") == 0) return cpr_strdup("IID");
    if (strcmp(t, "robust") == 0) return cpr_strdup("Robust");
    char *s = cpr_strdup(t);
    for (char *p = s; *p; p++) *p = (char)toupper((unsigned char)*p);
    return s;
}

static double test_p(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->ntests; i++)
        if (strcmp(r->tests[i].name, name) == 0) return r->tests[i].p_value;
    return NAN;
}

typedef double (*stat_fn)(const cpr_result *r);

double cpr_mt_r2(const cpr_result *r)
{
    /* random effects: the overall R² (plm's r2 is of the GLS-transformed data) */
    if (r->model && strcmp(r->model, "re") == 0) return cpr_result_stat(r, "r2_overall");
    if (r->model && strcmp(r->model, "be") == 0) return cpr_result_stat(r, "r2_between");
    return cpr_result_stat(r, "r2");
}
double cpr_mt_r2_within(const cpr_result *r) { return cpr_result_stat(r, "r2_within"); }
static double st_gamma(const cpr_result *r) { return cpr_result_stat(r, "gamma1"); }
static double st_fs(const cpr_result *r) { return cpr_result_stat(r, "first_stage_f_1"); }
static double st_ninst(const cpr_result *r)
{
    return r->model && strcmp(r->model, "gmm") == 0 ? cpr_result_stat(r, "n_instruments") : NAN;
}
static double st_ar2(const cpr_result *r) { return test_p(r, "ar2"); }
static double st_hansen(const cpr_result *r) { return test_p(r, "hansen"); }

/* A row of one number per model, left out when no model has it. */
static void stat_row(builder *t, models_t m, size_t n, const char *label, stat_fn fn, int decimals)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) any |= isfinite(fn(m[i]));
    if (!any) return;
    cpr_mt_row_start(t, label);
    for (size_t i = 0; i < n; i++) {
        double v = fn(m[i]);
        if (isfinite(v)) cpr_mt_row_set(t, i, decimals < 0 ? cpr_asprintf("%.0f", v) : cpr_asprintf("%.*f", decimals, v));
    }
    cpr_mt_row_end(t);
}

int cpr_mt_has_boot(const cpr_result *r)
{
    for (size_t j = 0; j < r->k; j++)
        if (isfinite(r->boot_p[j])) return 1;
    return 0;
}

void cpr_mt_model_rows(builder *t, models_t m, size_t n)
{
    char fe[16][64], all[32][64];
    size_t nall = 0;
    int country = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = fe_names(m[i]->formula, fe, 16);
        for (size_t a = 0; a < k; a++) {
            int seen = 0;
            for (size_t s = 0; s < nall && !seen; s++) seen = strcmp(all[s], fe[a]) == 0;
            if (!seen && nall < 32) memcpy(all[nall++], fe[a], 64);
            country |= !cpr_strcasecmp(fe[a], "iso3") || !cpr_strcasecmp(fe[a], "country");
        }
        if (m[i]->se_label && (strstr(m[i]->se_label, "by iso3") || strstr(m[i]->se_label, "by country"))) country = 1;
    }
    cpr_doc_table_rule(t->b);
    cpr_mt_row_start(t, "Observations");
    for (size_t i = 0; i < n; i++) cpr_mt_row_set(t, i, cpr_asprintf("%zu", m[i]->nobs));
    cpr_mt_row_end(t);
    int groups = 0;
    for (size_t i = 0; i < n; i++) groups |= m[i]->n_groups > 0;
    if (groups) {
        cpr_mt_row_start(t, country ? "Countries" : "Entities");
        for (size_t i = 0; i < n; i++)
            if (m[i]->n_groups) cpr_mt_row_set(t, i, cpr_asprintf("%zu", m[i]->n_groups));
        cpr_mt_row_end(t);
    }
    stat_row(t, m, n, "R\xc2\xb2", cpr_mt_r2, 3);
    stat_row(t, m, n, "Within R\xc2\xb2", cpr_mt_r2_within, 3);
    stat_row(t, m, n, "First-stage F", st_fs, 2);
    stat_row(t, m, n, "Threshold (\xce\xb3)", st_gamma, 3);
    stat_row(t, m, n, "Instruments", st_ninst, -1);
    stat_row(t, m, n, "AR(2) p", st_ar2, 3);
    stat_row(t, m, n, "Hansen J p", st_hansen, 3);
    if (nall) cpr_doc_table_rule(t->b);
    for (size_t a = 0; a < nall; a++) {
        char *lab = fe_label(all[a]);
        cpr_mt_row_start(t, lab);
        free(lab);
        for (size_t i = 0; i < n; i++) {
            size_t k = fe_names(m[i]->formula, fe, 16);
            int yes = 0;
            for (size_t b = 0; b < k; b++) yes |= strcmp(fe[b], all[a]) == 0;
            /* first differences and difference GMM remove the entity effect */
            int diff = !yes && !is_time_name(all[a]) && m[i]->model &&
                       (strcmp(m[i]->model, "fd") == 0 || strcmp(m[i]->model, "gmm") == 0);
            cpr_mt_row_set(t, i, cpr_strdup(yes ? "Yes" : diff ? "Differenced" : "No"));
        }
        cpr_mt_row_end(t);
    }
    cpr_doc_table_rule(t->b);
    cpr_mt_row_start(t, "Estimator");
    for (size_t i = 0; i < n; i++) cpr_mt_row_set(t, i, cpr_strdup(model_short(m[i])));
    cpr_mt_row_end(t);
    cpr_mt_row_start(t, "Std. errors");
    for (size_t i = 0; i < n; i++) cpr_mt_row_set(t, i, se_short(m[i]));
    cpr_mt_row_end(t);
    int clustered = 0, boot = 0;
    for (size_t i = 0; i < n; i++) { clustered |= m[i]->n_clusters > 0; boot |= cpr_mt_has_boot(m[i]); }
    if (clustered) {
        cpr_mt_row_start(t, "Clusters");
        for (size_t i = 0; i < n; i++)
            if (m[i]->n_clusters) cpr_mt_row_set(t, i, cpr_asprintf("%zu", m[i]->n_clusters));
        cpr_mt_row_end(t);
    }
    if (boot) {
        cpr_mt_row_start(t, "Wild bootstrap p");
        for (size_t i = 0; i < n; i++) {
            double B = cpr_mt_boot_draws(m[i]);
            if (!cpr_mt_has_boot(m[i])) cpr_mt_row_set(t, i, cpr_strdup("No"));
            else if (B > 0) cpr_mt_row_set(t, i, cpr_asprintf("B = %.0f", B));
            else cpr_mt_row_set(t, i, cpr_strdup("Yes"));
        }
        cpr_mt_row_end(t);
    }
}
