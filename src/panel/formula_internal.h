/* Parser entry points shared by the formula modules of src/panel: the
 * editing API (formula_edit.c) parses only the piece it is given, into the
 * node pool of the formula it edits. */
#ifndef CPR_PANEL_FORMULA_INTERNAL_H
#define CPR_PANEL_FORMULA_INTERNAL_H

#include "cpr/formula.h"

/* One expression (the outcome): CPR_E_FORMULA with a caret line on error. */
int cpr_formula_parse_outcome_(cpr_formula *fm, const char *text, cpr_expr **out);
/* A sum of terms ('+', '-' or ',' between them), expanded (a*b -> a, b, a:b) and without
 * duplicates; *v is a new array (caller frees), its nodes are fm's.
 * intercept (may be NULL) receives the 0/1 markers of the sum. */
int cpr_formula_parse_sum_(cpr_formula *fm, const char *text, cpr_expr ***v, size_t *n, int *intercept);

#endif
