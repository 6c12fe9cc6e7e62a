/* Transformed y, X and instruments of an IV model (see cpr/iv_data.h). */
#include "cpr/iv_data.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ABSORBED_TOL 1e-9

static double norm2(const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += (long double)x[i] * x[i];
    return sqrt((double)s);
}

int cpr_iv_data_build(const cpr_design *d, const cpr_model_spec *s, cpr_iv_data *v)
{
    memset(v, 0, sizeof *v);
    size_t n = d->n, k = d->k, kz = d->kz, nc = 1 + k + kz;
    v->n = n; v->k = k; v->kz = kz; v->ke = d->kx_endog; v->kex = k - d->kx_endog;
    v->fe = s->kind == CPR_MODEL_FE;
    v->M = cpr_malloc(n * nc * sizeof *v->M);
    memcpy(v->M, d->y, n * sizeof *v->M);
    memcpy(v->M + n, d->X, n * k * sizeof *v->M);
    memcpy(v->M + n * (1 + k), d->Z, n * kz * sizeof *v->M);
    v->y = v->M; v->X = v->M + n; v->Z = v->M + n * (1 + k);
    int rc = CPR_OK;
    if (v->fe) {
        cpr_absorb a = cpr_absorb_for(d, s);
        int iters = 0;
        rc = cpr_within_transform(&a, v->M, nc, &iters);
        v->absorbed = (double)cpr_absorb_dof(&a);
        for (size_t j = 0; rc == CPR_OK && j < k + kz; j++) {
            const double *orig = j < k ? d->X + j * n : d->Z + (j - k) * n;
            if (norm2(v->M + (1 + j) * n, n) <= ABSORBED_TOL * norm2(orig, n))
                rc = cpr_fail(CPR_E_NUMERIC, "IV: %s does not vary within the absorbed fixed effects", j < k ? d->names[j] : d->z_names[j - k]);
        }
    }
    if (rc != CPR_OK) cpr_iv_data_clear(v);
    return rc;
}

void cpr_iv_data_clear(cpr_iv_data *v)
{
    free(v->M);
    memset(v, 0, sizeof *v);
}

double *cpr_iv_data_instruments(const cpr_iv_data *v)
{
    size_t n = v->n;
    double *W = cpr_malloc(n * (v->kex + v->kz) * sizeof *W);
    memcpy(W, v->X, n * v->kex * sizeof *W);
    memcpy(W + n * v->kex, v->Z, n * v->kz * sizeof *W);
    return W;
}

double *cpr_iv_residuals(const double *y, const double *X, size_t n, size_t k, const double *beta, double *rss)
{
    double *u = cpr_malloc((n ? n : 1) * sizeof *u);
    long double ss = 0;
    for (size_t i = 0; i < n; i++) {
        long double v = y[i];
        for (size_t a = 0; a < k; a++) v -= (long double)X[a * n + i] * beta[a];
        u[i] = (double)v;
        ss += v * v;
    }
    *rss = (double)ss;
    return u;
}
