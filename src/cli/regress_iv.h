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

/* The formula of --preset NAME (*fm is the caller's, also on error). */
int regress_preset_formula(const cli_args *a, const cpr_frame *f, cpr_formula **fm);
/* Notes the preset adds to its result (what is missing, how to supply it). */
void regress_preset_notes(const cli_args *a, cpr_result *r);
/* Set the IV part "endog ~ instruments" from --endog/--instrument. Usage
 * error when the formula already has an IV part. */
int regress_iv_flags(const cli_args *a, cpr_formula *fm);
/* --first-stage / --reduced-form: print those regressions after the main one. */
int regress_print_aux(const cli_args *a, const cpr_design *d, const cpr_model_spec *s, const cpr_formula *main_fm,
                      cpr_format fmt);

#endif
