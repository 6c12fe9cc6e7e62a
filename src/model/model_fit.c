/* Model dispatcher: default spec, design checks, one call per estimator;
 * each returns a fitted model (cpr/fit.h) without inference. */
#include "cpr/fit.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stddef.h>

/* Index of the first non-finite value of v[0..n), or n: the parts of the
 * rows are scanned on the threads, the first stop is the serial loop's. */
static size_t nonfinite_at(void *p, size_t lo, size_t hi)
{
    return cpr_first_nonfinite(p, lo, hi);
}

static size_t first_nonfinite(const double *v, size_t n)
{
    return cpr_rows_find(n, nonfinite_at, (void *)v);
}

static int check_design(const cpr_design *d, const cpr_model_spec *s)
{
    if (!d || d->n == 0) return cpr_fail(CPR_E_NUMERIC, "no observations");
    size_t i = first_nonfinite(d->y, d->n);
    if (i < d->n) return cpr_fail(CPR_E_NUMERIC, "outcome %s: non-finite value in row %zu", d->outcome ? d->outcome : "y", i + 1);
    if ((i = first_nonfinite(d->X, d->n * d->k)) < d->n * d->k)
        return cpr_fail(CPR_E_NUMERIC, "regressor %s: non-finite value in row %zu", d->names[i / d->n], i % d->n + 1);
    if (d->kz && (i = first_nonfinite(d->Z, d->n * d->kz)) < d->n * d->kz)
        return cpr_fail(CPR_E_NUMERIC, "instrument %s: non-finite value in row %zu", d->z_names[i / d->n], i % d->n + 1);
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
    if (d->kx_endog > 0 || d->kz > 0) rc = cpr_fit_iv(d, spec, out);
    else switch (spec->kind) {
    case CPR_MODEL_OLS: case CPR_MODEL_POOLED: rc = cpr_fit_pooled(d, spec, out); break;
    case CPR_MODEL_FE: rc = cpr_fit_fe(d, spec, out); break;
    case CPR_MODEL_RE: rc = cpr_fit_re(d, spec, out); break;
    case CPR_MODEL_BE: rc = cpr_fit_be(d, spec, out); break;
    case CPR_MODEL_FD: rc = cpr_fit_fd(d, spec, out); break;
    default: rc = cpr_fail(CPR_E_INTERNAL, "unknown model kind %d", (int)spec->kind);
    }
    cpr_recycle_drop();   /* frame columns the design released and the fit did not take */
    return rc;
}
