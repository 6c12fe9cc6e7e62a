/* IV options of `regress`: presets, --endog/--instrument, first stages and
 * reduced form. The estimator itself is src/model/iv.c. */
#include "regress_iv.h"
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Dreher, Fuchs, Parks, Strange and Tierney (2021, AEJ: Economic Policy
 * 13(2)): growth on Chinese official finance lagged two years, country and
 * year effects, log population, SEs by country. The bundled panel has no
 * steel series, so the paper's instrument must come from the user. */
#define DREHER_REGRESSOR "L2.log_cn_total"

char *regress_preset_formula(const cli_args *a, const cpr_frame *f)
{
    const char *p = cli_get(a, "preset");
    if (strcmp(p, "dreher2021") != 0) {
        cli_usage_error(a->cmd, "--preset must be dreher2021, not '%s'", p);
        return NULL;
    }
    if (cli_has(a, "formula") || a->npos > 0) {
        cli_usage_error(a->cmd, "--preset sets the formula: give --outcome/--instrument instead of -f or variables");
        return NULL;
    }
    const char *y = cli_get(a, "outcome") ? cli_get(a, "outcome") : "gdp_pc_growth";
    const char *z = cli_get(a, "instrument");
    if (!f->entity || !f->time) {
        cli_usage_error(a->cmd, "--preset dreher2021 needs panel data (entity and time columns)");
        return NULL;
    }
    const char *e = f->entity_name, *t = f->time_name;
    return z ? cpr_asprintf("%s ~ log(pop) | %s + %s | %s ~ %s", y, e, t, DREHER_REGRESSOR, z)
             : cpr_asprintf("%s ~ %s + log(pop) | %s + %s", y, DREHER_REGRESSOR, e, t);
}

void regress_preset_notes(const cli_args *a, cpr_result *r)
{
    if (!cli_has(a, "preset")) return;
    cpr_result_add_note(r, "preset dreher2021: design of Dreher, Fuchs, Parks, Strange & Tierney (2021, AEJ: Economic Policy 13(2)): "
                           "outcome on Chinese official finance lagged two years, log population, country and year effects, SEs clustered by country");
    cpr_result_add_note(r, "differences from the paper: Latin America and the Caribbean only (the paper: 138 countries, 2002-2014); "
                           "Chinese finance is %s, the closest bundled variable (log of 1 + all-class commitments per person, AidData GCDF 3.0)",
                        DREHER_REGRESSOR);
    if (!cli_has(a, "instrument")) {
        char *panel = cli_datafile("lac_panel.csv");
        if (!panel) { cpr_error_clear(); panel = cpr_strdup("lac_panel.csv"); }
        cpr_result_add_note(r, "NOT the paper's estimate: this is OLS with fixed effects. The paper instruments Chinese finance with China's "
                               "steel production (t-3) times the recipient's probability of receiving Chinese projects; China's steel output "
                               "is not bundled. Supply it: --data %s --data steel.csv --instrument VAR (VAR = that product, or write it as L3.steel:prob)",
                            panel);
        free(panel);
    }
}

int regress_iv_flags(const cli_args *a, char **text)
{
    const char *en = cli_get(a, "endog"), *z = cli_get(a, "instrument");
    if (cli_has(a, "preset")) return CPR_OK;   /* the preset placed them */
    if (!en && !z) return CPR_OK;
    if (!en || !z) return cli_usage_error(a->cmd, "--endog and --instrument go together (or write 'y ~ x | FE | endog ~ instruments')");
    size_t bars = 0;
    for (const char *p = *text; *p; p++) bars += *p == '|';
    if (bars >= 2) return cli_usage_error(a->cmd, "the formula already has an IV part; drop --endog/--instrument");
    /* comma lists become sums */
    char *e = cpr_strdup(en), *zz = cpr_strdup(z);
    for (char *p = e; *p; p++) if (*p == ',') *p = '+';
    for (char *p = zz; *p; p++) if (*p == ',') *p = '+';
    char *t = cpr_asprintf("%s%s | %s ~ %s", *text, bars ? "" : " | 0", e, zz);
    free(e); free(zz); free(*text);
    *text = t;
    return CPR_OK;
}

void regress_drop_endog_terms(cpr_formula *fm)
{
    for (size_t e = 0; e < fm->n_endog; e++) {
        char *en = cpr_expr_to_string(fm->endog[e]);
        size_t m = 0;
        for (size_t j = 0; j < fm->nterms; j++) {
            char *t = cpr_expr_to_string(fm->terms[j]);
            if (strcmp(t, en) != 0) fm->terms[m++] = fm->terms[j];
            free(t);
        }
        fm->nterms = m;
        free(en);
    }
}

/* "var ~ exog + instruments | FE" from the design and the main formula. */
static char *aux_formula(const cpr_design *d, long which, const char *main_formula)
{
    size_t kex = d->k - d->kx_endog;
    const char *lhs = which >= 0 ? d->names[kex + (size_t)which] : d->outcome;
    char *s = cpr_asprintf("%s ~", lhs);
    size_t m = 0;
    for (size_t j = 0; j < kex + d->kz; j++) {
        const char *t = j < kex ? d->names[j] : d->z_names[j - kex];
        if (strcmp(t, "const") == 0) continue;
        char *u = cpr_asprintf("%s%s %s", s, m++ ? " +" : "", t);
        free(s); s = u;
    }
    const char *bar = strchr(main_formula, '|'), *bar2 = bar ? strchr(bar + 1, '|') : NULL;
    if (bar && bar2) {
        char fe[256];
        snprintf(fe, sizeof fe, "%.*s", (int)(bar2 - bar - 1), bar + 1);
        char *p = fe + strspn(fe, " "), *end = p + strlen(p);
        while (end > p && end[-1] == ' ') *--end = 0;
        if (strcmp(p, "0") != 0 && *p) { char *u = cpr_asprintf("%s | %s", s, p); free(s); s = u; }
    }
    return s;
}

static int print_one(const cpr_design *d, const cpr_model_spec *s, long which, const char *main_formula, cpr_format fmt)
{
    cpr_result *r = NULL;
    int rc = cpr_iv_aux_fit(d, s, which, &r);
    if (rc != CPR_OK) return rc;
    free(r->formula);
    r->formula = aux_formula(d, which, main_formula);
    if (fputs("\n", stdout) == EOF) rc = cpr_fail(CPR_E_WRITE, "standard output: write failed");
    if (rc == CPR_OK) rc = cpr_report_result(stdout, r, fmt);
    cpr_result_free(r);
    return rc;
}

/* One document per regression, separated by a blank line. */
int regress_print_aux(const cli_args *a, const cpr_design *d, const cpr_model_spec *s, const char *main_formula,
                      cpr_format fmt)
{
    int fs = cli_has(a, "first-stage"), rf = cli_has(a, "reduced-form"), rc = CPR_OK;
    if (!fs && !rf) return CPR_OK;
    if (d->kx_endog == 0) return cli_usage_error(a->cmd, "--first-stage/--reduced-form need an IV model ('y ~ x | FE | endog ~ instruments')");
    for (size_t e = 0; fs && rc == CPR_OK && e < d->kx_endog; e++) rc = print_one(d, s, (long)e, main_formula, fmt);
    if (rf && rc == CPR_OK) rc = print_one(d, s, -1, main_formula, fmt);
    return rc;
}
