/* The fitted-model object: allocation, ownership of its buffers, the
 * residuals and fitted values on the design's rows. */
#include "cpr/fit.h"
#include "cpr/gmm.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

cpr_fit *cpr_fit_alloc(const cpr_design *d, const cpr_model_spec *s)
{
    cpr_fit *f = cpr_calloc(1, sizeof *f);
    f->d = d;
    if (s) f->spec = *s;
    else cpr_model_spec_default(&f->spec);
    if (d) {   /* the final rows are d's rows unless the estimator says otherwise */
        f->cluster = d->cluster; f->n_clusters = d->n_clusters;
        f->cluster2 = d->cluster2; f->n_cluster2 = d->n_cluster2;
        f->time = d->time; f->n_times = d->n_times;
        f->cluster_name = d->cluster_name;
    }
    return f;
}

void *cpr_fit_own(cpr_fit *f, void *p)
{
    for (size_t i = 0; i < sizeof f->owned / sizeof f->owned[0]; i++)
        if (!f->owned[i]) { f->owned[i] = p; return p; }
    abort();   /* a programming error: more buffers than slots */
}

void cpr_fit_free(cpr_fit *f)
{
    if (!f) return;
    cpr_result_free(f->r);
    cpr_reg_clear(&f->g);
    cpr_wts_clear(&f->wt);
    free(f->cons_xbar);
    cpr_gmm_part_free(f->gmm);
    for (size_t i = 0; i < sizeof f->owned / sizeof f->owned[0]; i++) free(f->owned[i]);
    free(f);
}

cpr_result *cpr_fit_take_result(cpr_fit *f)
{
    cpr_result *r = f->r;
    f->r = NULL;
    return r;
}

void cpr_fit_set_residuals(cpr_fit *f, const double *e, const double *sw)
{
    cpr_result *r = f->r;
    const cpr_reg *g = &f->g;
    size_t n = f->d->n;
    free(r->residuals); free(r->fitted);
    r->residuals = cpr_malloc(n * sizeof *r->residuals);
    r->fitted = cpr_malloc(n * sizeof *r->fitted);
    if (e) memcpy(r->residuals, e, n * sizeof *e);
    else {   /* y - X b over the kept columns in order, in double */
        memcpy(r->residuals, f->y, n * sizeof *f->y);
        for (size_t j = 0; j < g->k; j++)
            for (size_t i = 0; i < n; i++) r->residuals[i] -= g->ls.beta[j] * g->X[j * n + i];
    }
    for (size_t i = 0; i < n; i++) {
        if (sw) r->residuals[i] /= sw[i];   /* back from the sqrt(w)-scaled rows */
        r->fitted[i] = f->d->y[i] - r->residuals[i];
    }
}

void cpr_fit_take_residuals(cpr_fit *f)
{
    cpr_result *r = f->r;
    free(r->residuals); free(r->fitted);
    r->residuals = f->g.ls.resid;
    r->fitted = NULL;
    f->g.ls.resid = NULL;
    f->resid = r->residuals;
}

void cpr_fit_add_xb(const cpr_design *d, const cpr_reg *g, int with_const, double *out)
{
    size_t n = d->n;
    for (size_t j = 0; j < g->k; j++) {   /* kept columns: find each in d by name */
        if (!with_const && (long)j == g->const_idx) continue;
        size_t col = 0;
        while (col < d->k && strcmp(d->names[col], g->names[j]) != 0) col++;
        if (col == d->k) continue;   /* cannot happen: g's names are d's */
        for (size_t i = 0; i < n; i++) out[i] += d->X[col * n + i] * g->ls.beta[j];
    }
}

void cpr_fit_set_level_residuals(cpr_fit *f)
{
    cpr_result *r = f->r;
    const cpr_reg *g = &f->g;
    const cpr_design *d = f->d;
    size_t n = d->n;
    free(r->residuals); free(r->fitted);
    r->residuals = cpr_malloc(n * sizeof *r->residuals);
    r->fitted = cpr_calloc(n, sizeof *r->fitted);
    cpr_fit_add_xb(d, g, 1, r->fitted);
    for (size_t i = 0; i < n; i++) r->residuals[i] = d->y[i] - r->fitted[i];
}
