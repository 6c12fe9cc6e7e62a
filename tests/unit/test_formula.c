/* Formula parser: canonical forms, expansion, FE and IV parts, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpr/formula.h"
#include "cpr/status.h"

#include <stdlib.h>
#include <string.h>

/* Parse `in`, check the canonical string, and that it parses back to itself. */
static void check_canon(const char *in, const char *want)
{
    cpr_formula *fm = NULL;
    cpr_error_clear();
    int rc = cpr_formula_parse(in, &fm);
    if (rc) print_error("parse failed for '%s': %s\n", in, cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    char *s = cpr_formula_to_string(fm);
    assert_string_equal(s, want);
    cpr_formula *again = NULL;
    assert_int_equal(cpr_formula_parse(s, &again), CPR_OK);
    char *s2 = cpr_formula_to_string(again);
    assert_string_equal(s2, want);
    free(s);
    free(s2);
    cpr_formula_free(fm);
    cpr_formula_free(again);
}

static void test_canonical(void **state)
{
    (void)state;
    check_canon("y~x1+x2", "y ~ x1 + x2");
    check_canon("  poverty ~ L.aid + log( gdp_pc ) + urban | country + year",
                "poverty ~ L.aid + log(gdp_pc) + urban | country + year");
    check_canon("y ~ L2.x + F.x + F2.x + D.x + L.D.x + D2.x", "y ~ L2.x + F.x + F2.x + D.x + L.D.x + D.D.x");
    check_canon("y ~ SI.POV.DDAY", "y ~ SI.POV.DDAY");
    check_canon("y ~ `my var` + `D.x` + `log`", "y ~ `my var` + `D.x` + `log`");
    check_canon("y ~ L.`my var`", "y ~ L.`my var`");
    check_canon("y ~ x1*x2", "y ~ x1 + x2 + x1:x2");
    check_canon("y ~ a*b*c", "y ~ a + b + a:b + c + a:c + b:c + a:b:c");
    check_canon("y ~ x + x + x:z", "y ~ x + x:z");
    check_canon("y ~ x^2 + I(x^2) + I(x*z)", "y ~ x^2 + I(x^2) + I(x*z)");
    check_canon("y ~ x - 1", "y ~ x - 1");
    check_canon("y ~ 0 + x", "y ~ x - 1");
    check_canon("y ~ -1 + x", "y ~ x - 1");
    check_canon("y ~ 1", "y ~ 1");
    check_canon("y ~ a*b - a:b", "y ~ a + b");
    check_canon("log(y) ~ x", "log(y) ~ x");
    check_canon("D.y ~ D.x", "D.y ~ D.x");
    check_canon("y ~ L.log(x)", "y ~ L.log(x)");
}

static void test_structure(void **state)
{
    (void)state;
    cpr_formula *fm;
    assert_int_equal(cpr_formula_parse("y ~ L.D.x + log(z) | entity + time", &fm), CPR_OK);
    assert_int_equal(fm->nterms, 2);
    assert_int_equal(fm->terms[0]->kind, CPR_EX_LAG);
    assert_int_equal(fm->terms[0]->k, 1);
    assert_int_equal(fm->terms[0]->a->kind, CPR_EX_DIFF);
    assert_string_equal(fm->terms[0]->a->a->name, "x");
    assert_int_equal(fm->terms[1]->kind, CPR_EX_LOG);
    assert_int_equal(fm->intercept, 1);
    assert_int_equal(fm->n_fe, 2);
    assert_true(fm->fe_entity && fm->fe_time);
    cpr_formula_free(fm);

    assert_int_equal(cpr_formula_parse("y ~ F2.x", &fm), CPR_OK);
    assert_int_equal(fm->terms[0]->k, -2);
    cpr_formula_free(fm);
}

static void test_iv(void **state)
{
    (void)state;
    cpr_formula *fm;
    assert_int_equal(cpr_formula_parse("y ~ x | 0 | d ~ z1 + z2", &fm), CPR_OK);
    assert_int_equal(fm->n_fe, 0);
    assert_int_equal(fm->n_endog, 1);
    assert_int_equal(fm->n_instr, 2);
    char *s = cpr_formula_to_string(fm);
    assert_string_equal(s, "y ~ x | 0 | d ~ z1 + z2");
    free(s);
    cpr_formula_free(fm);

    check_canon("y ~ x | | d ~ z", "y ~ x | 0 | d ~ z");
    check_canon("y ~ x | d ~ z", "y ~ x | 0 | d ~ z");   /* fixest style, no FE part */
    check_canon("y ~ x | iso3 | d1 + d2 ~ z1 + z2 + L.z1", "y ~ x | iso3 | d1 + d2 ~ z1 + z2 + L.z1");
    check_canon("y ~ x | 0", "y ~ x");
}

/* Expect CPR_E_FORMULA and the column in the message. */
static void check_error(const char *in, const char *fragment)
{
    cpr_formula *fm = (cpr_formula *)1;
    cpr_error_clear();
    assert_int_equal(cpr_formula_parse(in, &fm), CPR_E_FORMULA);
    assert_null(fm);
    if (!strstr(cpr_last_error(), fragment))
        print_error("message for '%s' was: %s\n", in, cpr_last_error());
    assert_non_null(strstr(cpr_last_error(), fragment));
}

static void test_errors(void **state)
{
    (void)state;
    check_error("y ~ x +", "unexpected end at column 8");
    check_error("y x", "unexpected 'x' at column 3: expected '~'");
    check_error("y ~ x + + z", "unexpected '+' at column 9");
    check_error("y ~ x $ z", "unexpected '$' at column 7");
    check_error("y ~ `x", "unterminated");
    check_error("y ~ log(x", "expected ')'");
    check_error("y ~ x^z", "a number after '^'");
    check_error("y ~ x | log(c)", "plain names");
    check_error("y ~ x | 0 | d1 + d2 ~ z", "at least as many instruments");
    check_error("y ~ x | 0 | d", "'~' in the IV part");
    check_error("~ x", "column 1");
    /* the caret line points at the column */
    check_error("y ~ x + + z", "\n  y ~ x + + z\n          ^");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_iv),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
