/* IV options of `regress`: presets, --endog/--instrument, first stages and
 * reduced form. The estimator itself is src/model/iv.c. */
#include "regress_iv.h"
#include "cpr/formula_edit.h"
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

int regress_preset_formula(const cli_args *a, const cpr_frame *f, cpr_formula **fm)
{
    const char *p = cli_get(a, "preset");
    if (strcmp(p, "dreher2021") != 0) return cli_usage_error(a->cmd, "--preset must be dreher2021, not '%s'", p);
    if (cli_has(a, "formula") || a->npos > 0)
        return cli_usage_error(a->cmd, "--preset sets the formula: give --outcome/--instrument instead of -f or variables");
    const char *y = cli_get(a, "outcome") ? cli_get(a, "outcome") : "gdp_pc_growth";
    const char *z = cli_get(a, "instrument");
    if (!f->entity || !f->time) return cli_usage_error(a->cmd, "--preset dreher2021 needs panel data (entity and time columns)");
    /* y ~ L2.log_cn_total + log(pop) | entity + time, or with the regressor instrumented by z */
    const char *fe[2] = {f->entity_name, f->time_name};
    int rc = cpr_formula_alloc(y, fm);
    if (!rc && !z) rc = cpr_formula_add_terms(*fm, DREHER_REGRESSOR);
    if (!rc) rc = cpr_formula_add_terms(*fm, "log(pop)");
    if (!rc) cpr_formula_set_fe(*fm, fe, 2);
    if (!rc && z) rc = cpr_formula_set_iv(*fm, DREHER_REGRESSOR, z);
    return rc;
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
        cpr_error_scope es;   /* not bundled: the note names the file alone */
        cpr_error_scope_begin(&es);
        char *panel = cli_datafile("lac_panel.csv");
        cpr_error_scope_end(&es);
        if (!panel) panel = cpr_strdup("lac_panel.csv");
        cpr_result_add_note(r, "NOT the paper's estimate: this is OLS with fixed effects. The paper instruments Chinese finance with China's "
                               "steel production (t-3) times the recipient's probability of receiving Chinese projects; China's steel output "
                               "is not bundled. Supply it: --data %s --data steel.csv --instrument VAR (VAR = that product, or write it as L3.steel:prob)",
                            panel);
        free(panel);
    }
}

int regress_iv_flags(const cli_args *a, cpr_formula *fm)
{
    const char *en = cli_get(a, "endog"), *z = cli_get(a, "instrument");
    if (cli_has(a, "preset")) return CPR_OK;   /* the preset placed them */
    if (!en && !z) return CPR_OK;
    if (!en || !z) return cli_usage_error(a->cmd, "--endog and --instrument go together (or write 'y ~ x | FE | endog ~ instruments')");
    if (fm->n_endog > 0) return cli_usage_error(a->cmd, "the formula already has an IV part; drop --endog/--instrument");
    return cpr_formula_set_iv(fm, en, z);   /* comma lists are term lists */
}

/* "var ~ exog + instruments | FE": the design's terms (canonical names, so
 * each parses back as itself) and the main formula's fixed effects. */
static int aux_formula(const cpr_design *d, long which, const cpr_formula *main_fm, char **out)
{
    size_t kex = d->k - d->kx_endog;
    cpr_formula *fm = NULL;
    int rc = cpr_formula_alloc(which >= 0 ? d->names[kex + (size_t)which] : d->outcome, &fm);
    for (size_t j = 0; j < kex + d->kz && !rc; j++) {
        const char *t = j < kex ? d->names[j] : d->z_names[j - kex];
        if (strcmp(t, "const") != 0) rc = cpr_formula_add_terms(fm, t);
    }
    if (!rc) {
        cpr_formula_set_fe(fm, (const char *const *)main_fm->fe_names, main_fm->n_fe);
        *out = cpr_formula_to_string(fm);
    }
    cpr_formula_free(fm);
    return rc;
}

static int print_one(const cpr_design *d, const cpr_model_spec *s, long which, const cpr_formula *main_fm, cpr_format fmt)
{
    cpr_result *r = NULL;
    int rc = cpr_iv_aux_fit(d, s, which, &r);
    if (rc != CPR_OK) return rc;
    free(r->formula);
    r->formula = NULL;
    rc = aux_formula(d, which, main_fm, &r->formula);
    if (rc == CPR_OK && fputs("\n", stdout) == EOF) rc = cpr_fail(CPR_E_WRITE, "standard output: write failed");
    if (rc == CPR_OK) rc = cpr_report_result(stdout, r, fmt);
    cpr_result_free(r);
    return rc;
}

/* One document per regression, separated by a blank line. */
int regress_print_aux(const cli_args *a, const cpr_design *d, const cpr_model_spec *s, const cpr_formula *main_fm,
                      cpr_format fmt)
{
    int fs = cli_has(a, "first-stage"), rf = cli_has(a, "reduced-form"), rc = CPR_OK;
    if (!fs && !rf) return CPR_OK;
    if (d->kx_endog == 0) return cli_usage_error(a->cmd, "--first-stage/--reduced-form need an IV model ('y ~ x | FE | endog ~ instruments')");
    for (size_t e = 0; fs && rc == CPR_OK && e < d->kx_endog; e++) rc = print_one(d, s, (long)e, main_fm, fmt);
    if (rf && rc == CPR_OK) rc = print_one(d, s, -1, main_fm, fmt);
    return rc;
}
