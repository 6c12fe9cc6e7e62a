/* Editing a parsed formula: add terms, set the fixed effects, set the IV
 * part. Every command that changes a formula (--controls, --model fe,
 * --endog/--instrument, threshold's q, presets, first stages) goes through
 * these calls, never through its text: each call parses only the piece it
 * is given, so a backquoted name such as `a|b` stays one name, and the
 * edited formula prints back (cpr_formula_to_string) as one formula.
 * Pieces are term lists in formula syntax, separated by '+' or ','. */
#ifndef CPR_FORMULA_EDIT_H
#define CPR_FORMULA_EDIT_H

#include <stddef.h>

#include "cpr/formula.h"

/* The formula "lhs ~ 1": an outcome, an intercept, nothing else.
 * CPR_E_FORMULA (with a caret line) when lhs is not one expression. */
int cpr_formula_alloc(const char *lhs, cpr_formula **out);
/* Append the terms of `list` to the exogenous terms, skipping any already
 * there; a 0 or -1 in the list drops the intercept. */
int cpr_formula_add_terms(cpr_formula *fm, const char *list);
/* Replace the fixed-effects part by these names (columns, or the words
 * entity and time); cpr_formula_bind resolves them against a frame. */
void cpr_formula_set_fe(cpr_formula *fm, const char *const *names, size_t n);
/* Set the IV part "endog ~ instr". CPR_E_FORMULA when the formula has one
 * already, or when there are fewer instruments than endogenous terms. */
int cpr_formula_set_iv(cpr_formula *fm, const char *endog, const char *instr);
/* Remove the exogenous terms that the IV part lists as endogenous
 * ('y ~ x + d | 0 | d ~ z' estimates y on x with d instrumented). */
void cpr_formula_drop_endog_terms(cpr_formula *fm);
/* The canonical printed names of the terms of `list` ("L.aid, log(x)" ->
 * "L.aid", "log(x)"), in order; *names and each name are the caller's. */
int cpr_formula_term_names(const char *list, char ***names, size_t *n);

#endif
