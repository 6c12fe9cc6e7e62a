/* IV auxiliary regressions with their inference: the first stage of each
 * endogenous regressor or the reduced form (regress --first-stage,
 * --reduced-form), and the first-stage F that every IV fit reports. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The auxiliary regression fitted with the main model's effects and
 * standard errors; diagnostics: also its default specification tests. */
static int aux_fit(const cpr_design *d, const cpr_model_spec *s, long which, int diagnostics, cpr_result **out)
{
    cpr_design aux;
    cpr_iv_aux_design(d, which, &aux);
    cpr_fit *f = NULL;
    int rc = s->kind == CPR_MODEL_FE ? cpr_fit_fe(&aux, s, &f) : cpr_fit_pooled(&aux, s, &f);
    if (rc == CPR_OK) rc = cpr_infer_apply(f);
    if (rc == CPR_OK && diagnostics && f->tests == CPR_FIT_TESTS_FE) cpr_infer_fe_tests(f);   /* pooled has none */
    if (rc == CPR_OK) {
        cpr_result *r = *out = cpr_fit_take_result(f);
        free(r->model);
        r->model = cpr_strdup(which >= 0 ? "iv_first_stage" : "iv_reduced_form");
        char *e = cpr_asprintf("%s: %s", which >= 0 ? "First stage" : "Reduced form", r->estimator);
        free(r->estimator);
        r->estimator = e;
    }
    cpr_fit_free(f);
    cpr_iv_aux_design_clear(&aux);
    return rc;
}

int cpr_iv_aux_fit(const cpr_design *d, const cpr_model_spec *s, long which, cpr_result **out)
{
    return aux_fit(d, s, which, 1, out);
}

/* First-stage F of the excluded instruments for each endogenous regressor,
 * with the variance of the main model: classical F (iid), robust Wald/q
 * (HC), or cluster-robust Wald/q, which for one endogenous regressor is the
 * Kleibergen-Paap rk Wald F (the rank test reduces to this Wald test). */
void cpr_iv_first_stage_f(cpr_fit *f)
{
    const cpr_design *d = f->d;
    const cpr_model_spec *s = &f->spec;
    cpr_result *r = f->r;
    size_t kex = d->k - d->kx_endog, q = d->kz;
    for (size_t e = 0; e < d->kx_endog; e++) {
        cpr_result *fs = NULL;
        cpr_error_scope es;   /* no first stage or no F: left out, not an error */
        cpr_error_scope_begin(&es);
        if (aux_fit(d, s, (long)e, 0, &fs) != CPR_OK) { cpr_error_scope_end(&es); continue; }
        size_t *idx = cpr_malloc(q * sizeof *idx), m = 0;
        for (size_t j = 0; j < q; j++) {
            long t = cpr_result_term(fs, d->z_names[j]);
            if (t >= 0) idx[m++] = (size_t)t;
        }
        double W = NAN;
        int ok = m == q && cpr_wald(fs->estimate, fs->vcov, fs->k, idx, q, &W) == CPR_OK;
        cpr_error_scope_end(&es);
        if (ok) {
            double F = W / q, df2 = fs->df_resid;
            double p = df2 > 0 ? gsl_cdf_fdist_Q(F, (double)q, df2) : gsl_cdf_chisq_Q(W, (double)q);
            int kp = s->se == CPR_SE_CLUSTER && d->kx_endog == 1;
            char *name = cpr_asprintf("first_stage_f_%zu", e + 1);
            char *label = cpr_asprintf("%s, %s", kp ? "Kleibergen-Paap rk Wald F" : s->se == CPR_SE_IID ? "First-stage F" : "First-stage robust Wald F",
                                       d->names[kex + e]);
            char *note = cpr_asprintf("H0: the excluded instruments do not explain %s (weak/irrelevant); %s%s", d->names[kex + e],
                                      kp ? "cluster-robust Wald F of the instruments in the first stage / their number (with one endogenous regressor this is the KP rk Wald F)"
                                         : s->se == CPR_SE_IID ? "classical F" : "Wald statistic with the model's variance / number of instruments",
                                      "; rule of thumb: below 10 means weak instruments (Staiger-Stock)");
            cpr_result_add_stat(r, name, label, F, 0);
            cpr_result_add_test(r, name, label, F, (double)q, df2, p, note);
            free(name); free(label); free(note);
        }
        free(idx);
        cpr_result_free(fs);
    }
}
