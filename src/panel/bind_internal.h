/* Checks shared by cpr_formula_bind (formula_bind.c) and the design
 * builder (design_build.c), so both give the same messages. */
#ifndef CPR_PANEL_BIND_INTERNAL_H
#define CPR_PANEL_BIND_INTERNAL_H

#include "cpr/formula.h"
#include "cpr/frame.h"

/* Index of the column called name, or -1. */
long cpr_bind_find_col(const cpr_frame *f, const char *name);
/* CPR_E_NOVAR "unknown WHAT 'name' in SOURCE: did you mean ...?" */
int cpr_bind_unknown_var(const cpr_frame *f, const char *name, const char *what);
/* Every variable of e a numeric column (or the time key); lags need time. */
int cpr_bind_check_expr(const cpr_frame *f, const cpr_expr *e);
/* All parts of fm, and its FE names resolved to the entity/time flags. */
int cpr_bind_check_formula(const cpr_formula *fm, const cpr_frame *f, int *fe_entity, int *fe_time);

#endif
