/* Number parsing must be exact (correctly rounded, like strtod in the C
 * locale) and reject what is not a plain decimal number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/strmap.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double parse_ok(const char *s)
{
    double v = -1;
    assert_int_equal(cpr_parse_double(s, strlen(s), &v), 1);
    return v;
}

static void test_parse_exact(void **state)
{
    (void)state;
    /* Reference: strtod in the C locale is correctly rounded (glibc). */
    const char *cases[] = {"0", "-0.5", "3.14159", "760.", ".5", "1e3", "-2.5E-3", "0.1", "123456789012345678",
                           "9007199254740993", "1.7976931348623157e308", "4.9e-324", "0.30000000000000004",
                           "-3482258.63459582", "0.358191792925910E-01", "  42  ", "+7"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double want = strtod(cases[i], NULL);
        double got = parse_ok(cases[i]);
        assert_memory_equal(&want, &got, sizeof want);
    }
}

static void test_parse_rejects(void **state)
{
    (void)state;
    double v;
    const char *bad[] = {"abc", "1,5", "1.2.3", "0x10", "--1", "1e", "e5", "-", "12a", "nan"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(cpr_parse_double(bad[i], strlen(bad[i]), &v), 0);
    const char *inf[] = {"inf", "-Infinity", "1e400"};
    for (size_t i = 0; i < sizeof inf / sizeof *inf; i++)
        assert_int_equal(cpr_parse_double(inf[i], strlen(inf[i]), &v), -1);
}

static void test_missing_tokens(void **state)
{
    (void)state;
    const char *miss[] = {"", "NA", "..", ".", "NaN", "#N/A", " NA "};
    for (size_t i = 0; i < sizeof miss / sizeof *miss; i++)
        assert_true(cpr_is_missing_token(miss[i], strlen(miss[i])));
    assert_false(cpr_is_missing_token("0", 1));
    assert_false(cpr_is_missing_token("N", 1));
}

static void test_closest(void **state)
{
    (void)state;
    const char *names[] = {"poverty", "gdp_pc", "aid", "urban"};
    assert_string_equal(cpr_closest("povrty", names, 4), "poverty");
    assert_string_equal(cpr_closest("gdppc", names, 4), "gdp_pc");
    assert_null(cpr_closest("zzzzzzzz", names, 4));
    assert_int_equal(cpr_edit_distance("kitten", "sitting"), 3);
}

static void test_strmap(void **state)
{
    (void)state;
    cpr_strmap m;
    cpr_strmap_init(&m);
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        assert_int_equal(cpr_strmap_intern(&m, buf, strlen(buf)), i);
    }
    assert_int_equal(cpr_strmap_intern(&m, "k42", 3), 42);
    assert_int_equal(cpr_strmap_get(&m, "k4999", 5), 4999);
    assert_int_equal(cpr_strmap_get(&m, "k5000", 5), -1);
    assert_int_equal(cpr_strmap_get(&m, "k4", 2), 4);
    cpr_strmap_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_exact), cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_missing_tokens), cmocka_unit_test(test_closest), cmocka_unit_test(test_strmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
