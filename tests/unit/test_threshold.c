/* Hansen (1999) panel threshold regression against a brute-force R
 * computation (lm with entity dummies on every grid point):
 * tests/unit/oracle/threshold.R, output tests/unit/oracle/threshold.out,
 * data tests/data/threshold_sim.csv (30 entities x 8 years, simulated with
 * thresholds at q = -0.2 and 0.4). Bootstrap p-values have no R twin (other
 * random numbers): checked for range, determinism and power instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/threshold.h"
#include "refdata.h"

#define TOL 1e-9

static ref_table *tb;
static int *ent;
static size_t G;

static int setup(void **state)
{
    (void)state;
    tb = ref_read_csv("tests/data/threshold_sim.csv");
    if (!tb) return -1;
    ent = ref_codes(ref_col(tb, "id"), tb->nrow, &G, NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(ent);
    ref_table_free(tb);
    return 0;
}

static char *xn[] = {"x"}, *zn[] = {"z"};

static cpr_threshold_spec spec(int nthresh)
{
    cpr_threshold_spec s = { .n = tb->nrow, .y = ref_col(tb, "y"), .q = ref_col(tb, "q"), .kr = 1,
                             .xr = ref_col(tb, "x"), .xr_names = xn, .kc = 1, .xc = ref_col(tb, "z"),
                             .xc_names = zn, .entity = ent, .n_entities = G, .effects = CPR_EFFECTS_ENTITY,
                             .nthresh = nthresh, .trim = 0.05, .level = 0.95 };
    return s;
}

static void near(const char *what, double got, double want)
{
    if (!(ref_relerr(got, want) <= TOL)) fail_msg("%s: got %.17g want %.17g", what, got, want);
}

static void test_single(void **state)
{
    (void)state;
    cpr_threshold_spec s = spec(1);
    cpr_result *r = NULL;
    cpr_threshold_info in;
    assert_int_equal(cpr_threshold_fit(&s, &r, &in), CPR_OK);
    assert_int_equal(in.ngrid, 201);
    near("grid first", in.gamma[0], -0.92300000000000004);
    near("grid last", in.gamma[200], 0.93600000000000005);
    near("S0", in.ssr0, 119.83651625847563);
    near("S1", in.ssr1, 84.743747512881413);
    near("gamma1", in.gamma1, 0.39800000000000002);
    near("sigma2", in.sigma2_1, 0.40354165482324483);
    near("F1", in.F1, 86.961948850026857);
    near("crit", in.crit, 7.3522766941557389);
    near("ci lo", in.gamma1_lo, 0.38700000000000001);
    near("ci hi", in.gamma1_hi, 0.39800000000000002);
    near("LR[1]", in.lr[0], 85.989190163131099);
    near("LR[50]", in.lr[49], 86.154079199981808);
    near("LR[201]", in.lr[200], 85.769542133795767);
    near("b low", r->estimate[0], 1.3074578184194816);
    near("b high", r->estimate[1], 0.48972113513714549);
    near("z", r->estimate[2], 0.4446742234215319);
    assert_string_equal(r->terms[0], "x:q<=0.398");
    assert_string_equal(r->terms[1], "x:q>0.398");
    assert_true(isnan(in.p1));
    cpr_threshold_info_clear(&in);
    cpr_result_free(r);
}

static void test_double(void **state)
{
    (void)state;
    cpr_threshold_spec s = spec(2);
    cpr_result *r = NULL;
    cpr_threshold_info in;
    assert_int_equal(cpr_threshold_fit(&s, &r, &in), CPR_OK);
    near("gamma2", in.gamma2, -0.27600000000000002);
    near("gamma1r", in.gamma1, 0.39800000000000002);
    near("S2", in.ssr2, 57.779359554947426);
    near("sigma2d", in.sigma2_2, 0.27513980740451155);
    near("F2", in.F2, 98.002496302873567);
    near("ci2 lo", in.gamma2_lo, -0.27800000000000002);
    near("ci2 hi", in.gamma2_hi, -0.217);
    near("ci1r lo", in.gamma1_lo, 0.38700000000000001);
    near("ci1r hi", in.gamma1_hi, 0.39800000000000002);
    const double b[4] = {0.93894560424182527, 1.8554748003421517, 0.47327692579591518, 0.48995969252922233};
    for (int j = 0; j < 4; j++) near(r->terms[j], r->estimate[j], b[j]);
    cpr_threshold_info_clear(&in);
    cpr_result_free(r);
}

/* Strong thresholds are found by the bootstrap; the same seed gives the
 * same p; a pure noise regressor split at q gives a large p. */
static void test_bootstrap(void **state)
{
    (void)state;
    cpr_threshold_spec s = spec(1);
    s.bootstrap = 49; s.seed = 7; s.grid = 40;
    cpr_result *r1 = NULL, *r2 = NULL;
    cpr_threshold_info a, b;
    assert_int_equal(cpr_threshold_fit(&s, &r1, &a), CPR_OK);
    assert_int_equal(cpr_threshold_fit(&s, &r2, &b), CPR_OK);
    assert_true(a.p1 == 0);
    assert_true(a.p1 == b.p1);
    cpr_threshold_info_clear(&a); cpr_threshold_info_clear(&b);
    cpr_result_free(r1); cpr_result_free(r2);
    /* no threshold in the slope of z: y minus the true x regimes, z as the regime term */
    s.xr = ref_col(tb, "z"); s.xc = ref_col(tb, "x"); s.xr_names = zn; s.xc_names = xn;
    s.kc = 0;
    size_t n = tb->nrow;
    double *y0 = malloc(n * sizeof *y0);
    const double *x = ref_col(tb, "x"), *q = ref_col(tb, "q"), *y = ref_col(tb, "y");
    for (size_t i = 0; i < n; i++)   /* remove the x regimes with the true slopes */
        y0[i] = y[i] - (q[i] <= -0.2 ? 1 : q[i] <= 0.4 ? 2 : 0.5) * x[i];
    s.y = y0;
    assert_int_equal(cpr_threshold_fit(&s, &r1, &a), CPR_OK);
    assert_true(a.p1 > 0.05 && a.p1 <= 1);
    cpr_threshold_info_clear(&a);
    cpr_result_free(r1);
    free(y0);
}

static void test_bad_input(void **state)
{
    (void)state;
    cpr_threshold_spec s = spec(1);
    cpr_result *r = NULL;
    s.trim = 0.6;
    assert_int_equal(cpr_threshold_fit(&s, &r, NULL), CPR_E_USAGE);
    s.trim = 0.05; s.nthresh = 3;
    assert_int_equal(cpr_threshold_fit(&s, &r, NULL), CPR_E_USAGE);
    s.nthresh = 1; s.n = 25;   /* 25 rows cannot identify 30 entity effects and 3 slopes */
    s.n_entities = 30;
    assert_int_equal(cpr_threshold_fit(&s, &r, NULL), CPR_E_NUMERIC);
    assert_null(r);
    cpr_error_clear();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single),
        cmocka_unit_test(test_double),
        cmocka_unit_test(test_bootstrap),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
