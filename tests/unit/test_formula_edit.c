/* Formula editing API (cpr/formula_edit.h): every edit gives the formula
 * that the edited text would have parsed to, and a backquoted name holding
 * '|' or '~' stays one name (issue 18: --controls once spliced text before
 * the first '|', inside `a|b`). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpr/formula.h"
#include "cpr/formula_edit.h"
#include "cpr/status.h"

#include <stdlib.h>
#include <string.h>

static cpr_formula *parse(const char *text)
{
    cpr_formula *fm = NULL;
    int rc = cpr_formula_parse(text, &fm);
    if (rc) print_error("parse failed for '%s': %s\n", text, cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    return fm;
}

/* fm prints as want, and want parses back to the same print. */
static void check_prints(const cpr_formula *fm, const char *want)
{
    char *s = cpr_formula_to_string(fm);
    assert_string_equal(s, want);
    cpr_formula *again = parse(s);
    char *s2 = cpr_formula_to_string(again);
    assert_string_equal(s2, want);
    free(s);
    free(s2);
    cpr_formula_free(again);
}

static void test_add_terms(void **state)
{
    (void)state;
    cpr_formula *fm = parse("poverty ~ `a|b`");
    assert_int_equal(cpr_formula_add_terms(fm, "z"), CPR_OK);
    check_prints(fm, "poverty ~ `a|b` + z");
    assert_int_equal(fm->nterms, 2);
    cpr_formula_free(fm);

    /* before the FE and IV parts, duplicates skipped, commas as '+', expansion */
    fm = parse("y ~ x | iso3 + year | d ~ w");
    assert_int_equal(cpr_formula_add_terms(fm, "x, log(g)+a*b"), CPR_OK);
    check_prints(fm, "y ~ x + log(g) + a + b + a:b | iso3 + year | d ~ w");
    cpr_formula_free(fm);

    /* 0 / -1 in the list drop the intercept, as in a formula */
    fm = parse("y ~ x");
    assert_int_equal(cpr_formula_add_terms(fm, "-1 + z"), CPR_OK);
    check_prints(fm, "y ~ x + z - 1");
    cpr_formula_free(fm);

    /* a bad piece is an error naming its column in the piece */
    fm = parse("y ~ x");
    cpr_error_clear();
    assert_int_equal(cpr_formula_add_terms(fm, "z +"), CPR_E_FORMULA);
    assert_non_null(strstr(cpr_last_error(), "unexpected end at column 4"));
    cpr_error_clear();
    assert_int_equal(cpr_formula_add_terms(fm, "z | w"), CPR_E_FORMULA);
    assert_non_null(strstr(cpr_last_error(), "unexpected '|'"));
    cpr_error_clear();
    check_prints(fm, "y ~ x");
    cpr_formula_free(fm);
}

static void test_alloc_and_fe(void **state)
{
    (void)state;
    cpr_formula *fm = NULL;
    assert_int_equal(cpr_formula_alloc("log(packs)", &fm), CPR_OK);
    check_prints(fm, "log(packs) ~ 1");
    assert_int_equal(cpr_formula_add_terms(fm, "`x~1`"), CPR_OK);
    const char *fe[] = {"a|b", "entity"};
    cpr_formula_set_fe(fm, fe, 2);
    assert_int_equal(fm->fe_entity, 1);
    assert_int_equal(fm->fe_time, 0);
    check_prints(fm, "log(packs) ~ `x~1` | `a|b` + entity");
    cpr_formula_set_fe(fm, NULL, 0);
    assert_int_equal(fm->fe_entity, 0);
    check_prints(fm, "log(packs) ~ `x~1`");
    cpr_formula_free(fm);

    cpr_error_clear();
    assert_int_equal(cpr_formula_alloc("y ~ x", &fm), CPR_E_FORMULA);
    assert_null(fm);
    cpr_error_clear();
}

static void test_iv(void **state)
{
    (void)state;
    cpr_formula *fm = parse("y ~ `a|b` + x");
    assert_int_equal(cpr_formula_set_iv(fm, "`a|b`", "z1,z2"), CPR_OK);
    cpr_formula_drop_endog_terms(fm);
    check_prints(fm, "y ~ x | 0 | `a|b` ~ z1 + z2");
    cpr_error_clear();
    assert_int_equal(cpr_formula_set_iv(fm, "d", "z"), CPR_E_FORMULA);   /* has one */
    cpr_error_clear();
    cpr_formula_free(fm);

    fm = parse("y ~ x | iso3");
    assert_int_equal(cpr_formula_set_iv(fm, "d1 + d2", "z"), CPR_E_FORMULA);
    assert_non_null(strstr(cpr_last_error(), "at least as many instruments (1) as endogenous regressors (2)"));
    cpr_error_clear();
    assert_int_equal(fm->n_endog, 0);
    assert_int_equal(cpr_formula_set_iv(fm, "d", "L.d"), CPR_OK);
    check_prints(fm, "y ~ x | iso3 | d ~ L.d");
    cpr_formula_free(fm);
}

static void test_term_names(void **state)
{
    (void)state;
    char **names = NULL;
    size_t n = 0;
    assert_int_equal(cpr_formula_term_names("L.aid, log( x ) + `a,b`", &names, &n), CPR_OK);
    assert_int_equal(n, 3);
    assert_string_equal(names[0], "L.aid");
    assert_string_equal(names[1], "log(x)");
    assert_string_equal(names[2], "`a,b`");
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    cpr_error_clear();
    assert_int_equal(cpr_formula_term_names("a ~ b", &names, &n), CPR_E_FORMULA);
    assert_null(names);
    cpr_error_clear();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_terms),
        cmocka_unit_test(test_alloc_and_fe),
        cmocka_unit_test(test_iv),
        cmocka_unit_test(test_term_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
