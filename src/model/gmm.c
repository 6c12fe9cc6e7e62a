/* Difference GMM estimation: one step with the MA(1) weight H, two steps
 * with the weight from one-step residuals. The formulas follow plm's pgmm
 * term by term, so results can be compared with R at rounding level
 * (tests/unit/test_gmm.c). The estimate is a fitted model (cpr_fit with
 * its GMM part); variances and tests are inference's (src/infer/gmm_*.c). */
#include "gmm_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* WX = sum W_i' X_i, Wy = sum W_i' y_i, S1 = sum W_i' H W_i. */
static void moments(const cpr_gmm_sys *g, cpr_gmm_part *w, gsl_matrix *S1)
{
    size_t m = g->m, L = g->L;
    gsl_matrix *HW = gsl_matrix_alloc(m, L);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = CPR_GMM_BLOCK(g->W, i, m, L), Xi = CPR_GMM_BLOCK(g->X, i, m, g->K);
        gsl_vector_const_view yi = gsl_vector_const_view_array(g->y + i * m, m);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &Wi.matrix, &Xi.matrix, 1, w->WX);
        gsl_blas_dgemv(CblasTrans, 1, &Wi.matrix, &yi.vector, 1, w->Wy);
        for (size_t r = 0; r < m; r++)      /* H = 2 on the diagonal, -1 beside it */
            for (size_t a = 0; a < L; a++) {
                double v = 2 * gsl_matrix_get(&Wi.matrix, r, a);
                if (r > 0) v -= gsl_matrix_get(&Wi.matrix, r - 1, a);
                if (r + 1 < m) v -= gsl_matrix_get(&Wi.matrix, r + 1, a);
                gsl_matrix_set(HW, r, a, v);
            }
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &Wi.matrix, HW, 1, S1);
    }
    gsl_matrix_free(HW);
}

/* With weight A: B = (WX' A WX)^-1 (kept in *Bout when given), M = B WX' A
 * (K x L), b = M Wy. */
static int weighted(const cpr_gmm_part *w, const gsl_matrix *A, gsl_matrix *M, gsl_vector *b, gsl_matrix **Bout, int *pinv)
{
    size_t K = w->WX->size2, L = w->WX->size1;
    gsl_matrix *XA = gsl_matrix_alloc(K, L), *B = gsl_matrix_alloc(K, K);
    gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, w->WX, A, 0, XA);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, XA, w->WX, 0, B);
    int rc = cpr_gmm_sym_inverse(B, pinv);
    if (!rc) {
        gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, B, XA, 0, M);
        gsl_blas_dgemv(CblasNoTrans, 1, M, w->Wy, 0, b);
    }
    gsl_matrix_free(XA);
    if (!rc && Bout) *Bout = B;
    else gsl_matrix_free(B);
    return rc;
}

static void residuals(const cpr_gmm_sys *g, const gsl_vector *b, double *e)
{
    for (size_t row = 0; row < g->G * g->m; row++) {
        double v = g->y[row];
        for (size_t j = 0; j < g->K; j++) v -= g->X[row * g->K + j] * gsl_vector_get(b, j);
        e[row] = v;
    }
}

/* Both steps (the second only when asked); the weight A2 from the one-step
 * residuals is always formed: Hansen's J uses it after one step too. */
static int estimate(int twostep, cpr_gmm_part *w)
{
    const cpr_gmm_sys *g = &w->sys;
    size_t K = g->K, L = g->L, n = g->G * g->m;
    w->WX = gsl_matrix_calloc(L, K); w->Wy = gsl_vector_calloc(L);
    w->A1 = gsl_matrix_calloc(L, L); w->S2 = gsl_matrix_calloc(L, L);
    w->M1 = gsl_matrix_alloc(K, L); w->b1 = gsl_vector_alloc(K);
    w->e1 = cpr_malloc(n * sizeof *w->e1); w->c1 = cpr_malloc(g->G * L * sizeof *w->c1);
    moments(g, w, w->A1);
    int rc = cpr_gmm_sym_inverse(w->A1, &w->pinv);
    if (!rc) rc = weighted(w, w->A1, w->M1, w->b1, NULL, &w->pinv);
    if (rc) return rc;
    residuals(g, w->b1, w->e1);
    gsl_vector *z = gsl_vector_alloc(L);
    cpr_gmm_w_e(g, w->e1, z, w->c1);
    gsl_vector_free(z);
    for (size_t i = 0; i < g->G; i++) {
        gsl_vector_const_view ci = gsl_vector_const_view_array(w->c1 + i * L, L);
        gsl_blas_dger(1, &ci.vector, &ci.vector, w->S2);
    }
    w->A2 = gsl_matrix_alloc(L, L);
    gsl_matrix_memcpy(w->A2, w->S2);
    if ((rc = cpr_gmm_sym_inverse(w->A2, &w->pinv))) return rc;
    if (!twostep) return CPR_OK;
    w->M2 = gsl_matrix_alloc(K, L); w->b2 = gsl_vector_alloc(K);
    if ((rc = weighted(w, w->A2, w->M2, w->b2, &w->B2, &w->pinv))) return rc;
    w->e2 = cpr_malloc(n * sizeof *w->e2);
    residuals(g, w->b2, w->e2);
    return CPR_OK;
}

/* Differenced residuals and fitted values of the chosen step on the spec's
 * grid (G*T), NAN where no equation. */
static void grid_residuals(const cpr_gmm_part *w, cpr_result *r)
{
    const cpr_gmm_sys *g = &w->sys;
    const double *e = w->twostep ? w->e2 : w->e1;
    size_t cells = g->G * g->T;
    r->residuals = cpr_malloc(cells * sizeof *r->residuals);
    r->fitted = cpr_malloc(cells * sizeof *r->fitted);
    for (size_t c = 0; c < cells; c++) r->residuals[c] = r->fitted[c] = NAN;
    for (size_t i = 0; i < g->G; i++)
        for (size_t q = 0; q < g->m; q++) {
            size_t row = i * g->m + q, c = i * g->T + (size_t)g->first + q;
            if (!g->used[row]) continue;
            r->residuals[c] = e[row];
            r->fitted[c] = g->y[row] - e[row];
        }
}

int cpr_gmm_estimate(const cpr_gmm_spec *s, cpr_fit **out)
{
    *out = NULL;
    cpr_gmm_part *w = cpr_calloc(1, sizeof *w);
    int rc = gmm_sys_build(s, &w->sys);
    if (rc) { free(w); return rc; }
    const cpr_gmm_sys *g = &w->sys;
    if (g->nobs <= g->K) {
        rc = cpr_fail(CPR_E_NUMERIC, "gmm: %zu usable differenced observations for %zu coefficients", g->nobs, g->K);
        cpr_gmm_part_free(w);
        return rc;
    }
    w->twostep = s->twostep != 0;
    if ((rc = estimate(w->twostep, w))) { cpr_gmm_part_free(w); return rc; }
    size_t K = g->K;
    cpr_fit *f = cpr_fit_alloc(NULL, NULL);
    f->gmm = w;
    f->tests = CPR_FIT_TESTS_GMM;
    f->normal = 1;
    cpr_result *r = f->r = cpr_result_alloc(K);
    r->model = cpr_strdup("gmm");
    r->estimator = cpr_strdup(s->twostep ? "Arellano-Bond difference GMM, two-step" : "Arellano-Bond difference GMM, one-step");
    r->nobs = g->nobs; r->n_groups = s->G; r->n_periods = s->T;
    r->conf_level = s->conf_level > 0 ? s->conf_level : 0.95;
    r->df_resid = 0;
    const gsl_vector *b = s->twostep ? w->b2 : w->b1;
    for (size_t j = 0; j < K; j++) {
        cpr_result_set_term(r, j, g->names[j]);
        r->estimate[j] = gsl_vector_get(b, j);
    }
    cpr_result_add_stat(r, "n_instruments", "Instruments", (double)g->L, 1);
    cpr_result_add_stat(r, "n_gmm_instruments", "GMM-style instrument columns", (double)g->n_gmm_cols, 1);
    f->infer_at = cpr_result_mark_now(r);   /* the tests and sigma2 go here */
    cpr_result_add_note(r, "instruments: levels of the outcome at lags %d..%d%s; exogenous regressors in differences%s",
                        s->lag_min, s->lag_max, s->collapse ? " (collapsed: one column per lag)" : " (one set per period)",
                        g->n_dummies ? "; time dummies in differences" : "");
    if (g->L > g->G)
        cpr_result_add_note(r, "%zu instruments for %zu groups: the weight matrix is singular and the Hansen test is "
                               "not informative (it is bounded by the number of groups); use --collapse or fewer --gmm-lags",
                            g->L, g->G);
    for (size_t j = 0; j < g->ndropped; j++)
        cpr_result_add_note(r, "dropped %s (no variation over time: removed by differencing)", g->dropped[j]);
    if (w->pinv) cpr_result_add_note(r, "a weight or moment matrix was singular: a generalized inverse was used");
    grid_residuals(w, r);
    *out = f;
    return CPR_OK;
}
