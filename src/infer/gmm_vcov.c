/* Variances of a difference-GMM fit: the one-step cluster-robust sandwich
 * and the two-step Windmeijer (2005) correction, term by term as plm's
 * vcovHC.pgmm, into the fit's result. */
#include "cpr/gmm_infer.h"
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_blas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* out = M S M' (K x K). */
static void sandwich(const gsl_matrix *M, const gsl_matrix *S, gsl_matrix *out)
{
    gsl_matrix *T = gsl_matrix_alloc(M->size1, S->size2);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, M, S, 0, T);
    gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, T, M, 0, out);
    gsl_matrix_free(T);
}

/* Windmeijer (2005): V = B2 + D B2 + B2 D' + D V1r D', column k of D =
 * M2 sum_i [a_ik (c_i'P) + c_i (a_ik'P)], a_ik = W_i' x_ik, c_i = W_i' e1_i,
 * P = A2 sum_i W_i' e2_i (the derivative of the weight matrix). */
static void windmeijer(const cpr_gmm_part *p, const gsl_matrix *V1r, gsl_matrix *V)
{
    const cpr_gmm_sys *g = &p->sys;
    const gsl_matrix *B2 = p->B2;
    size_t K = g->K, L = g->L;
    gsl_vector *z2 = gsl_vector_alloc(L), *P = gsl_vector_alloc(L);
    cpr_gmm_w_e(g, p->e2, z2, NULL);
    gsl_blas_dsymv(CblasUpper, 1, p->A2, z2, 0, P);
    gsl_matrix *Ai = gsl_matrix_alloc(L, K), *Vk = gsl_matrix_calloc(L, K), *D = gsl_matrix_alloc(K, K);
    gsl_vector *t = gsl_vector_alloc(K);
    for (size_t i = 0; i < g->G; i++) {
        gsl_matrix_const_view Wi = CPR_GMM_BLOCK(g->W, i, g->m, L), Xi = CPR_GMM_BLOCK(g->X, i, g->m, K);
        gsl_vector_const_view ci = gsl_vector_const_view_array(p->c1 + i * L, L);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &Wi.matrix, &Xi.matrix, 0, Ai);
        double s;
        gsl_blas_ddot(&ci.vector, P, &s);
        gsl_blas_dgemv(CblasTrans, 1, Ai, P, 0, t);
        for (size_t a = 0; a < L; a++)
            for (size_t k = 0; k < K; k++)
                Vk->data[a * K + k] += Ai->data[a * K + k] * s + ci.vector.data[a] * t->data[k];
    }
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, p->M2, Vk, 0, D);
    gsl_matrix *DB = gsl_matrix_alloc(K, K), *DV = gsl_matrix_alloc(K, K);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, D, B2, 0, DB);
    sandwich(D, V1r, DV);
    for (size_t a = 0; a < K; a++)
        for (size_t b = 0; b < K; b++)
            gsl_matrix_set(V, a, b, gsl_matrix_get(B2, a, b) + gsl_matrix_get(DB, a, b)
                                    + gsl_matrix_get(DB, b, a) + gsl_matrix_get(DV, a, b));
    gsl_matrix_free(DB); gsl_matrix_free(DV); gsl_matrix_free(Ai); gsl_matrix_free(Vk);
    gsl_matrix_free(D); gsl_vector_free(t); gsl_vector_free(z2); gsl_vector_free(P);
}

void cpr_gmm_vcov(const cpr_gmm_part *p, double *V)
{
    size_t K = p->sys.K;
    gsl_matrix_view Vv = gsl_matrix_view_array(V, K, K);
    gsl_matrix *V1r = gsl_matrix_alloc(K, K);
    sandwich(p->M1, p->S2, V1r);   /* robust one-step: B1 WX'A1 S2 A1 WX B1 */
    if (p->twostep) windmeijer(p, V1r, &Vv.matrix);
    else gsl_matrix_memcpy(&Vv.matrix, V1r);
    gsl_matrix_free(V1r);
}

int cpr_infer_gmm_apply(cpr_fit *f)
{
    cpr_result *r = f->r;
    const cpr_gmm_part *p = f->gmm;
    size_t K = r->k;
    int two = p->twostep;
    cpr_gmm_vcov(p, r->vcov);
    for (size_t j = 0; j < K; j++) r->std_error[j] = sqrt(r->vcov[j * K + j]);
    free(r->se_type); free(r->se_label);
    r->se_type = cpr_strdup(two ? "windmeijer" : "robust");
    r->se_label = cpr_strdup(two ? "Windmeijer (2005) corrected two-step, clustered by entity"
                                 : "Robust one-step (clustered by entity)");
    r->n_clusters = p->sys.G;
    r->df_resid = 0;   /* z and chi2 inference */
    cpr_result_finish_inference(r);
    return CPR_OK;
}
