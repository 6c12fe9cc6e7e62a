/* regress (and threshold, gmm) --resid-plot FILE: residuals against fitted
 * values of the model just estimated, as its fit left them in the result
 * (for FE and threshold the fitted values include the absorbed effects: y =
 * fitted + residual; for between and RE they are x'b on the rows, for FD
 * the one-step levels, for gmm the differenced equation's dX'b; rows
 * without a residual, FD's first periods, gmm's cells without an equation,
 * are left out). */
#include "cli.h"
#include "regress_extra.h"
#include "cpr/plot.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_regress_resid_plot(const cli_args *a, const cpr_design *d, const cpr_result *r)
{
    if (!cli_get(a, "resid-plot") && !cli_get(a, "resid-script")) return CPR_OK;
    if (d->kx_endog > 0 || d->kz > 0) return cli_usage_error(a->cmd, "--resid-plot is not available for IV models");
    return cli_resid_plot(a, r, d->y, d->n, NULL);
}

int cli_resid_plot(const cli_args *a, const cpr_result *r, const double *y, size_t n, const char *scale)
{
    const char *path = cli_get(a, "resid-plot"), *script = cli_get(a, "resid-script");
    if (!path && !script) return CPR_OK;
    if (!r->residuals) return cpr_fail(CPR_E_INTERNAL, "--resid-plot: the fit left no residuals");
    /* big FE fits leave fitted = y - residual to the reader (cpr_fit_take_residuals) */
    double *fx = cpr_malloc((n ? n : 1) * sizeof *fx), *ex = cpr_malloc((n ? n : 1) * sizeof *ex);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double e = r->residuals[i], fv = r->fitted ? r->fitted[i] : y[i] - e;
        if (isfinite(e) && isfinite(fv)) { fx[m] = fv; ex[m] = e; m++; }
    }
    char *title = cpr_asprintf("Residuals against fitted values: %s", r->formula ? r->formula : "");
    char *source = scale ? cpr_asprintf("%s; residuals and fitted values in %s", r->estimator ? r->estimator : "", scale) : NULL;
    cpr_plot_opts po = { .title = title, .source = source ? source : r->estimator, .script_path = script, .script_only = !path };
    int rc = cpr_plot_residuals(path ? path : "residuals.png", fx, ex, m, &po);
    free(fx); free(ex);
    if (!rc && path) fprintf(stderr, "plot: wrote %s\n", path);
    if (!rc && script) fprintf(stderr, "plot: wrote %s\n", script);
    free(title); free(source);
    return rc;
}
