/* Expressions on a hand-written JSON result, and the verdict logic on small
 * hand-built claims, one per verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

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
    assert_true(ev(&e, "max(1, 7, 4) + min(5, -2, 3)") == 5);
    /* holm(i, p...): R's p.adjust(c(.044,.01,.30,.02,.5), "holm"), tests/unit/oracle/holm.R/.out */
    static const double holm_r[] = {0.132, 0.05, 0.6, 0.08, 0.6};
    for (int i = 1; i <= 5; i++) {
        char *x = cpr_asprintf("holm(%d, 0.044, 0.01, 0.30, 0.02, 0.5)", i);
        assert_true(fabs(ev(&e, x) - holm_r[i - 1]) < 1e-12);
        free(x);
    }
    assert_true(isnan(ev(&e, "holm(6, 0.1, 0.2)")));
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


/* The verdict scale on synthetic claims built from parts: one claim per
 * verdict word, decided by cpr_verdict_combine over cpr_part_eval. */
static cpr_verdict decide_text(const char *text, const char *const *names, const double *vals, size_t nv, char **why)
{
    cpr_batch *b = NULL;
    assert_int_equal(cpr_batch_parse(text, "m", &(cpr_batch_syntax){1, NULL, 0}, &b), 0);
    cpr_env e;
    cpr_env_init(&e);
    for (size_t i = 0; i < nv; i++) cpr_env_set(&e, names[i], vals[i]);
    cpr_claim c = {0};
    c.last = b->n;
    assert_int_equal(cpr_verdict_decide(b, &c, &e), 0);
    assert_non_null(c.parts);
    free(c.parts);
    *why = c.why;
    cpr_env_clear(&e);
    cpr_batch_free(b);
    return c.verdict;
}

static const char *const claim_parts =
    "claim S\n"
    "part level lev \"2002 level\" value $v claimed 45.4 tol 5% because \"survey noise\" trend $fell\n"
    "part effect eff \"aid effect\" est $b p $p sign - clusters $g pboot $pb stable $st\n"
    "part untested inv \"investment types\" why \"needs the AEI tracker\"\n";
static const char *const claim_tested =
    "claim T\n"
    "part level lev \"2002 level\" value $v claimed 45.4 tol 5% because \"survey noise\" trend $fell\n"
    "part effect eff \"aid effect\" est $b p $p sign - clusters $g pboot $pb stable $st\n";
static const char *const names[] = {"v", "fell", "b", "p", "g", "pb", "st"};

static void test_scale_words(void **state)
{
    (void)state;
    char *why;
    /* reproduced: level within 5%, effect negative, bootstrap p < 0.05 (22 clusters < 50) */
    double v1[] = {46.0, 1, -0.5, 0.20, 22, 0.01, 1};
    assert_int_equal(decide_text(claim_tested, names, v1, 7, &why), CPR_V_REPRODUCED);
    free(why);
    /* the analytic p is NOT used below 50 clusters: p = 0.001 but bootstrap p 0.31 */
    double v2[] = {46.0, 1, -0.5, 0.001, 22, 0.31, 1};
    assert_int_equal(decide_text(claim_tested, names, v2, 7, &why), CPR_V_PARTIAL);
    assert_non_null(strstr(why, "inconclusive: aid effect"));
    free(why);
    /* with 60 clusters the analytic p decides */
    double v2b[] = {46.0, 1, -0.5, 0.001, 60, 0.31, 1};
    assert_int_equal(decide_text(claim_tested, names, v2b, 7, &why), CPR_V_REPRODUCED);
    free(why);
    /* partial: the tested parts reproduce, one part untestable */
    assert_int_equal(decide_text(claim_parts, names, v1, 7, &why), CPR_V_PARTIAL);
    assert_non_null(strstr(why, "untested: investment types (needs the AEI tracker)"));
    free(why);
    /* direction: level off but the trend holds; effect significant */
    double v3[] = {53.7, 1, -0.5, 0.2, 22, 0.01, 1};
    assert_int_equal(decide_text(claim_tested, names, v3, 7, &why), CPR_V_DIRECTION);
    free(why);
    /* inconclusive: only the effect part, not significant */
    const char *only_eff = "claim E\npart effect eff \"aid\" est $b p $p sign - clusters $g pboot $pb stable $st\n";
    double v4[] = {0, 0, -0.5, 0.2, 22, 0.31, 1};
    assert_int_equal(decide_text(only_eff, names, v4, 7, &why), CPR_V_INCONCLUSIVE);
    free(why);
    /* inconclusive too when significant but the sign changes across specifications */
    double v5[] = {0, 0, -0.5, 0.2, 22, 0.01, 0};
    assert_int_equal(decide_text(only_eff, names, v5, 7, &why), CPR_V_INCONCLUSIVE);
    assert_non_null(strstr(why, "sign changes"));
    free(why);
    /* contradicted: significant opposite sign */
    double v6[] = {0, 0, 0.5, 0.2, 22, 0.01, 1};
    assert_int_equal(decide_text(only_eff, names, v6, 7, &why), CPR_V_CONTRADICTED);
    free(why);
    /* contradicted: a level far off and its trend wrong */
    double v7[] = {20.0, 0, -0.5, 0.2, 22, 0.31, 1};
    assert_int_equal(decide_text(claim_tested, names, v7, 7, &why), CPR_V_CONTRADICTED);
    free(why);
    /* untestable: only an untested part */
    const char *unt = "claim U\npart untested x \"jobs\" why \"needs ILO data\"\n";
    assert_int_equal(decide_text(unt, names, v1, 0, &why), CPR_V_UNTESTABLE);
    assert_non_null(strstr(why, "needs ILO data"));
    free(why);
    /* the combination rule directly */
    cpr_verdict p1[] = {CPR_V_REPRODUCED, CPR_V_CONTRADICTED};
    assert_int_equal(cpr_verdict_combine(p1, 2), CPR_V_PARTIAL);
    cpr_verdict p2[] = {CPR_V_INCONCLUSIVE, CPR_V_CONTRADICTED, CPR_V_UNTESTABLE};
    assert_int_equal(cpr_verdict_combine(p2, 3), CPR_V_CONTRADICTED);
    cpr_verdict p3[] = {CPR_V_INCONCLUSIVE, CPR_V_UNTESTABLE};
    assert_int_equal(cpr_verdict_combine(p3, 2), CPR_V_INCONCLUSIVE);
    assert_int_equal(cpr_verdict_combine(NULL, 0), CPR_V_UNTESTABLE);
    for (int w = CPR_V_REPRODUCED; w < CPR_V_COUNT; w++)
        assert_int_equal(cpr_verdict_parse(cpr_verdict_name((cpr_verdict)w)), w);
}

static void test_part_syntax(void **state)
{
    (void)state;
    const char *bad[] = {
        "claim X\npart level a \"A\" value $v claimed 45 tol 2 because \"x\"\n",      /* absolute tolerance */
        "claim X\npart level a \"A\" value $v claimed 45 tol 2%\n",                   /* no because */
        "claim X\npart effect a \"A\" est $b p $p sign negative\n",                  /* sign word */
        "claim X\npart untested a \"A\"\n",                                           /* no why */
        "claim X\npart guess a \"A\" holds 1\n",                                      /* kind */
        "claim X\npart trend a \"A\" holds ($v\n",                                    /* expression */
        "part trend a \"A\" holds 1\n"};                                              /* outside a claim */
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cpr_batch *b = NULL;
        assert_int_equal(cpr_batch_parse(bad[i], "m", &(cpr_batch_syntax){1, NULL, 0}, &b), CPR_E_MANIFEST);
        assert_null(b);
        cpr_error_clear();
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_and_ops), cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_no_rule_is_contradicted), cmocka_unit_test(test_scale_words),
        cmocka_unit_test(test_part_syntax)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
