/* The default specification tests of panel fits, from the fit: FE gets
 * the F test of the effects, Wooldridge's AR(1) test and Pesaran's CD; RE
 * the classical Hausman test (unless the Mundlak one is asked for, which
 * the command adds) and the Breusch-Pagan / Honda LM tests. A test that
 * does not apply is left out, not an error. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>

void cpr_infer_fe_tests(cpr_fit *f)
{
    const cpr_design *d = f->d;
    cpr_result *r = f->r;
    size_t n = d->n;
    cpr_test cd = { 0 };
    cpr_error_scope es;   /* a test that does not apply is left out */
    cpr_error_scope_begin(&es);
    int have_cd = f->spec.effects != CPR_EFFECTS_TIME &&
                  cpr_test_pesaran_cd(f->resid, d->entity, d->time, n, d->n_entities, d->n_times, &cd) == CPR_OK;
    /* from the fit when the estimator computed them before overwriting X */
    double rssp = f->pre_tests ? f->pooled_rss : cpr_pooled_rss(d);
    if (isfinite(rssp)) {
        cpr_test t;
        cpr_test_f_effects(rssp, f->rss, f->n_absorbed - 1, f->df_resid, &t);
        cpr_result_take_test(r, &t);
    }
    if (f->spec.effects != CPR_EFFECTS_TIME) {
        cpr_test t = { 0 };
        int rc = f->pre_tests ? (f->ar1_rc == CPR_OK ? cpr_test_wooldridge_from(&f->ar1, &t) : f->ar1_rc)
                              : cpr_test_wooldridge_ar(d, &t);
        if (rc == CPR_OK) cpr_result_take_test(r, &t);
        if (have_cd) cpr_result_take_test(r, &cd);
    }
    cpr_test_clear(&cd);
    cpr_error_scope_end(&es);
}

void cpr_infer_re_tests(cpr_fit *f)
{
    const cpr_design *d = f->d;
    cpr_test t = { 0 }, h = { 0 };
    cpr_error_scope es;   /* a test that does not apply is left out */
    cpr_error_scope_begin(&es);
    if (!cpr_hausman_is_mundlak(&f->spec) && cpr_test_hausman_classical(d, d, &f->spec, &t) == CPR_OK)
        cpr_result_take_test(f->r, &t);
    cpr_reg g;
    if (cpr_reg_fit(&g, d->X, d->n, d->k, d->names, d->has_const ? 0 : -1, d->y, CPR_LS_AUTO) == CPR_OK &&
        cpr_test_bp_lm(g.ls.resid, d->entity, d->n, d->n_entities, &t, &h) == CPR_OK) {
        cpr_result_take_test(f->r, &t);
        cpr_result_take_test(f->r, &h);
    }
    cpr_reg_clear(&g);
    cpr_error_scope_end(&es);
}
