/* --hausman: the Hausman test FE vs RE on the same rows, added to the
 * reported model. Classical: one-way FE and RE with classical variances, as
 * plm's phtest (a generalised inverse when V_FE - V_RE is not positive
 * definite, as Stata). Mundlak: the regression-based test with the model's
 * variance (src/infer/hausman_mundlak.c). A random-effects model already carries
 * the test, so --hausman adds nothing there (one test in the output). */
#include "regress_extra.h"
#include "cpr/infer.h"
#include "cpr/status.h"

#include <string.h>

int cli_regress_hausman(const cpr_frame *f, const cpr_formula *fm, const cpr_model_spec *spec,
                        const char *cluster, const char *cluster2, cpr_result *target)
{
    for (size_t t = 0; t < target->ntests; t++)
        if (strncmp(target->tests[t].name, "hausman", 7) == 0) return CPR_OK;
    int mundlak = cpr_hausman_is_mundlak(spec);
    cpr_design *dfe = NULL, *dre = NULL;
    cpr_design_opts o = {0};
    o.cluster = cluster;
    o.cluster2 = cluster2;
    int rc = CPR_OK;
    cpr_test t = {0};
    if (mundlak) {
        rc = cpr_design_build(f, fm, &o, &dre, NULL);
        if (!rc) rc = cpr_test_hausman_mundlak(dre, spec, &t);
        if (!rc) cpr_result_take_test(target, &t);
        cpr_design_free(dre);
        return rc;
    }
    o.absorb_fe = 1;
    rc = cpr_design_build(f, fm, &o, &dfe, NULL);
    o.absorb_fe = 0;
    if (!rc) rc = cpr_design_build(f, fm, &o, &dre, NULL);
    cpr_model_spec s;   /* the defaults, with the model's variance components */
    cpr_model_spec_default(&s);
    s.re_method = spec->re_method;
    if (!rc) rc = cpr_test_hausman_classical(dfe, dre, &s, &t);
    if (!rc) cpr_result_take_test(target, &t);
    cpr_design_free(dfe);
    cpr_design_free(dre);
    return rc;
}
