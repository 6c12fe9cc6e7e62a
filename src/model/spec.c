/* The default model spec: two-way FE, clustered by entity with Stata's
 * small-sample factor, 95% intervals. */
#include "cpr/model.h"

void cpr_model_spec_default(cpr_model_spec *s)
{
    s->kind = CPR_MODEL_FE;
    s->effects = CPR_EFFECTS_TWOWAY;
    s->se = CPR_SE_CLUSTER;
    s->ssc = CPR_SSC_STATA;
    s->re_method = CPR_RE_STATA;
    s->dk_lag = -1;
    s->conf_level = 0.95;
    s->fe_tol = CPR_FE_TOL;
    s->fe_maxiter = 10000;
    s->ls_method = CPR_LS_AUTO;
    s->cluster_diag = 0;
    s->hausman = CPR_HAUSMAN_AUTO;
    s->iv_method = CPR_IV_2SLS;
    s->fuller_a = 1.0;
    s->asymptotic = 0;
}
