/* The cluster cross products of the jackknife (cpr_jk_cluster_cross) are
 * computed a chunk of rows at a time with the accumulators in registers;
 * they must equal, to the last bit, the plain row-by-row long double loop
 * they replaced (below, `plain_cross`), since the cluster diagnostics, CV3
 * and CR2 printed from them are checked against outside references. Random
 * columns of mixed magnitudes, clusters of sorted rows (read in place) and
 * of scattered rows (gathered), from 1 to 300 columns and up to three
 * chunks of rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/infer/jk_internal.h"

static void plain_cross(const double *const *col, size_t q, const double *e, const size_t *rows, size_t m,
                        long double *Cg, long double *sg, long double *mg)
{
    memset(Cg, 0, q * q * sizeof *Cg);
    memset(sg, 0, q * sizeof *sg);
    memset(mg, 0, q * sizeof *mg);
    for (size_t r = 0; r < m; r++) {
        size_t i = rows[r];
        for (size_t a = 0; a < q; a++) {
            long double za = col[a][i];
            sg[a] += za * e[i];
            mg[a] += za;
            for (size_t b = a; b < q; b++) Cg[a * q + b] += za * col[b][i];
        }
    }
}

static uint64_t rng = 88172645463325252ull;
static double unif(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}

/* a value of magnitude 1e-3 .. 1e5, some exact small integers and zeros */
static double value(void)
{
    double u = unif();
    if (u < 0.1) return 0.0;
    if (u < 0.3) return (double)(int)(unif() * 7) - 3;
    return (unif() - 0.4) * pow(10.0, unif() * 8 - 3);
}

static int same(long double a, long double b) { return a == b && signbit(a) == signbit(b); }

static void check_case(size_t n, size_t q, size_t G, int sorted)
{
    double *X = malloc(n * q * sizeof *X), *e = malloc(n * sizeof *e);
    const double **col = malloc(q * sizeof *col);
    for (size_t i = 0; i < n * q; i++) X[i] = value();
    for (size_t i = 0; i < n; i++) e[i] = value();
    for (size_t a = 0; a < q; a++) col[a] = X + a * n;
    int *g = malloc(n * sizeof *g);
    for (size_t i = 0; i < n; i++) g[i] = sorted ? (int)(i * G / n) : (int)(unif() * (double)G);
    size_t *order = malloc(n * sizeof *order), *start = malloc((G + 1) * sizeof *start);
    cpr_jk_group_rows(g, n, G, order, start);
    long double *C1 = malloc(q * q * sizeof *C1), *C2 = malloc(q * q * sizeof *C2);
    long double *s1 = malloc(q * sizeof *s1), *s2 = malloc(q * sizeof *s2);
    long double *m1 = malloc(q * sizeof *m1), *m2 = malloc(q * sizeof *m2);
    size_t bad = 0;
    for (size_t c = 0; c < G; c++) {
        size_t m = start[c + 1] - start[c];
        plain_cross(col, q, e, order + start[c], m, C1, s1, m1);
        cpr_jk_cluster_cross(col, q, e, order + start[c], m, C2, s2, m2);
        for (size_t a = 0; a < q; a++) {
            bad += !same(s1[a], s2[a]) + !same(m1[a], m2[a]);
            for (size_t b = 0; b < q; b++) bad += !same(C1[a * q + b], C2[a * q + b]);
        }
        cpr_jk_cluster_cross(col, q, e, order + start[c], m, C2, s2, NULL);
        for (size_t a = 0; a < q; a++) bad += !same(s1[a], s2[a]);
    }
    if (bad) fprintf(stderr, "n=%zu q=%zu G=%zu sorted=%d: %zu values differ\n", n, q, G, sorted, bad);
    assert_int_equal(bad, 0);
    free(X); free(e); free(col); free(g); free(order); free(start);
    free(C1); free(C2); free(s1); free(s2); free(m1); free(m2);
}

static void test_cross_bits(void **st)
{
    (void)st;
    static const size_t qs[] = {1, 2, 3, 4, 5, 7, 8, 21, 33, 300};
    for (size_t t = 0; t < sizeof qs / sizeof *qs; t++) {
        check_case(200, qs[t], 10, 1);
        check_case(200, qs[t], 10, 0);
        check_case(700, qs[t], 1, 1);      /* one cluster over several chunks */
        check_case(700, qs[t], 2, 0);
    }
    check_case(5, 3, 7, 0);                /* empty clusters */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cross_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
