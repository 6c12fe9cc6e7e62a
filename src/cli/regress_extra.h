/* Extra computations that `regress` adds on request. */
#ifndef CPR_REGRESS_EXTRA_H
#define CPR_REGRESS_EXTRA_H

#include "cpr/formula.h"
#include "cpr/model.h"

int cli_regress_hausman(const cpr_frame *f, const cpr_formula *fm, cpr_re_method re_method, cpr_result *target);

#endif
