/* The exact passes of cpr/rowblocks.h against plain serial loops written
 * here: the first non-finite value (SSE2, eight at a time) and the
 * sortedness scan of group codes, with the bad value at every position of
 * the 8-value groups and at every start offset; cpr_rows_find,
 * cpr_rows_run and the per-part group counts on more than CPR_ROW_BLOCK
 * rows with 1, 2 and 3 threads, which must give the serial answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/linalg.h"
#include "cpr/rowblocks.h"
#include "cpr/threads.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t serial_nonfinite(const double *v, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (v[i] != v[i] || v[i] == INFINITY || v[i] == -INFINITY) return i;
    return hi;
}

static void test_first_nonfinite(void **state)
{
    (void)state;
    enum { N = 40 };
    const double bad[] = { NAN, -NAN, INFINITY, -INFINITY };
    const double good[] = { 0.0, -0.0, 1.5, -DBL_MAX, DBL_MAX, DBL_MIN / 4, -1e300 };
    double v[N];
    for (size_t b = 0; b < 4; b++)
        for (size_t at = 0; at <= N; at++)   /* at == N: no bad value */
            for (size_t lo = 0; lo < 9; lo++)
                for (size_t hi = lo; hi <= N; hi += 3) {
                    for (size_t i = 0; i < N; i++) v[i] = good[i % 7];
                    if (at < N) v[at] = bad[b];
                    assert_int_equal(cpr_first_nonfinite(v, lo, hi), serial_nonfinite(v, lo, hi));
                }
    /* two bad values: the first one counts */
    for (size_t i = 0; i < N; i++) v[i] = 1.0;
    v[13] = INFINITY; v[11] = NAN;
    assert_int_equal(cpr_first_nonfinite(v, 0, N), 11);
    assert_int_equal(cpr_first_nonfinite(v, 12, N), 13);
}

static int serial_sorted(const int *g, size_t n)
{
    for (size_t i = 1; i < n; i++) if (g[i] < g[i - 1]) return 0;
    return 1;
}

static void test_codes_sorted(void **state)
{
    (void)state;
    enum { N = 37 };
    int g[N];
    for (size_t n = 0; n <= N; n++)
        for (size_t at = 0; at <= n; at++) {   /* at == n: sorted */
            for (size_t i = 0; i < n; i++) g[i] = (int)(i / 3) - 2;
            if (at < n) g[at] = -100;   /* below its predecessor unless at == 0 */
            assert_int_equal(cpr_codes_sorted(g, n), serial_sorted(g, n));
        }
}

/* Big arrays: the same answer for 1, 2 and 3 threads (parts), and the
 * serial loop's. */
static size_t scan_nonfinite(void *p, size_t lo, size_t hi) { return cpr_first_nonfinite(p, lo, hi); }

typedef struct {
    const double *v;
    double sum[CPR_THREADS_MAX];
    size_t seen[CPR_THREADS_MAX];
} part_sums;

static void sum_part(void *p, size_t k, size_t lo, size_t hi)
{
    part_sums *s = p;
    double t = 0;
    for (size_t i = lo; i < hi; i++) t += s->v[i];
    s->sum[k] = t;
    s->seen[k] = hi - lo;
}

static void test_parts_any_threads(void **state)
{
    (void)state;
    size_t n = 3 * CPR_ROW_BLOCK + 12345, ng = 97;
    double *v = malloc(n * sizeof *v);
    int *g = malloc(n * sizeof *g);
    size_t *want = calloc(ng, sizeof *want), *got = malloc(ng * sizeof *got);
    for (size_t i = 0; i < n; i++) { v[i] = (double)(i % 1000); g[i] = (int)((i * 7919) % ng); want[g[i]]++; }
    size_t places[] = { 0, 5, CPR_ROW_BLOCK + 3, n / 2, n / 2 + 1, n - 1, n };   /* n: none */
    for (int t = 1; t <= 3; t++) {
        cpr_threads_set(t);
        assert_int_equal(cpr_rows_parts(n), (size_t)t);
        assert_int_equal(cpr_rows_parts(CPR_ROW_BLOCK), 1);
        for (size_t q = 0; q < sizeof places / sizeof *places; q++) {
            size_t at = places[q];
            double keep = at < n ? v[at] : 0;
            if (at < n) v[at] = NAN;
            assert_int_equal(cpr_rows_find(n, scan_nonfinite, v), at);
            if (at < n) v[at] = keep;
        }
        part_sums s = { .v = v };
        size_t parts = cpr_rows_run(n, sum_part, &s), rows = 0;
        assert_int_equal(parts, (size_t)t);
        for (size_t k = 0; k < parts; k++) rows += s.seen[k];
        assert_int_equal(rows, n);
        cpr_group_counts(g, n, ng, got);
        assert_memory_equal(got, want, ng * sizeof *got);
        size_t np, *pc = cpr_group_counts_parts(g, n, ng, &np);
        assert_int_equal(np, (size_t)t);
        for (size_t c = 0; c < ng; c++) {
            size_t tot = 0;
            for (size_t k = 0; k < np; k++) tot += pc[k * ng + c];
            assert_int_equal(tot, want[c]);
        }
        free(pc);
        for (size_t i = 0; i < n; i++) g[i] = (int)(i / 1000);
        assert_true(cpr_codes_sorted(g, n));
        g[2 * CPR_ROW_BLOCK + 1] = -1;
        assert_false(cpr_codes_sorted(g, n));
        for (size_t i = 0; i < n; i++) g[i] = (int)((i * 7919) % ng);
    }
    cpr_threads_set(0);
    free(v); free(g); free(want); free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_nonfinite),
        cmocka_unit_test(test_codes_sorted),
        cmocka_unit_test(test_parts_any_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
