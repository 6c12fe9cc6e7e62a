/* Regression-based (Mundlak) Hausman test, Wooldridge (2010, 10.7.3):
 * pooled OLS of the RE quasi-demeaned y on the quasi-demeaned X (the
 * intercept becomes 1 - theta_i) and the within-demeaned time-varying X;
 * under H0 (RE consistent) the latter coefficients are zero. The Wald test
 * uses the variance the model asks for, so, unlike the classical test, it
 * stays valid with heteroskedastic or clustered errors; with iid SEs it is
 * plm's phtest(method = "aux"). */
#include "cpr/fit.h"
#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static double norm2(const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += (long double)x[i] * x[i];
    return sqrt((double)s);
}

int cpr_test_hausman_mundlak(const cpr_design *d, const cpr_model_spec *s, cpr_test *out)
{
    memset(out, 0, sizeof *out);
    if (!d->entity || !d->has_const) return cpr_fail(CPR_E_NUMERIC, "Mundlak test: needs panel data and an intercept");
    size_t n = d->n, G = d->n_entities, k = d->k;
    double *th = cpr_malloc(G * sizeof *th), s2e, s2u;
    int rc = cpr_re_theta(d, s->re_method, th, &s2e, &s2u);
    if (rc != CPR_OK) { free(th); return rc; }
    double *cols = cpr_malloc(n * (k + 1) * sizeof *cols), *m = cpr_malloc(G * (k + 1) * sizeof *m);
    memcpy(cols, d->y, n * sizeof *cols);
    memcpy(cols + n, d->X, n * k * sizeof *cols);
    cpr_group_means(d->entity, n, G, cols, k + 1, m);
    /* A = [quasi-demeaned X (k) | within X of the slopes that vary (q)] */
    double *A = cpr_malloc(n * 2 * k * sizeof *A), *y = cpr_malloc(n * sizeof *y);
    char **nm = cpr_malloc(2 * k * sizeof *nm);
    for (size_t i = 0; i < n; i++) y[i] = d->y[i] - th[d->entity[i]] * m[(size_t)d->entity[i] * (k + 1)];
    for (size_t j = 0; j < k; j++) {
        for (size_t i = 0; i < n; i++)
            A[j * n + i] = d->X[j * n + i] - th[d->entity[i]] * m[(size_t)d->entity[i] * (k + 1) + 1 + j];
        nm[j] = cpr_strdup(d->names[j]);
    }
    size_t q = 0;
    for (size_t j = 1; j < k; j++) {
        double *c = A + (k + q) * n;
        for (size_t i = 0; i < n; i++) c[i] = d->X[j * n + i] - m[(size_t)d->entity[i] * (k + 1) + 1 + j];
        if (norm2(c, n) <= 1e-9 * norm2(d->X + j * n, n)) continue;   /* time-invariant: no within part */
        nm[k + q] = cpr_asprintf("%s.within", d->names[j]);
        q++;
    }
    /* the auxiliary regression is a fit on d's rows (their groups): its
     * variance input comes from the one builder, cpr_vcov_in_from_fit */
    cpr_fit *f = cpr_fit_alloc(d, s);
    cpr_reg *g = &f->g;
    rc = q ? cpr_reg_fit(g, A, n, k + q, nm, -1, y, s->ls_method)
           : cpr_fail(CPR_E_NUMERIC, "Mundlak test: no regressor varies within entities");
    if (rc == CPR_OK) {
        size_t *idx = cpr_malloc(q * sizeof *idx), qq = 0;
        for (size_t j = 0; j < g->k; j++)
            if (g->ls.keep[j] >= k) idx[qq++] = j;
        double K = (double)g->k, *V = cpr_malloc(g->k * g->k * sizeof *V), W = NAN;
        f->y = y;
        f->resid = g->ls.resid;
        f->rss = g->ls.rss;
        f->df_resid = (double)n - K;
        f->k_stata = f->k_plm = K;
        cpr_vcov_in in = cpr_vcov_in_from_fit(f);
        cpr_vcov_info info = { 0 };
        rc = cpr_vcov(&in, s->se, s->ssc, s->dk_lag, V, &info);
        if (rc == CPR_OK) rc = qq ? cpr_wald(g->ls.beta, V, g->k, idx, qq, &W)
                                  : cpr_fail(CPR_E_NUMERIC, "Mundlak test: the within regressors are collinear");
        if (rc == CPR_OK) {
            out->name = cpr_strdup("hausman_mundlak");
            out->label = cpr_strdup("Hausman test, regression-based (Mundlak)");
            out->statistic = W; out->df1 = (double)qq; out->df2 = 0;
            out->p_value = gsl_cdf_chisq_Q(W, (double)qq);
            out->note = cpr_asprintf("H0: random effects are consistent (the entity means of the time-varying regressors add "
                                     "nothing); chi2 Wald test with the model's variance: %s", info.label);
        }
        cpr_vcov_info_clear(&info);
        free(idx); free(V);
    }
    cpr_fit_free(f);
    for (size_t j = 0; j < k + q; j++) free(nm[j]);
    free(nm); free(A); free(y); free(cols); free(m); free(th);
    return rc;
}
