/* Extra computations that `regress` adds on request. */
#ifndef CPR_REGRESS_EXTRA_H
#define CPR_REGRESS_EXTRA_H

#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/model.h"

#include "cli.h"

/* --resid-plot FILE: residuals against fitted values of the fit in r. */
int cli_regress_resid_plot(const cli_args *a, const cpr_design *d, const cpr_result *r);
/* The same for any result with residuals on n rows (rows whose residual or
 * fitted value is not finite are left out); fitted = y - residual when the
 * fit left r->fitted NULL (y may be NULL otherwise); scale (NULL: none),
 * e.g. "first differences", is named under the figure. Used by gmm. */
int cli_resid_plot(const cli_args *a, const cpr_result *r, const double *y, size_t n, const char *scale);
/* --hausman: add the Hausman test (spec->hausman picks classical or
 * Mundlak; the latter uses spec's variance and these cluster variables). */
int cli_regress_hausman(const cpr_frame *f, const cpr_formula *fm, const cpr_model_spec *spec,
                        const char *cluster, const char *cluster2, cpr_result *target);

#endif
