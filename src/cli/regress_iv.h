/* IV pieces of `cpr-stats regress` (src/cli/regress_iv.c): the named
 * presets, --endog/--instrument, and printing the first stages and the
 * reduced form. */
#ifndef CPR_CLI_REGRESS_IV_H
#define CPR_CLI_REGRESS_IV_H

#include "cli.h"
#include "cpr/design.h"
#include "cpr/formula.h"
#include "cpr/model.h"
#include "cpr/report.h"
#include "cpr/result.h"

/* Formula text of --preset NAME (caller frees); NULL after a usage error. */
char *regress_preset_formula(const cli_args *a, const cpr_frame *f);
/* Notes the preset adds to its result (what is missing, how to supply it). */
void regress_preset_notes(const cli_args *a, cpr_result *r);
/* Append "| endog ~ instruments" from --endog/--instrument to *text (a new
 * string replaces it). Usage error when the formula already has an IV part. */
int regress_iv_flags(const cli_args *a, char **text);
/* Remove exogenous terms that are also listed as endogenous. */
void regress_drop_endog_terms(cpr_formula *fm);
/* --first-stage / --reduced-form: print those regressions after the main one. */
int regress_print_aux(const cli_args *a, const cpr_design *d, const cpr_model_spec *s, const char *main_formula,
                      cpr_format fmt);

#endif
