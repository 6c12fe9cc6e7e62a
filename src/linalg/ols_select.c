/* Which columns to drop when X is rank deficient: Gram-Schmidt in long
 * double (orthogonalized twice) over the columns in their given order, so
 * that of two collinear columns the later one is dropped (as R and Stata
 * do), whatever order a pivoted QR would pick. Only run when the pivoted
 * QR has found a deficiency. */
#include "ls_internal.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

static long double dot(const long double *a, const long double *b, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

size_t cpr_ls_select(const double *Xs, size_t n, size_t k, double tol, size_t *keep)
{
    long double *Q = cpr_malloc(n * k * sizeof *Q);   /* orthonormal kept basis */
    long double *v = cpr_malloc(n * sizeof *v);
    size_t kk = 0;
    for (size_t j = 0; j < k; j++) {
        for (size_t i = 0; i < n; i++) v[i] = Xs[j * n + i];
        long double norm0 = sqrtl(dot(v, v, n));
        for (int pass = 0; pass < 2; pass++)
            for (size_t q = 0; q < kk; q++) {
                long double c = dot(Q + q * n, v, n);
                for (size_t i = 0; i < n; i++) v[i] -= c * Q[q * n + i];
            }
        long double norm = sqrtl(dot(v, v, n));
        if (!(norm0 > 0) || norm <= tol * norm0) continue;
        for (size_t i = 0; i < n; i++) Q[kk * n + i] = v[i] / norm;
        keep[kk++] = j;
    }
    free(Q); free(v);
    return kk;
}
