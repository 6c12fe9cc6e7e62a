/* Partialled IV arrays and the instrument Wald test (see iv_internal.h). */
#include "iv_internal.h"
#include "cpr/iv_kclass.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int iv_part_build(const cpr_design *d, const cpr_model_spec *s, iv_part *p)
{
    memset(p, 0, sizeof *p);
    int rc = cpr_iv_data_build(d, s, &p->v);
    if (rc != CPR_OK) return rc;
    size_t n = p->v.n, kex = p->v.kex;
    p->n = n; p->K = p->v.ke; p->L1 = p->v.kz; p->d = d;
    p->y = cpr_malloc(n * sizeof *p->y);
    p->x = cpr_malloc(n * p->K * sizeof *p->x);
    p->z = cpr_malloc(n * p->L1 * sizeof *p->z);
    rc = cpr_iv_resid_on(p->v.X, n, kex, p->v.y, 1, p->y);
    if (rc == CPR_OK) rc = cpr_iv_resid_on(p->v.X, n, kex, p->v.X + kex * n, p->K, p->x);
    if (rc == CPR_OK) rc = cpr_iv_resid_on(p->v.X, n, kex, p->v.Z, p->L1, p->z);
    p->zzinv = cpr_malloc(p->L1 * p->L1 * sizeof *p->zzinv);
    for (size_t a = 0; rc == CPR_OK && a < p->L1; a++)
        for (size_t b = a; b < p->L1; b++) {
            long double t = 0;
            for (size_t i = 0; i < n; i++) t += (long double)p->z[a * n + i] * p->z[b * n + i];
            p->zzinv[a * p->L1 + b] = p->zzinv[b * p->L1 + a] = (double)t;
        }
    if (rc == CPR_OK) rc = cpr_spd_inverse(p->zzinv, p->L1);
    double L = (double)(kex + p->L1);
    p->dfr = (double)n - L - p->v.absorbed;
    p->k_stata = L;
    if (p->v.fe) {
        /* as the first stage of an FE model: constant + levels not nested in the cluster */
        cpr_absorb a = cpr_absorb_for(d, s);
        p->k_stata = L + 1;
        if (d->cluster && a.effects != CPR_EFFECTS_TIME && !cpr_codes_nested(d->entity, d->n_entities, d->cluster, n))
            p->k_stata += (double)d->n_entities - 1;
        if (d->cluster && a.effects != CPR_EFFECTS_ENTITY && !cpr_codes_nested(d->time, d->n_times, d->cluster, n))
            p->k_stata += (double)d->n_times - 1;
    }
    p->asymptotic = s->asymptotic;
    p->se = s->asymptotic && s->se == CPR_SE_HC1 ? CPR_SE_HC0 : s->se;
    /* CR2/CR3 need the absorbed structure the partialled arrays no longer
     * carry: the diagnostics use CR1 then (a note says so) */
    p->cr1_instead = p->se == CPR_SE_CR2 || p->se == CPR_SE_CR3 || p->se == CPR_SE_CR3J;
    if (p->cr1_instead) p->se = CPR_SE_CLUSTER;
    p->ssc = s->asymptotic ? CPR_SSC_NONE : s->ssc;
    if (rc != CPR_OK) iv_part_clear(p);
    return rc;
}

void iv_part_clear(iv_part *p)
{
    cpr_iv_data_clear(&p->v);
    free(p->y); free(p->x); free(p->z); free(p->zzinv);
    memset(p, 0, sizeof *p);
}

void iv_part_ols(const iv_part *p, const double *e, double *b, double *r)
{
    size_t n = p->n, L1 = p->L1;
    double *ze = cpr_malloc(L1 * sizeof *ze);
    for (size_t a = 0; a < L1; a++) {
        long double t = 0;
        for (size_t i = 0; i < n; i++) t += (long double)p->z[a * n + i] * e[i];
        ze[a] = (double)t;
    }
    for (size_t a = 0; a < L1; a++) {
        long double t = 0;
        for (size_t c = 0; c < L1; c++) t += (long double)p->zzinv[a * L1 + c] * ze[c];
        b[a] = (double)t;
    }
    for (size_t i = 0; r && i < n; i++) {
        long double t = e[i];
        for (size_t a = 0; a < L1; a++) t -= (long double)p->z[a * n + i] * b[a];
        r[i] = (double)t;
    }
    free(ze);
}

int iv_part_wald(const iv_part *p, const double *b, const double *r, double *W)
{
    size_t n = p->n, L1 = p->L1;
    long double rss = 0;
    for (size_t i = 0; i < n; i++) rss += (long double)r[i] * r[i];
    cpr_vcov_in in = cpr_vcov_in_init(n, L1, p->z, r, p->zzinv, (double)rss, p->asymptotic ? (double)n : p->dfr,
                                      p->k_stata, p->k_stata, p->d);
    double *V = cpr_malloc(L1 * L1 * sizeof *V);
    cpr_vcov_info info;
    int rc = cpr_vcov(&in, p->se, p->ssc, -1, V, &info);
    cpr_vcov_info_clear(&info);
    size_t *idx = cpr_malloc(L1 * sizeof *idx);
    for (size_t j = 0; j < L1; j++) idx[j] = j;
    if (rc == CPR_OK) rc = cpr_wald(b, V, L1, idx, L1, W);
    free(V); free(idx);
    return rc;
}

double iv_part_df(const iv_part *p)
{
    if (p->asymptotic) return 0;
    if (p->se == CPR_SE_CLUSTER && p->d->n_clusters > 1) return (double)p->d->n_clusters - 1;
    if (p->se == CPR_SE_CLUSTER2 && p->d->n_clusters > 1 && p->d->n_cluster2 > 1)
        return (double)(p->d->n_clusters < p->d->n_cluster2 ? p->d->n_clusters : p->d->n_cluster2) - 1;
    if (p->se == CPR_SE_DK && p->d->n_times > 1) return (double)p->d->n_times - 1;
    return p->dfr;
}
