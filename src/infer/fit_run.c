/* One call from a design to a finished result: estimate (model layer),
 * then the variance, the Wald test and the default specification tests
 * (inference). Commands that need the fit afterwards (the wild bootstrap)
 * make the same calls themselves. The same for the threshold model and
 * difference GMM (cpr_threshold_fit, cpr_gmm_fit). */
#include "cpr/gmm_infer.h"
#include "cpr/infer.h"
#include "cpr/status.h"

int cpr_infer_run(cpr_fit *f)
{
    int rc = cpr_infer_apply(f);
    if (rc == CPR_OK) rc = cpr_infer_diagnostics(f);
    return rc;
}

int cpr_model_fit(const cpr_design *d, const cpr_model_spec *spec, cpr_result **out)
{
    cpr_fit *f = NULL;
    *out = NULL;
    int rc = cpr_model_estimate(d, spec, &f);
    if (rc == CPR_OK) rc = cpr_infer_run(f);
    if (rc == CPR_OK) *out = cpr_fit_take_result(f);
    cpr_fit_free(f);
    return rc;
}

int cpr_threshold_fit(const cpr_threshold_spec *s, cpr_result **out, cpr_threshold_info *info)
{
    cpr_fit *f = NULL;
    *out = NULL;
    int rc = cpr_threshold_estimate(s, &f, info);
    if (rc == CPR_OK) rc = cpr_infer_apply(f);
    if (rc == CPR_OK) *out = cpr_fit_take_result(f);
    cpr_fit_free(f);
    if (rc != CPR_OK && info) cpr_threshold_info_clear(info);
    return rc;
}

int cpr_gmm_fit(const cpr_gmm_spec *s, cpr_result **out)
{
    cpr_fit *f = NULL;
    *out = NULL;
    int rc = cpr_gmm_estimate(s, &f);
    if (rc == CPR_OK) rc = cpr_infer_run(f);
    if (rc == CPR_OK) *out = cpr_fit_take_result(f);
    cpr_fit_free(f);
    return rc;
}
