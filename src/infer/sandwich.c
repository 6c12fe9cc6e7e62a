/* The pieces every variance estimator shares (vcov.c, dk.c, cr2.c): the
 * sandwich B M B, the cluster meat, and the jackknife view of a variance
 * input. Kept apart so that the estimators call down into one file and
 * never into each other. */
#include "cpr/infer.h"
#include "cpr/linalg.h"
#include "cpr/rowblocks.h"
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

/* Scores summed by cluster over rows lo .. hi-1, in row order. */
typedef struct {
    const double *X, *e;
    size_t n, k;
    const int *g;
    double *S;
    const size_t *bounds;
} scores_job;

static void scores_rows(void *p, size_t b, size_t lo, size_t hi)
{
    (void)b;
    scores_job *j = p;
    for (size_t c = 0; c < j->k; c++)
        for (size_t i = lo; i < hi; i++) j->S[(size_t)j->g[i] * j->k + c] += j->X[c * j->n + i] * j->e[i];
}

void cpr_meat_cluster(const double *X, const double *e, size_t n, size_t k,
                      const int *g, size_t ng, double *M)
{
    double *S = cpr_calloc(ng * k, sizeof *S);   /* scores summed by cluster */
    scores_job j = { X, e, n, k, g, S, NULL };
    /* rows sorted by cluster (entity clusters of a panel): spans that end
     * where a cluster does, one task each; every cluster's sum is still
     * one chain in row order, so the scores are the serial loop's for any
     * thread count */
    size_t nb = cpr_row_blocks(n);
    if (nb > 1 && cpr_codes_sorted(g, n)) {
        size_t *bounds = cpr_malloc((nb + 1) * sizeof *bounds);
        nb = cpr_row_blocks_at(g, n, bounds);
        cpr_row_spans_run(bounds, nb, scores_rows, &j);
        free(bounds);
    } else scores_rows(&j, 0, 0, n);
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
