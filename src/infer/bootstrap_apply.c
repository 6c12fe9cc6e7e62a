/* Wild cluster bootstrap of a fitted model: on the final regression the
 * estimator ran (its kept terms, fixed effects absorbed), taken from the
 * fit, bootstrap each coefficient and say in the notes what was done and why. */
#include "cpr/bootstrap.h"
#include "cpr/infer.h"
#include "jk_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *cpr_boot_weights_name(cpr_boot_weights w)
{
    return w == CPR_BOOT_WEBB ? "Webb" : "Rademacher";
}

const char *cpr_boot_type_name(cpr_boot_type t)
{
    return t == CPR_BOOT_WCR31 ? "WCR31" : t == CPR_BOOT_WCU33 ? "WCU33" : "WCR";
}

/* The CV3 bootstraps refit without each cluster, so absorbed effects not
 * nested in the clusters must be regressors (as in --se cr3): prepend
 * their dummies (demeaned within the nested effect; a basis of their span,
 * chosen after the slopes by the least-squares core) to the slopes.
 * *Xd = a new [dummies, slopes] (NULL when there are none); *off = number
 * of dummies. */
static int add_dummies(const cpr_fit *f, size_t k, double **Xd, size_t *off)
{
    *off = 0;
    *Xd = NULL;
    const double *X = f->g.X;
    const cpr_design *d = f->d;
    cpr_jk_in ji = { .n = d->n, .k = k, .G = d->n_clusters, .cluster = d->cluster,
                     .nest = f->fe_nest, .n_nest = f->fe_n_nest,
                     .fe = { f->fe_other[0], f->fe_other[1] }, .n_fe = { f->fe_n_other[0], f->fe_n_other[1] } };
    size_t pd, n = d->n;
    if (ji.n_fe[0] + ji.n_fe[1] > 2000)
        return cpr_fail(CPR_E_NUMERIC, "the CV3 wild bootstrap carries the effects not nested in the clusters as dummies: "
                        "%zu levels exceed 2000", ji.n_fe[0] + ji.n_fe[1]);
    double *D = cpr_jk_dummies(&ji, &pd);
    if (pd == 0) return CPR_OK;
    double *Z = cpr_malloc(n * (k + pd) * sizeof *Z), *zero = cpr_calloc(n, sizeof *zero);
    memcpy(Z, X, n * k * sizeof *Z);
    memcpy(Z + n * k, D, n * pd * sizeof *Z);
    cpr_ls ls;
    int rc = cpr_ols_qr(Z, n, k + pd, zero, 0, CPR_LS_QR, &ls);
    if (rc == CPR_OK) {
        size_t kd = 0;
        for (size_t c = 0; c < ls.k; c++)
            if (ls.keep[c] >= k) memcpy(Z + (kd++) * n, D + (ls.keep[c] - k) * n, n * sizeof *Z);
        memcpy(Z + kd * n, X, n * k * sizeof *Z);
        *Xd = Z;
        *off = kd;
    } else free(Z);
    cpr_ls_clear(&ls);
    free(D); free(zero);
    return rc;
}

int cpr_fit_bootstrap(cpr_fit *f, const cpr_boot_spec *b)
{
    cpr_result *r = f->r;
    const cpr_design *d = f->d;
    const cpr_model_spec *s = &f->spec;
    if (s->kind != CPR_MODEL_OLS && s->kind != CPR_MODEL_POOLED && s->kind != CPR_MODEL_FE)
        return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap is implemented for OLS, pooled and FE models");
    int oneway = s->se == CPR_SE_CLUSTER || s->se == CPR_SE_CR2 || s->se == CPR_SE_CR3 || s->se == CPR_SE_CR3J;
    if (!oneway || !d->cluster)
        return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap needs one-way clustered standard errors");
    if (d->kz) return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap is not implemented for IV (it would need the WRE bootstrap)");
    if (f->wt.w) return cpr_fail(CPR_E_NUMERIC, "the wild cluster bootstrap is not implemented with weights");
    const double *X = f->g.X, *y = f->y;
    double *Xd = NULL;
    int rc = CPR_OK;
    size_t off = 0, kk = r->k;
    int cv3 = b->type != CPR_BOOT_WCR;
    if (cv3 && s->kind == CPR_MODEL_FE) {
        rc = add_dummies(f, r->k, &Xd, &off);
        if (rc != CPR_OK) return rc;
        if (Xd) X = Xd;
        kk = r->k + off;
    }
    cpr_boot_out o = { 0 }, *all = cpr_calloc(r->k ? r->k : 1, sizeof *all);
    size_t unbounded = 0, degenerate = 0;
    /* every coefficient at once: one pass over the rows, one weight vector per draw */
    if (r->k) rc = cpr_wcr_test_range(X, d->n, kk, y, d->cluster, d->n_clusters, off, r->k, b, all);
    for (size_t j = 0; j < r->k && rc == CPR_OK; j++) {
        o = all[j];
        r->boot_p[j] = o.p > o.p_floor ? o.p : o.p_floor;   /* never below what the draws resolve */
        r->boot_low[j] = o.low;
        r->boot_high[j] = o.high;
        unbounded += isnan(o.low) || isnan(o.high);
        if (o.n_degenerate > degenerate) degenerate = o.n_degenerate;
    }
    free(all);
    free(Xd);
    if (rc != CPR_OK) return rc;
    r->boot_p_floor = o.p_floor;
    r->boot_exact = o.exact;
    size_t G = d->n_clusters;
    const char *tn = cpr_boot_type_name(b->type), *wn = cpr_boot_weights_name(b->weights);
    if (o.exact)
        cpr_result_add_note(r, "wild cluster bootstrap (%s, %s): exact: all %s^%zu = %zu weight vectors enumerated (no seed needed); "
                            "p at or below %.3g, the share of vectors that always tie, is shown as a bound", tn, wn,
                            b->weights == CPR_BOOT_WEBB ? "6" : "2", G, o.B, o.p_floor);
    else
        cpr_result_add_note(r, "wild cluster bootstrap (%s, %s weights, B = %zu, seed %lu; same seed, same numbers); "
                            "a p below 1/B is shown as < 1/B", tn, wn, o.B, b->seed);
    cpr_result_add_note(r, "boot p: %s wild cluster bootstrap of the %s t for coefficient = 0, symmetric two-sided, over every draw "
                           "with ties counted as extreme (p = #{|t*| >= |t|}/B); [boot CI]: all values not rejected at %g%% "
                           "(test inversion; Roodman, MacKinnon, Nielsen & Webb 2019%s)",
                        b->type == CPR_BOOT_WCU33 ? "unrestricted (jackknife residuals)" : "restricted (null imposed)",
                        cv3 ? "CV3 (jackknife)" : "CR", 100 * (1 - b->conf_level),
                        cv3 ? "; MacKinnon, Nielsen & Webb 2023" : "");
    if (degenerate)
        cpr_result_add_note(r, "%zu of the %zu bootstrap draws have zero bootstrap variance (t* undefined); they count as extreme",
                            degenerate, o.B);
    if (cv3 && off)
        cpr_result_add_note(r, "the CV3 bootstrap refits without each cluster, so the %zu effects not nested in the clusters enter as dummies", off);
    if (s->kind == CPR_MODEL_FE && !cv3)
        cpr_result_add_note(r, s->effects == CPR_EFFECTS_ENTITY
                            ? "bootstrap on the within-transformed data (entity effects absorbed, as boottest)"
                            : "bootstrap on the within-transformed data: the time effects are not nested in the clusters, so they are partialled out with the entity effects before resampling");
    if (unbounded)
        cpr_result_add_note(r, "a bootstrap interval shown as NA is unbounded on that side: no value is rejected there (too few clusters or weak identification)");
    return CPR_OK;
}
