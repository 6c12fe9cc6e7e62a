/* regress --resid-plot FILE: residuals against fitted values of the model
 * just estimated. Residuals are recomputed here from the design and the
 * printed coefficients (for FE after absorbing the same effects), so the
 * estimators keep no per-observation arrays unless this is asked for. */
#include "cli.h"
#include "regress_extra.h"
#include "cpr/plot.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_regress_resid_plot(const cli_args *a, const cpr_design *d, const cpr_model_spec *s, const cpr_result *r)
{
    const char *path = cli_get(a, "resid-plot"), *script = cli_get(a, "resid-script");
    if (!path && !script) return CPR_OK;
    if (s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED && s->kind != CPR_MODEL_FE)
        return cli_usage_error(a->cmd, "--resid-plot is available for --model ols, pooled and fe");
    if (d->kx_endog > 0 || d->kz > 0) return cli_usage_error(a->cmd, "--resid-plot is not available for IV models");
    size_t n = d->n, k = d->k;
    double *W = cpr_malloc(n * (k + 1) * sizeof *W);
    memcpy(W, d->y, n * sizeof *W);
    memcpy(W + n, d->X, n * k * sizeof *W);
    int rc = CPR_OK;
    if (s->kind == CPR_MODEL_FE) {
        cpr_absorb ab = cpr_absorb_for(d, s);
        int iters = 0;
        rc = cpr_within_transform(&ab, W, k + 1, &iters);
    }
    double *fitted = cpr_malloc(n * sizeof *fitted), *resid = cpr_malloc(n * sizeof *resid);
    for (size_t i = 0; i < n && !rc; i++) resid[i] = W[i];
    for (size_t j = 0; j < k && !rc; j++) {
        long t = cpr_result_term(r, d->names[j]);
        if (t < 0 || !isfinite(r->estimate[t])) continue;   /* dropped: collinear or absorbed */
        const double *x = W + (j + 1) * n;
        for (size_t i = 0; i < n; i++) resid[i] -= r->estimate[t] * x[i];
    }
    /* fitted includes the fixed effects: y = fitted + residual */
    for (size_t i = 0; i < n && !rc; i++) fitted[i] = d->y[i] - resid[i];
    if (!rc) {
        char *title = cpr_asprintf("Residuals against fitted values: %s", r->formula ? r->formula : "");
        cpr_plot_opts po = { .title = title, .source = r->estimator, .script_path = script, .script_only = !path };
        rc = cpr_plot_residuals(path ? path : "residuals.png", fitted, resid, n, &po);
        if (!rc && path) fprintf(stderr, "plot: wrote %s\n", path);
        if (!rc && script) fprintf(stderr, "plot: wrote %s\n", script);
        free(title);
    }
    free(W); free(fitted); free(resid);
    return rc;
}
