/* Difference GMM estimation: one step with the MA(1) weight H, two steps
 * with the weight from one-step residuals, robust / Windmeijer variances.
 * The formulas follow plm's pgmm and vcovHC.pgmm term by term, so results
 * can be compared with R at rounding level (tests/unit/test_gmm.c). */
#include "gmm_internal.h"

#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gsl_matrix *WX, *A1, *A2, *S2, *M1, *M2, *V1r, *V;
    gsl_vector *Wy, *b1, *b2;
    double *e1, *e2, *c1;   /* residuals G*m; W_i'e1_i G*L */
    int pinv;
} gmm_work;

/* entity i's m x ncol block of a stacked row-major matrix */
#define block(A, i, m, ncol) gsl_matrix_const_view_array((A) + (i) * (m) * (ncol), (m), (ncol))

/* WX = sum W_i' X_i, Wy = sum W_i' y_i, S1 = sum W_i' H W_i. */
static void moments(const gmm_sys *g, gmm_work *w, gsl_matrix *S1)
{
    size_t m = g->m, L = g->L;
    gsl_matrix *HW = gsl_matrix_alloc(m, L);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = block(g->W, i, m, L), Xi = block(g->X, i, m, g->K);
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

/* With weight A: B = (WX' A WX)^-1, M = B WX' A (K x L), b = M Wy. */
static int weighted(const gmm_work *w, const gsl_matrix *A, gsl_matrix *M, gsl_vector *b, int *pinv)
{
    size_t K = w->WX->size2, L = w->WX->size1;
    gsl_matrix *XA = gsl_matrix_alloc(K, L), *B = gsl_matrix_alloc(K, K);
    gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, w->WX, A, 0, XA);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, XA, w->WX, 0, B);
    int rc = gmm_sym_inverse(B, pinv);
    if (!rc) {
        gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, B, XA, 0, M);
        gsl_blas_dgemv(CblasNoTrans, 1, M, w->Wy, 0, b);
    }
    gsl_matrix_free(XA); gsl_matrix_free(B);
    return rc;
}

static void residuals(const gmm_sys *g, const gsl_vector *b, double *e)
{
    for (size_t row = 0; row < g->G * g->m; row++) {
        double v = g->y[row];
        for (size_t j = 0; j < g->K; j++) v -= g->X[row * g->K + j] * gsl_vector_get(b, j);
        e[row] = v;
    }
}

/* z = sum_i W_i' e_i; c (optional, G*L) keeps each entity's W_i' e_i. */
static void w_e(const gmm_sys *g, const double *e, gsl_vector *z, double *c)
{
    gsl_vector_set_zero(z);
    gsl_vector *ci = gsl_vector_alloc(g->L);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = block(g->W, i, g->m, g->L);
        gsl_vector_const_view ei = gsl_vector_const_view_array(e + i * g->m, g->m);
        gsl_blas_dgemv(CblasTrans, 1, &Wi.matrix, &ei.vector, 0, ci);
        gsl_vector_add(z, ci);
        if (c) memcpy(c + i * g->L, ci->data, g->L * sizeof *c);
    }
    gsl_vector_free(ci);
}

/* out = M S M' (K x K). */
static void sandwich(const gsl_matrix *M, const gsl_matrix *S, gsl_matrix *out)
{
    gsl_matrix *T = gsl_matrix_alloc(M->size1, S->size2);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, M, S, 0, T);
    gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, T, M, 0, out);
    gsl_matrix_free(T);
}

static double quad(const gsl_vector *z, const gsl_matrix *A)
{
    gsl_vector *Az = gsl_vector_alloc(z->size);
    double q;
    gsl_blas_dsymv(CblasUpper, 1, A, z, 0, Az);
    gsl_blas_ddot(z, Az, &q);
    gsl_vector_free(Az);
    return q;
}

/* Windmeijer (2005): V = B2 + D B2 + B2 D' + D V1r D', column k of D =
 * M2 sum_i [a_ik (c_i'P) + c_i (a_ik'P)], a_ik = W_i' x_ik, c_i = W_i' e1_i,
 * P = A2 sum_i W_i' e2_i (the derivative of the weight matrix). */
static void windmeijer(const gmm_sys *g, gmm_work *w, const gsl_matrix *B2)
{
    size_t K = g->K, L = g->L;
    gsl_vector *z2 = gsl_vector_alloc(L), *P = gsl_vector_alloc(L);
    w_e(g, w->e2, z2, NULL);
    gsl_blas_dsymv(CblasUpper, 1, w->A2, z2, 0, P);
    gsl_matrix *Ai = gsl_matrix_alloc(L, K), *Vk = gsl_matrix_calloc(L, K), *D = gsl_matrix_alloc(K, K);
    gsl_vector *t = gsl_vector_alloc(K);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = block(g->W, i, g->m, L), Xi = block(g->X, i, g->m, K);
        gsl_vector_const_view ci = gsl_vector_const_view_array(w->c1 + i * L, L);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &Wi.matrix, &Xi.matrix, 0, Ai);
        double s;
        gsl_blas_ddot(&ci.vector, P, &s);
        gsl_blas_dgemv(CblasTrans, 1, Ai, P, 0, t);
        for (size_t a = 0; a < L; a++)
            for (size_t k = 0; k < K; k++)
                Vk->data[a * K + k] += Ai->data[a * K + k] * s + ci.vector.data[a] * t->data[k];
    }
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, w->M2, Vk, 0, D);
    gsl_matrix *DB = gsl_matrix_alloc(K, K), *DV = gsl_matrix_alloc(K, K);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, D, B2, 0, DB);
    sandwich(D, w->V1r, DV);
    for (size_t a = 0; a < K; a++)
        for (size_t b = 0; b < K; b++)
            gsl_matrix_set(w->V, a, b, gsl_matrix_get(B2, a, b) + gsl_matrix_get(DB, a, b)
                                       + gsl_matrix_get(DB, b, a) + gsl_matrix_get(DV, a, b));
    gsl_matrix_free(DB); gsl_matrix_free(DV); gsl_matrix_free(Ai); gsl_matrix_free(Vk);
    gsl_matrix_free(D); gsl_vector_free(t); gsl_vector_free(z2); gsl_vector_free(P);
}

static void work_free(gmm_work *w)
{
    gsl_matrix *ms[] = {w->WX, w->A1, w->A2, w->S2, w->M1, w->M2, w->V1r, w->V};
    for (size_t j = 0; j < sizeof ms / sizeof *ms; j++) if (ms[j]) gsl_matrix_free(ms[j]);
    if (w->Wy) gsl_vector_free(w->Wy);
    if (w->b1) gsl_vector_free(w->b1);
    if (w->b2) gsl_vector_free(w->b2);
    free(w->e1); free(w->e2); free(w->c1);
}

/* Both steps; fills w (b, V = robust variance of the chosen step). */
static int estimate(const gmm_sys *g, int twostep, gmm_work *w)
{
    size_t K = g->K, L = g->L, n = g->G * g->m;
    w->WX = gsl_matrix_calloc(L, K); w->Wy = gsl_vector_calloc(L);
    w->A1 = gsl_matrix_calloc(L, L); w->S2 = gsl_matrix_calloc(L, L);
    w->M1 = gsl_matrix_alloc(K, L); w->b1 = gsl_vector_alloc(K);
    w->V1r = gsl_matrix_alloc(K, K); w->V = gsl_matrix_alloc(K, K);
    w->e1 = cpr_malloc(n * sizeof *w->e1); w->c1 = cpr_malloc(g->G * L * sizeof *w->c1);
    moments(g, w, w->A1);
    int rc = gmm_sym_inverse(w->A1, &w->pinv);
    if (!rc) rc = weighted(w, w->A1, w->M1, w->b1, &w->pinv);
    if (rc) return rc;
    residuals(g, w->b1, w->e1);
    gsl_vector *z = gsl_vector_alloc(L);
    w_e(g, w->e1, z, w->c1);
    gsl_vector_free(z);
    for (size_t i = 0; i < g->G; i++) {
        gsl_vector_const_view ci = gsl_vector_const_view_array(w->c1 + i * L, L);
        gsl_blas_dger(1, &ci.vector, &ci.vector, w->S2);
    }
    w->A2 = gsl_matrix_alloc(L, L);
    gsl_matrix_memcpy(w->A2, w->S2);
    if ((rc = gmm_sym_inverse(w->A2, &w->pinv))) return rc;
    sandwich(w->M1, w->S2, w->V1r);   /* robust one-step: B1 WX'A1 S2 A1 WX B1 */
    if (!twostep) { gsl_matrix_memcpy(w->V, w->V1r); return CPR_OK; }
    w->M2 = gsl_matrix_alloc(K, L); w->b2 = gsl_vector_alloc(K);
    if ((rc = weighted(w, w->A2, w->M2, w->b2, &w->pinv))) return rc;
    w->e2 = cpr_malloc(n * sizeof *w->e2);
    residuals(g, w->b2, w->e2);
    /* B2 = (WX' A2 WX)^-1, the non-robust two-step variance */
    gsl_matrix *B2 = gsl_matrix_alloc(K, K), *XA = gsl_matrix_alloc(K, L);
    gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, w->WX, w->A2, 0, XA);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, XA, w->WX, 0, B2);
    rc = gmm_sym_inverse(B2, &w->pinv);
    if (!rc) windmeijer(g, w, B2);
    gsl_matrix_free(B2); gsl_matrix_free(XA);
    if (rc) return rc;
    return CPR_OK;
}

static void add_chi2(cpr_result *r, const char *name, const char *label, double stat, double df, const char *note)
{
    cpr_result_add_test(r, name, label, stat, df, 0, df > 0 ? gsl_cdf_chisq_Q(stat, df) : NAN, note);
}

static void add_normal(cpr_result *r, const char *name, const char *label, double stat, const char *note)
{
    cpr_result_add_test(r, name, label, stat, NAN, 0, 2 * gsl_cdf_ugaussian_Q(fabs(stat)), note);
}

/* Specification tests on the final residuals e (M, A: the chosen step's
 * influence matrix and weight). */
static void add_tests(cpr_result *r, const gmm_sys *g, const gmm_work *w, int twostep)
{
    size_t K = g->K, L = g->L;
    const double *e = twostep ? w->e2 : w->e1;
    const gsl_matrix *M = twostep ? w->M2 : w->M1;
    double ar1, ar2;
    gmm_ar_test(g, e, M, w->V, 1, &ar1);
    gmm_ar_test(g, e, M, w->V, 2, &ar2);
    add_normal(r, "ar1", "Arellano-Bond AR(1) in first differences", ar1, "N(0,1); H0: no autocorrelation (rejection expected)");
    add_normal(r, "ar2", "Arellano-Bond AR(2) in first differences", ar2, "N(0,1); H0: no second-order autocorrelation");
    double df = (double)L - (double)K;
    gsl_vector *z = gsl_vector_alloc(L);
    w_e(g, e, z, NULL);
    add_chi2(r, "hansen", "Hansen J (robust weight from one-step residuals; plm's sargan)", quad(z, w->A2), df,
             "H0: the instruments are valid (overidentifying restrictions hold)");
    /* classical Sargan of the one-step estimate: z1' (sum W'HW)^-1 z1 / s2 */
    double ssr = 0;
    for (size_t row = 0; row < g->G * g->m; row++) ssr += w->e1[row] * w->e1[row];
    double s2 = ssr / (2.0 * ((double)g->nobs - (double)K));
    w_e(g, w->e1, z, NULL);
    add_chi2(r, "sargan", "Sargan (one-step, not robust to heteroskedasticity)", quad(z, w->A1) / s2, df,
             "H0: the instruments are valid; s2 = e'e / (2 (n - K)) from one-step differenced residuals");
    gsl_vector_free(z);
    cpr_result_add_stat(r, "sigma2", "sigma^2 of the level errors, one-step (e'e / (2 (n - K)))", s2, 0);
    /* Wald test of the slopes other than the time dummies */
    size_t q = K - g->n_dummies, *idx = cpr_malloc((q ? q : 1) * sizeof *idx);
    for (size_t j = 0; j < q; j++) idx[j] = j;
    double Wd;
    cpr_error_scope es;   /* no Wald test is not an error */
    cpr_error_scope_begin(&es);
    int wrc = q ? cpr_wald(r->estimate, r->vcov, K, idx, q, &Wd) : CPR_E_NUMERIC;
    cpr_error_scope_end(&es);
    if (wrc == CPR_OK)
        add_chi2(r, "wald_coef", "Wald test of the coefficients (time dummies excluded)", Wd, (double)q,
                 "H0: all coefficients except the time dummies are zero; robust variance");
    free(idx);
}

int cpr_gmm_fit(const cpr_gmm_spec *s, cpr_result **out)
{
    *out = NULL;
    gmm_sys g;
    int rc = gmm_sys_build(s, &g);
    if (rc) return rc;
    if (g.nobs <= g.K) {
        gmm_sys_clear(&g);
        return cpr_fail(CPR_E_NUMERIC, "gmm: %zu usable differenced observations for %zu coefficients", g.nobs, g.K);
    }
    gmm_work w = {0};
    rc = estimate(&g, s->twostep, &w);
    if (rc) { work_free(&w); gmm_sys_clear(&g); return rc; }
    size_t K = g.K;
    cpr_result *r = cpr_result_alloc(K);
    r->model = cpr_strdup("gmm");
    r->estimator = cpr_strdup(s->twostep ? "Arellano-Bond difference GMM, two-step" : "Arellano-Bond difference GMM, one-step");
    r->se_type = cpr_strdup(s->twostep ? "windmeijer" : "robust");
    r->se_label = cpr_strdup(s->twostep ? "Windmeijer (2005) corrected two-step, clustered by entity"
                                        : "Robust one-step (clustered by entity)");
    r->nobs = g.nobs; r->n_groups = s->G; r->n_periods = s->T; r->n_clusters = s->G;
    r->conf_level = s->conf_level > 0 ? s->conf_level : 0.95;
    r->df_resid = 0;
    const gsl_vector *b = s->twostep ? w.b2 : w.b1;
    for (size_t j = 0; j < K; j++) {
        cpr_result_set_term(r, j, g.names[j]);
        r->estimate[j] = gsl_vector_get(b, j);
        for (size_t a = 0; a < K; a++) r->vcov[j * K + a] = gsl_matrix_get(w.V, j, a);
        r->std_error[j] = sqrt(r->vcov[j * K + j]);
    }
    cpr_result_finish_inference(r);
    cpr_result_add_stat(r, "n_instruments", "Instruments", (double)g.L, 1);
    cpr_result_add_stat(r, "n_gmm_instruments", "GMM-style instrument columns", (double)g.n_gmm_cols, 1);
    add_tests(r, &g, &w, s->twostep);
    cpr_result_add_note(r, "instruments: levels of the outcome at lags %d..%d%s; exogenous regressors in differences%s",
                        s->lag_min, s->lag_max, s->collapse ? " (collapsed: one column per lag)" : " (one set per period)",
                        g.n_dummies ? "; time dummies in differences" : "");
    if (g.L > g.G)
        cpr_result_add_note(r, "%zu instruments for %zu groups: the weight matrix is singular and the Hansen test is "
                               "not informative (it is bounded by the number of groups); use --collapse or fewer --gmm-lags",
                            g.L, g.G);
    for (size_t j = 0; j < g.ndropped; j++)
        cpr_result_add_note(r, "dropped %s (no variation over time: removed by differencing)", g.dropped[j]);
    if (w.pinv) cpr_result_add_note(r, "a weight or moment matrix was singular: a generalized inverse was used");
    *out = r;
    work_free(&w);
    gmm_sys_clear(&g);
    return CPR_OK;
}
