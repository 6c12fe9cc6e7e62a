/* correlate: Pearson and Spearman against the Grunfeld reference
 * (tests/reference/grunfeld/expected.json, R 4.2.2 cor.test), Kendall
 * against R output recorded in tests/unit/oracle/correlate_kendall.{R,out}. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpr/correlate.h"
#include "cpr/status.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NG 200
static double G[3][NG]; /* inv, value, capital */
static json_t *expected;

static const char *refdir(void)
{
    const char *r = getenv("CPR_REFERENCE");
    return r ? r : "tests/reference";
}

/* Columns firm,year,inv,value,capital; a test-only reader. */
static int setup(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/grunfeld/data.csv", refdir());
    FILE *fp = fopen(path, "r");
    if (!fp) return -1;
    char line[256];
    size_t n = 0;
    if (!fgets(line, sizeof line, fp)) { fclose(fp); return -1; }
    while (n < NG && fgets(line, sizeof line, fp)) {
        double firm, year;
        if (sscanf(line, "%lf,%lf,%lf,%lf,%lf", &firm, &year, &G[0][n], &G[1][n], &G[2][n]) == 5) n++;
    }
    fclose(fp);
    snprintf(path, sizeof path, "%s/grunfeld/expected.json", refdir());
    expected = json_load_file(path, 0, NULL);
    return n == NG && expected ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    json_decref(expected);
    return 0;
}

static void close_rel(double got, double want, double tol, const char *what)
{
    double err = fabs(got - want) / fmax(fabs(want), 1e-300);
    if (!(err <= tol)) print_error("%s: got %.17g want %.17g (rel %.3g)\n", what, got, want, err);
    assert_true(err <= tol);
}

static double jnum(const char *pair, const char *method, const char *key)
{
    json_t *v = json_object_get(json_object_get(json_object_get(json_object_get(expected, "correlations"), pair), method), key);
    assert_non_null(v);
    return json_number_value(v);
}

static void check_pair(const char *pair, int ix, int iy)
{
    cpr_correlation c;
    assert_int_equal(cpr_correlate(G[ix], G[iy], NG, "a", "b", 0.95, &c), CPR_OK);
    assert_int_equal(c.n, 200);
    assert_int_equal(c.n_dropped, 0);
    close_rel(c.pearson.estimate, jnum(pair, "pearson", "r"), 1e-10, "pearson r");
    close_rel(c.pearson.statistic, jnum(pair, "pearson", "t"), 1e-10, "pearson t");
    close_rel(c.pearson.df, jnum(pair, "pearson", "df"), 0, "pearson df");
    close_rel(c.pearson.p_value, jnum(pair, "pearson", "p_two_sided"), 1e-10, "pearson p");
    close_rel(c.spearman.estimate, jnum(pair, "spearman", "rho"), 1e-10, "spearman rho");
    close_rel(c.spearman.statistic, jnum(pair, "spearman", "t"), 1e-10, "spearman t");
    close_rel(c.spearman.p_value, jnum(pair, "spearman", "p_two_sided_t_approx"), 1e-10, "spearman p");
    assert_true(c.ties);
    /* Fisher-z interval brackets r */
    assert_true(c.pearson.conf_low < c.pearson.estimate && c.pearson.estimate < c.pearson.conf_high);
    cpr_correlation_clear(&c);
}

static void test_grunfeld_pearson_spearman(void **state)
{
    (void)state;
    check_pair("inv__value", 0, 1);
    check_pair("inv__capital", 0, 2);
    check_pair("value__capital", 1, 2);
}

/* Values from tests/unit/oracle/correlate_kendall.out:
 * cor.test(x, y, method = "kendall", exact = FALSE), options(digits = 17). */
static void test_grunfeld_kendall(void **state)
{
    (void)state;
    static const struct { int ix, iy; double tau, z, p; } want[] = {
        {0, 1, 0.62980926472550747, 13.2420319739986, 5.0172763605380705e-40},
        {0, 2, 0.44479067420763535, 9.3521600472464588, 8.5875700007324567e-21},
        {1, 2, 0.22127296034324245, 4.652823922832189, 3.2741982046502437e-06},
    };
    for (size_t i = 0; i < 3; i++) {
        cpr_correlation c;
        assert_int_equal(cpr_correlate(G[want[i].ix], G[want[i].iy], NG, "a", "b", 0.95, &c), CPR_OK);
        close_rel(c.kendall.estimate, want[i].tau, 1e-12, "kendall tau");
        close_rel(c.kendall.statistic, want[i].z, 1e-12, "kendall z");
        close_rel(c.kendall.p_value, want[i].p, 1e-10, "kendall p");
        assert_true(isnan(c.kendall.df));
        cpr_correlation_clear(&c);
    }
}

/* Heavy ties and one missing pair; R values from the same .out file. */
static void test_small_ties_missing(void **state)
{
    (void)state;
    const double x[] = {1, 2, 2, 3, 3, 3, 4, 5, 5, NAN, 6};
    const double y[] = {2, 1, 2, 2, 3, 3, 5, 4, 4, 7, 6};
    cpr_correlation c;
    assert_int_equal(cpr_correlate(x, y, 11, "x", "y", 0.95, &c), CPR_OK);
    assert_int_equal(c.n, 10);
    assert_int_equal(c.n_dropped, 1);
    close_rel(c.kendall.estimate, 0.77499999999999991, 1e-14, "tau");
    close_rel(c.kendall.statistic, 2.9005197691414533, 1e-13, "z");
    close_rel(c.kendall.p_value, 0.00372544337696765, 1e-12, "kendall p");
    close_rel(c.spearman.estimate, 0.89308176100628933, 1e-14, "rho");
    close_rel(c.spearman.p_value, 0.00050158729285391219, 1e-10, "spearman p");
    close_rel(c.pearson.estimate, 0.87287156094396956, 1e-14, "r");
    close_rel(c.pearson.p_value, 0.00097748021239110272, 1e-10, "pearson p");
    close_rel(c.pearson.conf_low, 0.540044452211496, 1e-12, "pearson ci low");
    close_rel(c.pearson.conf_high, 0.96961438426216129, 1e-12, "pearson ci high");
    /* Bonett-Wright / Fieller intervals: defined and around the estimate */
    assert_true(c.spearman.conf_low < c.spearman.estimate && c.spearman.estimate < c.spearman.conf_high);
    assert_true(c.kendall.conf_low < c.kendall.estimate && c.kendall.estimate < c.kendall.conf_high);
    cpr_correlation_clear(&c);
}

static void test_ranks_and_errors(void **state)
{
    (void)state;
    const double v[] = {10, 20, 20, 5, 20};
    double r[5];
    cpr_rank_average(v, 5, r);
    assert_true(r[0] == 2 && r[1] == 4 && r[2] == 4 && r[3] == 1 && r[4] == 4);

    const double a[] = {1, 2, NAN, 4}, b[] = {1, NAN, 3, 4};
    cpr_correlation c;
    cpr_error_clear();
    assert_int_equal(cpr_correlate(a, b, 4, "a", "b", 0.95, &c), CPR_E_NUMERIC);
    assert_non_null(strstr(cpr_last_error(), "at least 3"));
    cpr_correlation_clear(&c);
    const double k[] = {3, 3, 3, 3};
    cpr_error_clear();
    assert_int_equal(cpr_correlate(a, k, 4, "a", "k", 0.95, &c), CPR_E_NUMERIC);
    assert_non_null(strstr(cpr_last_error(), "'k' is constant"));
    cpr_correlation_clear(&c);
    cpr_error_clear();

    /* perfect monotone relation: tau = rho = 1, p = 0 for the t test */
    const double p[] = {1, 2, 3, 4, 5}, q[] = {2, 4, 8, 16, 32};
    assert_int_equal(cpr_correlate(p, q, 5, "p", "q", 0.95, &c), CPR_OK);
    assert_true(c.spearman.estimate == 1 && c.kendall.estimate == 1);
    assert_true(c.spearman.p_value == 0);
    cpr_correlation_clear(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grunfeld_pearson_spearman),
        cmocka_unit_test(test_grunfeld_kendall),
        cmocka_unit_test(test_small_ties_missing),
        cmocka_unit_test(test_ranks_and_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
