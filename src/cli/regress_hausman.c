/* --hausman: fit one-way FE and RE (classical variances) on the same rows
 * and add the Hausman test to the reported model, as plm's phtest does. */
#include "regress_extra.h"
#include "cpr/infer.h"
#include "cpr/status.h"

int cli_regress_hausman(const cpr_frame *f, const cpr_formula *fm, cpr_re_method re_method, cpr_result *target)
{
    cpr_design *dfe = NULL, *dre = NULL;
    cpr_result *fe = NULL, *re = NULL;
    cpr_design_opts o = {0};
    o.absorb_fe = 1;
    int rc = cpr_design_build(f, fm, &o, &dfe, NULL);
    o.absorb_fe = 0;
    if (!rc) rc = cpr_design_build(f, fm, &o, &dre, NULL);
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.se = CPR_SE_IID;
    s.effects = CPR_EFFECTS_ENTITY;
    s.re_method = re_method;
    s.kind = CPR_MODEL_FE;
    if (!rc) rc = cpr_model_fit(dfe, &s, &fe);
    s.kind = CPR_MODEL_RE;
    if (!rc) rc = cpr_model_fit(dre, &s, &re);
    cpr_test t = {0};
    if (!rc) rc = cpr_test_hausman(fe, re, &t);
    if (!rc) cpr_result_take_test(target, &t);
    cpr_result_free(fe);
    cpr_result_free(re);
    cpr_design_free(dfe);
    cpr_design_free(dre);
    return rc;
}
