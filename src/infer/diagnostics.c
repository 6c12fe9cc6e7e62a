/* The default specification tests of a fitted model, as its estimator
 * chose them (f->tests): the panel tests of src/infer/panel_diag.c, the
 * first-stage F of src/infer/iv_first_stage.c, the difference-GMM tests of
 * src/infer/gmm_tests.c. */
#include "cpr/gmm_infer.h"
#include "cpr/infer.h"
#include "cpr/status.h"

int cpr_infer_diagnostics(cpr_fit *f)
{
    switch (f->tests) {
    case CPR_FIT_TESTS_FE: cpr_infer_fe_tests(f); break;
    case CPR_FIT_TESTS_RE: cpr_infer_re_tests(f); break;
    case CPR_FIT_TESTS_IV: cpr_iv_first_stage_f(f); break;
    case CPR_FIT_TESTS_GMM: cpr_infer_gmm_tests(f); break;
    case CPR_FIT_TESTS_NONE: break;
    }
    return CPR_OK;
}
