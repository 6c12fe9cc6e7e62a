/* The pieces every variance estimator shares (vcov.c, dk.c, cr2.c): the
 * sandwich B M B, the cluster meat, and the jackknife view of a variance
 * input. Kept apart so that the estimators call down into one file and
 * never into each other. */
#include "cpr/infer.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

void cpr_sandwich(const double *B, const double *M, size_t k, double factor, double *V)
{
    double *T = cpr_calloc(k * k, sizeof *T);
    for (size_t a = 0; a < k; a++)
        for (size_t c = 0; c < k; c++) {
            double s = 0;
            for (size_t b = 0; b < k; b++) s += B[a * k + b] * M[b * k + c];
            T[a * k + c] = s;
        }
    for (size_t a = 0; a < k; a++)
        for (size_t c = a; c < k; c++) {
            double s = 0;
            for (size_t b = 0; b < k; b++) s += T[a * k + b] * B[b * k + c];
            V[a * k + c] = V[c * k + a] = factor * s;
        }
    free(T);
}

void cpr_meat_cluster(const double *X, const double *e, size_t n, size_t k,
                      const int *g, size_t ng, double *M)
{
    double *S = cpr_calloc(ng * k, sizeof *S);   /* scores summed by cluster */
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < n; i++) S[(size_t)g[i] * k + j] += X[j * n + i] * e[i];
    memset(M, 0, k * k * sizeof *M);
    for (size_t c = 0; c < ng; c++)
        for (size_t a = 0; a < k; a++)
            for (size_t b = a; b < k; b++) M[a * k + b] += S[c * k + a] * S[c * k + b];
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < a; b++) M[a * k + b] = M[b * k + a];
    free(S);
}

cpr_jk_in cpr_vcov_jk_in(const cpr_vcov_in *in)
{
    cpr_jk_in j = { .n = in->n, .k = in->k, .G = in->n_clusters, .X = in->X, .resid = in->resid,
                    .cluster = in->cluster, .nest = in->fe_nest, .n_nest = in->fe_n_nest,
                    .fe = { in->fe_other[0], in->fe_other[1] }, .n_fe = { in->fe_n_other[0], in->fe_n_other[1] },
                    .has_const = in->has_const };
    return j;
}
