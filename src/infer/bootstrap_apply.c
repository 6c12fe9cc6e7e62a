/* Wild cluster bootstrap for a fitted result: rebuild the final regression
 * the estimator ran (its kept terms, fixed effects absorbed), bootstrap each
 * coefficient and say in the notes what was done and why. */
#include "cpr/bootstrap.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *cpr_boot_weights_name(cpr_boot_weights w)
{
    return w == CPR_BOOT_WEBB ? "Webb" : "Rademacher";
}

/* X (n*k) = the design columns named by r's terms; y copied; both
 * within-transformed for FE. */
static int final_data(const cpr_result *r, const cpr_design *d, const cpr_model_spec *s,
                      double **Xo, double **yo)
{
    size_t n = d->n, k = r->k;
    double *W = cpr_malloc(n * (k + 1) * sizeof *W);
    memcpy(W, d->y, n * sizeof *W);
    for (size_t j = 0; j < k; j++) {
        size_t c = 0;
        while (c < d->k && strcmp(d->names[c], r->terms[j]) != 0) c++;
        if (c == d->k) { free(W); return cpr_fail(CPR_E_INTERNAL, "bootstrap: term %s not in the design", r->terms[j]); }
        memcpy(W + (j + 1) * n, d->X + c * n, n * sizeof *W);
    }
    if (s->kind == CPR_MODEL_FE) {
        cpr_absorb a = cpr_absorb_for(d, s);
        int it, rc = cpr_within_transform(&a, W, k + 1, &it);
        if (rc != CPR_OK) { free(W); return rc; }
    }
    *yo = W;
    *Xo = W + n;
    return CPR_OK;
}

int cpr_result_bootstrap(cpr_result *r, const cpr_design *d, const cpr_model_spec *s,
                         const cpr_boot_spec *b)
{
    if (s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED && s->kind != CPR_MODEL_FE)
        return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap is implemented for OLS, pooled and FE models");
    if (s->se != CPR_SE_CLUSTER || !d->cluster)
        return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap needs one-way clustered standard errors");
    if (d->kz) return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap is not implemented for IV (it would need the WRE bootstrap)");
    double *X = NULL, *y = NULL;
    int rc = final_data(r, d, s, &X, &y);
    if (rc != CPR_OK) return rc;
    cpr_boot_out o = { 0 };
    size_t unbounded = 0;
    for (size_t j = 0; j < r->k && rc == CPR_OK; j++) {
        rc = cpr_wcr_test(X, d->n, r->k, y, d->cluster, d->n_clusters, j, b, &o);
        if (rc != CPR_OK) break;
        r->boot_p[j] = o.p;
        r->boot_low[j] = o.low;
        r->boot_high[j] = o.high;
        unbounded += isnan(o.low) || isnan(o.high);
    }
    free(y);
    if (rc != CPR_OK) return rc;
    size_t G = d->n_clusters;
    if (o.exact)
        cpr_result_add_note(r, "wild cluster bootstrap (WCR, Rademacher): exact: all 2^%zu = %zu sign vectors enumerated (no seed needed)", G, o.B);
    else
        cpr_result_add_note(r, "wild cluster bootstrap (WCR, %s weights, B = %zu, seed %lu; same seed, same numbers)",
                            cpr_boot_weights_name(b->weights), o.B, b->seed);
    cpr_result_add_note(r, "boot p: restricted (null imposed) wild cluster bootstrap of the CR t for coefficient = 0, symmetric two-sided; "
                           "[boot CI]: all values not rejected at %g%% (test inversion; Roodman, MacKinnon, Nielsen & Webb 2019)",
                        100 * (1 - b->conf_level));
    if (s->kind == CPR_MODEL_FE)
        cpr_result_add_note(r, s->effects == CPR_EFFECTS_ENTITY
                            ? "bootstrap on the within-transformed data (entity effects absorbed, as boottest)"
                            : "bootstrap on the within-transformed data: the time effects are not nested in the clusters, so they are partialled out with the entity effects before resampling");
    if (unbounded)
        cpr_result_add_note(r, "a bootstrap interval shown as NA is unbounded on that side: no value is rejected there (too few clusters or weak identification)");
    return CPR_OK;
}
