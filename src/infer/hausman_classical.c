/* The classical Hausman test FE vs RE, set up once: one-way (entity) FE
 * and RE, both with classical variances, as plm's phtest. Used by RE's
 * default tests (both on the RE design) and by regress --hausman (FE on
 * the design with the effects absorbed). */
#include "cpr/infer.h"
#include "cpr/status.h"

static int fit_iid(const cpr_design *d, const cpr_model_spec *s, cpr_result **out)
{
    cpr_fit *f = NULL;
    int rc = cpr_model_estimate(d, s, &f);
    if (rc == CPR_OK) rc = cpr_infer_apply(f);
    if (rc == CPR_OK) *out = cpr_fit_take_result(f);
    cpr_fit_free(f);
    return rc;
}

int cpr_test_hausman_classical(const cpr_design *dfe, const cpr_design *dre, const cpr_model_spec *base, cpr_test *out)
{
    cpr_model_spec s = *base;
    s.se = CPR_SE_IID;
    s.effects = CPR_EFFECTS_ENTITY;
    s.hausman = CPR_HAUSMAN_CLASSICAL;
    cpr_result *fe = NULL, *re = NULL;
    s.kind = CPR_MODEL_FE;
    int rc = fit_iid(dfe, &s, &fe);
    s.kind = CPR_MODEL_RE;
    if (rc == CPR_OK) rc = fit_iid(dre, &s, &re);
    if (rc == CPR_OK) rc = cpr_test_hausman(fe, re, out);
    cpr_result_free(fe);
    cpr_result_free(re);
    return rc;
}
