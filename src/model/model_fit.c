/* Model dispatcher: default spec, design checks, one call per estimator;
 * each returns a fitted model (cpr/fit.h) without inference. */
#include "cpr/fit.h"
#include "cpr/status.h"

#include <math.h>
#include <stddef.h>

static int check_design(const cpr_design *d, const cpr_model_spec *s)
{
    if (!d || d->n == 0) return cpr_fail(CPR_E_NUMERIC, "no observations");
    for (size_t i = 0; i < d->n; i++)
        if (!isfinite(d->y[i])) return cpr_fail(CPR_E_NUMERIC, "outcome %s: non-finite value in row %zu",
                                                d->outcome ? d->outcome : "y", i + 1);
    for (size_t i = 0; i < d->n * d->k; i++)
        if (!isfinite(d->X[i])) return cpr_fail(CPR_E_NUMERIC, "regressor %s: non-finite value in row %zu",
                                                d->names[i / d->n], i % d->n + 1);
    for (size_t i = 0; i < d->n * d->kz; i++)
        if (!isfinite(d->Z[i])) return cpr_fail(CPR_E_NUMERIC, "instrument %s: non-finite value in row %zu",
                                                d->z_names[i / d->n], i % d->n + 1);
    int panel = s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED;
    if (panel && !d->entity) return cpr_fail(CPR_E_NUMERIC, "this estimator needs panel data (entity and time)");
    if ((s->kind == CPR_MODEL_FD || (s->kind == CPR_MODEL_FE && s->effects != CPR_EFFECTS_ENTITY)) && !d->time)
        return cpr_fail(CPR_E_NUMERIC, "this estimator needs a time variable");
    return CPR_OK;
}

int cpr_model_estimate(const cpr_design *d, const cpr_model_spec *spec, cpr_fit **out)
{
    cpr_model_spec def;
    if (!spec) { cpr_model_spec_default(&def); spec = &def; }
    *out = NULL;
    int rc = check_design(d, spec);
    if (rc != CPR_OK) return rc;
    if (d->kx_endog > 0 || d->kz > 0) return cpr_fit_iv(d, spec, out);
    switch (spec->kind) {
    case CPR_MODEL_OLS: case CPR_MODEL_POOLED: return cpr_fit_pooled(d, spec, out);
    case CPR_MODEL_FE: return cpr_fit_fe(d, spec, out);
    case CPR_MODEL_RE: return cpr_fit_re(d, spec, out);
    case CPR_MODEL_BE: return cpr_fit_be(d, spec, out);
    case CPR_MODEL_FD: return cpr_fit_fd(d, spec, out);
    }
    return cpr_fail(CPR_E_INTERNAL, "unknown model kind %d", (int)spec->kind);
}
