/* Batch and manifest parser: good input parses into the right line kinds;
 * bad input (unknown command, malformed assertion, directive outside a
 * claim, open quote) fails with CPR_E_MANIFEST naming FILE:LINE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/claims.h"
#include "cpr/status.h"

#include <stdlib.h>
#include <string.h>

static const char *const cmds[] = {"regress", "stat", "correlate", "plot"};
static const cpr_batch_syntax batch_syn = {0, cmds, 4};
static const cpr_batch_syntax man_syn = {1, cmds, 4};

static int parse_fails(const char *text, const cpr_batch_syntax *syn, const char *needle)
{
    cpr_batch *b = (cpr_batch *)1;
    cpr_error_clear();
    int rc = cpr_batch_parse(text, "t.cpr", syn, &b);
    assert_null(b);
    if (needle && !strstr(cpr_last_error(), needle)) fail_msg("message '%s' lacks '%s'", cpr_last_error(), needle);
    return rc;
}

static void test_good_batch(void **state)
{
    (void)state;
    const char *text = "# comment\n\n  regress -f 'poverty ~ aid | iso3 + year' --se hc1\r\n"
                       "assert coef(aid).estimate < 0\nlet b = coef(aid).estimate\n"
                       "try stat \"x y\"\nassert $b ~= 1 tol 5%\nsave m1\n";
    cpr_batch *b = NULL;
    assert_int_equal(cpr_batch_parse(text, "t.cpr", &batch_syn, &b), 0);
    assert_int_equal(b->n, 6);
    assert_int_equal(b->lines[0].kind, CPR_L_CMD);
    assert_int_equal(b->lines[0].lineno, 3);
    assert_int_equal(b->lines[0].argc, 5);
    assert_string_equal(b->lines[0].argv[2], "poverty ~ aid | iso3 + year");
    assert_int_equal(b->lines[1].kind, CPR_L_ASSERT);
    assert_int_equal(b->lines[2].kind, CPR_L_LET);
    assert_string_equal(b->lines[2].name, "b");
    assert_int_equal(b->lines[3].kind, CPR_L_TRY);
    assert_string_equal(b->lines[3].argv[1], "x y");
    assert_int_equal(b->lines[5].kind, CPR_L_SAVE);
    cpr_batch_free(b);
}

static void test_good_manifest(void **state)
{
    (void)state;
    const char *text = "note \"caveat\"\nclaim C02\nsource \"000, part 3\"\nsays \"fell\"\n"
                       "stat --at 2002 pov_830\nlet p = value\nmeasured \"{p:.1f}\"\n"
                       "reproduced if $p ~= 45.4 tol 2\ndirection if $p < 60 why \"other line\"\n"
                       "otherwise contradicted\nexpect direction\nclaim C05\nuntestable why \"needs: ILO data\"\n";
    cpr_batch *b = NULL;
    assert_int_equal(cpr_batch_parse(text, "m", &man_syn, &b), 0);
    assert_int_equal(b->lines[0].kind, CPR_L_NOTE);
    assert_int_equal(b->lines[1].kind, CPR_L_CLAIM);
    assert_string_equal(b->lines[1].name, "C02");
    assert_int_equal(b->lines[2].kind, CPR_L_META);
    assert_string_equal(b->lines[2].text, "000, part 3");
    assert_int_equal(b->lines[7].kind, CPR_L_RULE);
    assert_int_equal(b->lines[7].verdict, CPR_V_REPRODUCED);
    assert_string_equal(b->lines[8].why, "other line");
    assert_string_equal(b->lines[8].text, "$p < 60");
    assert_null(b->lines[9].text);
    assert_int_equal(b->lines[9].verdict, CPR_V_CONTRADICTED);
    assert_int_equal(b->lines[10].verdict, CPR_V_DIRECTION);
    assert_null(b->lines[12].text);
    assert_int_equal(b->lines[12].verdict, CPR_V_UNTESTABLE);
    cpr_batch_free(b);
}

static void test_bad_input(void **state)
{
    (void)state;
    assert_int_equal(parse_fails("regress aid poverty\nregres aid poverty\n", &batch_syn, "t.cpr:2: unknown cpr-stats command 'regres'; did you mean 'regress'?"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("regress a b\nassert coef(aid).estimate <\n", &batch_syn, "t.cpr:2: malformed expression"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("assert nobs ~= 3\n", &batch_syn, "tol"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("assert (nobs > 3\n", &batch_syn, "expected ')'"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("let = 3\n", &batch_syn, "let NAME = EXPRESSION"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("regress 'aid poverty\n", &batch_syn, "unterminated quote"), CPR_E_MANIFEST);
    /* claim directives are manifest-only: in a batch file they are commands */
    assert_int_equal(parse_fails("claim C01\n", &batch_syn, "unknown cpr-stats command 'claim'"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("says \"x\"\n", &man_syn, "outside a claim"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("claim C1\nexpect maybe\n", &man_syn, "unknown verdict 'maybe'"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("claim C1\ndirection when $x\n", &man_syn, "expected 'if CONDITION'"), CPR_E_MANIFEST);
    assert_int_equal(parse_fails("claim C1\notherwise direction if $x > 1\n", &man_syn, "no condition"), CPR_E_MANIFEST);
}

static void test_words(void **state)
{
    (void)state;
    char **w;
    size_t n;
    assert_int_equal(cpr_words_split("a 'b c' \"d \\\"e\\\"\" f''g", &w, &n), 0);
    assert_int_equal(n, 4);
    assert_string_equal(w[1], "b c");
    assert_string_equal(w[2], "d \"e\"");
    assert_string_equal(w[3], "fg");
    cpr_words_free(w, n);
    assert_int_equal(cpr_words_split("a 'b", &w, &n), -1);
}

/* The report's tables (Table 1, the leave-one-out refits) go through the
 * Markdown and HTML backends of src/report; the HTML is a fragment. */
static void test_tables_render(void **state)
{
    (void)state;
    json_error_t je;
    json_t *t = json_loads("[{\"title\": \"Table 1 <x>\", \"columns\": [\"dimension\", \"LAC\", \"paper\"],"
                           " \"rows\": [[\"Rule of law\", \"42.2\", \"55\"], [\"a|b\", \"1\", \"2\"]],"
                           " \"note\": \"n\"}]", 0, &je);
    assert_non_null(t);
    char *md = NULL, *html = NULL;
    cpr_claims_tables_render(t, &md, &html);
    assert_string_equal(md, "\n**Table 1 <x>**\n\n| dimension | LAC | paper |\n|:---|---:|---:|\n"
                            "| Rule of law | 42.2 | 55 |\n| a\\|b | 1 | 2 |\n\nn\n");
    assert_null(strstr(html, "<!DOCTYPE"));
    assert_null(strstr(html, "<body"));
    assert_non_null(strstr(html, "<caption>Table 1 &lt;x&gt;</caption>"));
    assert_non_null(strstr(html, "<th scope=\"row\">Rule of law</th><td>42.2</td><td>55</td>"));
    assert_non_null(strstr(html, "<tfoot>"));
    free(md);
    free(html);
    json_decref(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_batch), cmocka_unit_test(test_good_manifest),
        cmocka_unit_test(test_bad_input), cmocka_unit_test(test_words), cmocka_unit_test(test_tables_render)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
