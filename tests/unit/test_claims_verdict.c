/* Expressions on a hand-written JSON result, and the verdict logic on small
 * hand-built claims, one per verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/claims.h"
#include "cpr/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *result_json =
    "{\"nobs\": 120, \"stats\": {\"r2_within\": 0.42},"
    " \"coefficients\": [{\"term\": \"aid\", \"estimate\": -0.5, \"p_value\": 0.01},"
    "                    {\"term\": \"L2.log(x)\", \"estimate\": 2, \"p_value\": null}],"
    " \"rows\": [{\"entity\": \"LCN\", \"year\": 2002, \"value\": 53.7},"
    "            {\"entity\": \"LCN\", \"year\": 2014, \"value\": 33.9}]}";

static double ev(cpr_env *e, const char *s)
{
    double v = NAN;
    assert_int_equal(cpr_expr_eval(s, e, &v), 0);
    return v;
}

static void test_paths_and_ops(void **state)
{
    (void)state;
    cpr_env e;
    cpr_env_init(&e);
    e.last = json_loads(result_json, 0, NULL);
    assert_non_null(e.last);
    assert_true(ev(&e, "coef(aid).estimate") == -0.5);
    assert_true(ev(&e, "coef(L2.log(x)).estimate") == 2);
    assert_true(isnan(ev(&e, "coef(L2.log(x)).p_value")));
    assert_true(ev(&e, "rows[year=2014].value") == 33.9);
    assert_true(ev(&e, "rows[entity=LCN,year=2002].value") == 53.7);
    assert_true(ev(&e, "rows[1].value") == 33.9);
    assert_true(ev(&e, "stats.r2_within") == 0.42);
    assert_true(ev(&e, "nobs >= 100 and coef(aid).p_value < 0.05") == 1);
    assert_true(ev(&e, "not (nobs > 200) && -coef(aid).estimate * 2 == 1") == 1);
    assert_true(ev(&e, "rows[0].value / rows[1].value ~= 1.58 tol 1%") == 1);
    assert_true(ev(&e, "45.4 ~= 46 tol 0.5") == 0);
    /* NaN never satisfies a comparison, and the missing path is named */
    assert_true(ev(&e, "coef(oof).estimate < 0") == 0);
    assert_string_equal(e.missing, "coef(oof).estimate");
    assert_true(ev(&e, "missing(coef(oof).estimate) or 0") == 1);
    assert_true(ev(&e, "abs(-3) + sign(-2) + max(1, 4) + min(2, 3)") == 8);
    cpr_env_set(&e, "p", 0.2);
    assert_true(ev(&e, "$p > 0.1") == 1);
    assert_true(ev(&e, "failed") == 0);
    char *s = cpr_template_fill("p={p:.2f} q={q} {x:%s}", &e);
    assert_string_equal(s, "p=0.20 q=NA NA");
    free(s);
    cpr_env_clear(&e);
}

/* One claim with the usual ladder of rules, decided on $v. */
static cpr_verdict decide(double v, int set, char **why)
{
    const char *const cmds[] = {"stat"};
    cpr_batch_syntax syn = {1, cmds, 1};
    const char *text = "claim X\n"
                       "untestable if missing($v) why \"needs data\"\n"
                       "reproduced if $v ~= 45.4 tol 2\n"
                       "direction if $v > 30 why \"other line\"\n"
                       "otherwise contradicted why \"fell\"\n";
    cpr_batch *b = NULL;
    assert_int_equal(cpr_batch_parse(text, "m", &syn, &b), 0);
    cpr_env e;
    cpr_env_init(&e);
    if (set) cpr_env_set(&e, "v", v);
    cpr_claim c = {0};
    c.first = 0;
    c.last = b->n;
    assert_int_equal(cpr_verdict_decide(b, &c, &e), 0);
    *why = c.why;
    cpr_env_clear(&e);
    cpr_batch_free(b);
    return c.verdict;
}

static void test_verdicts(void **state)
{
    (void)state;
    char *why;
    assert_int_equal(decide(46.0, 1, &why), CPR_V_REPRODUCED);
    assert_null(why);
    assert_int_equal(decide(53.7, 1, &why), CPR_V_DIRECTION);
    assert_string_equal(why, "other line");
    free(why);
    assert_int_equal(decide(12.0, 1, &why), CPR_V_CONTRADICTED);
    assert_string_equal(why, "fell");
    free(why);
    assert_int_equal(decide(0, 0, &why), CPR_V_UNTESTABLE);
    assert_string_equal(why, "needs data");
    free(why);
}

static void test_no_rule_is_contradicted(void **state)
{
    (void)state;
    const char *text = "claim X\nreproduced if $v > 1\n";
    cpr_batch *b = NULL;
    assert_int_equal(cpr_batch_parse(text, "m", &(cpr_batch_syntax){1, NULL, 0}, &b), 0);
    cpr_env e;
    cpr_env_init(&e);
    cpr_env_set(&e, "v", 0.5);
    cpr_claim c = {0};
    c.last = b->n;
    assert_int_equal(cpr_verdict_decide(b, &c, &e), 0);
    assert_int_equal(c.verdict, CPR_V_CONTRADICTED);
    assert_non_null(c.why);
    free(c.why);
    cpr_env_clear(&e);
    cpr_batch_free(b);
    assert_string_equal(cpr_verdict_name(CPR_V_DIRECTION), "direction");
    assert_int_equal(cpr_verdict_parse("untestable"), CPR_V_UNTESTABLE);
    assert_int_equal(cpr_verdict_parse("nope"), CPR_V_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_and_ops), cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_no_rule_is_contradicted)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
