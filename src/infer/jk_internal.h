/* Internals shared by the cluster jackknife (jackknife.c) and CR2 (cr2.c):
 * the columns Z = [dummies of effects not nested in the clusters, X], rows
 * grouped by cluster, and a Cholesky that drops collinear columns. */
#ifndef CPR_JK_INTERNAL_H
#define CPR_JK_INTERNAL_H

#include <stddef.h>

#include "cpr/infer.h"

/* Pivot at most 1e-10 * scale[j]: column j dropped (keep[j] = 0). */
void cpr_jk_chol_drop(long double *A, size_t q, const long double *scale, unsigned char *keep);
void cpr_jk_chol_solve(const long double *L, size_t q, const unsigned char *keep, const long double *b, long double *x);
/* n * (*pd) dummy block (NULL when *pd == 0). */
double *cpr_jk_dummies(const cpr_jk_in *in, size_t *pd);
void cpr_jk_group_rows(const int *g, size_t n, size_t G, size_t *order, size_t *start);
/* Upper triangle of Z_g'Z_g, Z_g'e_g and (mg non-NULL) Z_g'1. */
void cpr_jk_cluster_cross(const double *const *col, size_t q, const double *e, const size_t *rows, size_t m,
                          long double *Cg, long double *sg, long double *mg);
/* Z'Z summed over the clusters in cluster order (C zeroed by the caller),
 * made symmetric, with its diagonal in scale; Cg and sg are q*q and q scratch. */
void cpr_jk_cross_total(const double *const *col, size_t q, const double *e, const size_t *order,
                        const size_t *start, size_t G, long double *Cg, long double *sg, long double *C,
                        long double *scale);

#endif
