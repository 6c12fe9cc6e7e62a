/* Printers: golden strings for every format on a hand-filled cpr_result,
 * JSON parsed back with jansson, LaTeX escaping, NaN handling, and the
 * correlation and generic table printers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpr/correlate_doc.h"
#include "cpr/report.h"
#include "cpr/stat_doc.h"
#include "cpr/result.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two terms with every column filled by hand, one term all NaN. */
static cpr_result *sample(void)
{
    cpr_result *r = cpr_result_alloc(3);
    r->model = cpr_strdup("fe");
    r->estimator = cpr_strdup("Two-way fixed effects (within)");
    r->formula = cpr_strdup("poverty ~ L.aid + log(gdp_pc) | iso3 + year");
    r->se_type = cpr_strdup("cluster");
    r->se_label = cpr_strdup("Clustered by iso3 (CR1)");
    r->nobs = 200; r->n_dropped = 12; r->n_groups = 10; r->n_periods = 20; r->n_clusters = 10;
    r->df_resid = 9;
    const char *terms[] = {"L.aid", "log(gdp_pc)", "x_1"};
    const double est[] = {0.125, -2.5, NAN}, se[] = {0.025, 1.25, NAN}, t[] = {5, -2, NAN},
                 p[] = {0.000734, 0.0766, NAN}, lo[] = {0.0684, -5.33, NAN}, hi[] = {0.1816, 0.33, NAN};
    for (size_t j = 0; j < 3; j++) {
        cpr_result_set_term(r, j, terms[j]);
        r->estimate[j] = est[j]; r->std_error[j] = se[j]; r->statistic[j] = t[j];
        r->p_value[j] = p[j]; r->conf_low[j] = lo[j]; r->conf_high[j] = hi[j];
    }
    cpr_result_add_stat(r, "r2_within", "R-squared (within)", 0.75, 0);
    cpr_result_add_stat(r, "nobs", "Observations", 200, 1);
    cpr_result_add_stat(r, "rho", "rho", NAN, 0);
    cpr_result_add_test(r, "f_effects", "F test of firm effects", 49.25, 9, 188, 1e-40, "H0: no effects");
    cpr_result_add_test(r, "hausman", "Hausman", 2.5, 2, 0, 0.2865, NULL);
    cpr_result_add_note(r, "12 rows dropped: 50%% & #1_$");
    return r;
}

/* Render into a string (caller frees). */
static char *render(const cpr_result *r, cpr_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(cpr_report_result(fp, r, fmt), CPR_OK);
    fclose(fp);
    return buf;
}

static void golden(cpr_format fmt, const char *want)
{
    cpr_result *r = sample();
    char *got = render(r, fmt);
    if (strcmp(got, want) != 0) print_error("---- got (%s):\n%s---- want:\n%s", cpr_format_name(fmt), got, want);
    assert_string_equal(got, want);
    free(got);
    cpr_result_free(r);
}

static void test_text(void **state)
{
    (void)state;
    golden(CPR_FMT_TEXT,
           "Formula:     poverty ~ L.aid + log(gdp_pc) | iso3 + year\n"
           "Estimator:   Two-way fixed effects (within)\n"
           "Std. errors: Clustered by iso3 (CR1)\n"
           "N:           200 (12 dropped)\n"
           "Groups:      10\n"
           "Periods:     20\n"
           "Clusters:    10\n"
           "\n"
           "----------------------------------------------------------------------\n"
           "term         estimate  std. error   t  Pr(>|t|)               [95% CI]\n"
           "----------------------------------------------------------------------\n"
           "L.aid           0.125       0.025   5  0.000734  ***  [0.0684, 0.1816]\n"
           "log(gdp_pc)      -2.5        1.25  -2    0.0766    *     [-5.33, 0.33]\n"
           "x_1                NA          NA  NA        NA                     NA\n"
           "----------------------------------------------------------------------\n"
           "\n"
           "Signif. codes: *** p<0.01, ** p<0.05, * p<0.1\n"
           "\n"
           "Fit statistics\n"
           "  R-squared (within)  0.75\n"
           "  Observations        200\n"
           "  rho                 NA\n"
           "\n"
           "Tests\n"
           "---------------------------------------------------\n"
           "Test                    statistic      df   p-value\n"
           "---------------------------------------------------\n"
           "F test of firm effects      49.25  9, 188  <2.2e-16\n"
           "Hausman                       2.5       2    0.2865\n"
           "---------------------------------------------------\n"
           "\n"
           "F test of firm effects: H0: no effects\n"
           "\n"
           "Notes\n"
           "12 rows dropped: 50% & #1_$\n");
}

static void test_markdown(void **state)
{
    (void)state;
    golden(CPR_FMT_MD,
           "- **Formula:** poverty ~ L.aid + log(gdp_pc) \\| iso3 + year\n"
           "- **Estimator:** Two-way fixed effects (within)\n"
           "- **Std. errors:** Clustered by iso3 (CR1)\n"
           "- **N:** 200 (12 dropped)\n"
           "- **Groups:** 10\n"
           "- **Periods:** 20\n"
           "- **Clusters:** 10\n"
           "\n"
           "| term | estimate | std. error | t | Pr(>\\|t\\|) |  | [95% CI] |\n"
           "|:---|---:|---:|---:|---:|---:|---:|\n"
           "| L.aid | 0.125 | 0.025 | 5 | 0.000734 | \\*\\*\\* | [0.0684, 0.1816] |\n"
           "| log(gdp_pc) | -2.5 | 1.25 | -2 | 0.0766 | \\* | [-5.33, 0.33] |\n"
           "| x_1 | NA | NA | NA | NA |  | NA |\n"
           "\n"
           "Signif. codes: \\*\\*\\* p<0.01, \\*\\* p<0.05, \\* p<0.1\n"
           "\n"
           "**Fit statistics**\n"
           "\n"
           "| statistic | value |\n"
           "|:---|---:|\n"
           "| R-squared (within) | 0.75 |\n"
           "| Observations | 200 |\n"
           "| rho | NA |\n"
           "\n"
           "**Tests**\n"
           "\n"
           "| Test | statistic | df | p-value |\n"
           "|:---|---:|---:|---:|\n"
           "| F test of firm effects | 49.25 | 9, 188 | <2.2e-16 |\n"
           "| Hausman | 2.5 | 2 | 0.2865 |\n"
           "\n"
           "F test of firm effects: H0: no effects\n"
           "\n"
           "**Notes**\n"
           "\n"
           "12 rows dropped: 50% & #1_$\n");
}

static void test_csv(void **state)
{
    (void)state;
    golden(CPR_FMT_CSV,
           "term,estimate,std_error,statistic,p_value,conf_low,conf_high\n"
           "L.aid,0.125,0.025,5,0.000734,0.0684,0.1816\n"
           "log(gdp_pc),-2.5,1.25,-2,0.0766,-5.33,0.33\n"
           "x_1,NA,NA,NA,NA,NA,NA\n");
}

/* Bootstrap columns appear only when computed: CSV names and the text
 * header; the NaN row prints NA. */
static void test_boot_columns(void **state)
{
    (void)state;
    cpr_result *r = sample();
    r->boot_p[0] = 0.001953125; r->boot_low[0] = 0.0418; r->boot_high[0] = 0.1919;
    r->boot_p[1] = 0.25; r->boot_low[1] = -6; r->boot_high[1] = NAN;
    char *got = render(r, CPR_FMT_CSV);
    const char *want =
        "term,estimate,std_error,statistic,p_value,conf_low,conf_high,boot_p_value,boot_p_bound,boot_conf_low,boot_conf_high\n"
        "L.aid,0.125,0.025,5,0.000734,0.0684,0.1816,0.001953125,NA,0.0418,0.1919\n"
        "log(gdp_pc),-2.5,1.25,-2,0.0766,-5.33,0.33,0.25,NA,-6,NA\n"
        "x_1,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA\n";
    if (strcmp(got, want) != 0) print_error("---- got:\n%s---- want:\n%s", got, want);
    assert_string_equal(got, want);
    free(got);
    got = render(r, CPR_FMT_TEXT);
    if (!strstr(got, "boot p") || !strstr(got, "[boot 95% CI]")) print_error("%s", got);
    assert_non_null(strstr(got, "[boot 95% CI]"));
    assert_non_null(strstr(got, "0.001953  [0.0418, 0.1919]"));
    assert_non_null(strstr(got, "[-6, NA]"));
    free(got);
    got = render(r, CPR_FMT_JSON);
    assert_non_null(strstr(got, "\"boot_conf_high\": null"));
    free(got);
    /* a p at the smallest resolvable value prints as a bound */
    r->boot_p_floor = 1.0 / 9999; r->boot_exact = 0; r->boot_p[1] = 1.0 / 9999;
    got = render(r, CPR_FMT_TEXT);
    if (!strstr(got, "< 0.0001")) print_error("%s", got);
    assert_non_null(strstr(got, "< 0.0001"));
    free(got);
    r->boot_p_floor = 2.0 / 1024; r->boot_exact = 1; r->boot_p[1] = 2.0 / 1024;
    got = render(r, CPR_FMT_TEXT);
    assert_non_null(strstr(got, "<= 0.002"));
    free(got);
    got = render(r, CPR_FMT_CSV);
    assert_non_null(strstr(got, ",0.001953125,<=,"));
    free(got);
    cpr_result_free(r);
}

static void test_latex(void **state)
{
    (void)state;
    golden(CPR_FMT_LATEX,
           "% cpr-stats output; requires \\usepackage{booktabs}\n"
           "\n"
           "\\begin{tabular}{lr}\n"
           "\\toprule\n"
           "Formula & poverty \\textasciitilde{} L.aid + log(gdp\\_pc) \\textbar{} iso3 + year \\\\\n"
           "Estimator & Two-way fixed effects (within) \\\\\n"
           "Std. errors & Clustered by iso3 (CR1) \\\\\n"
           "N & 200 (12 dropped) \\\\\n"
           "Groups & 10 \\\\\n"
           "Periods & 20 \\\\\n"
           "Clusters & 10 \\\\\n"
           "\\bottomrule\n"
           "\\end{tabular}\n"
           "\n"
           "\\begin{tabular}{lrrrrrr}\n"
           "\\toprule\n"
           "term & estimate & std. error & t & Pr(\\textgreater{}\\textbar{}t\\textbar{}) &  & [95\\% CI] \\\\\n"
           "\\midrule\n"
           "L.aid & 0.125 & 0.025 & 5 & 0.000734 & *** & [0.0684, 0.1816] \\\\\n"
           "log(gdp\\_pc) & -2.5 & 1.25 & -2 & 0.0766 & * & [-5.33, 0.33] \\\\\n"
           "x\\_1 & -- & -- & -- & -- &  & -- \\\\\n"
           "\\bottomrule\n"
           "\\end{tabular}\n"
           "\n"
           "Signif. codes: *** p\\textless{}0.01, ** p\\textless{}0.05, * p\\textless{}0.1\\par\n"
           "\n"
           "\\begin{tabular}{lr}\n"
           "\\toprule\n"
           "\\multicolumn{2}{l}{Fit statistics} \\\\\n"
           "\\midrule\n"
           "R-squared (within) & 0.75 \\\\\n"
           "Observations & 200 \\\\\n"
           "rho & -- \\\\\n"
           "\\bottomrule\n"
           "\\end{tabular}\n"
           "\n"
           "% Tests\n"
           "\\begin{tabular}{lrrr}\n"
           "\\toprule\n"
           "Test & statistic & df & p-value \\\\\n"
           "\\midrule\n"
           "F test of firm effects & 49.25 & 9, 188 & \\textless{}2.2e-16 \\\\\n"
           "Hausman & 2.5 & 2 & 0.2865 \\\\\n"
           "\\bottomrule\n"
           "\\end{tabular}\n"
           "\n"
           "F test of firm effects: H0: no effects\\par\n"
           "\n"
           "12 rows dropped: 50\\% \\& \\#1\\_\\$\\par\n");
}

static double jreal(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    assert_non_null(v);
    assert_true(json_is_number(v));
    return json_number_value(v);
}

static void test_json(void **state)
{
    (void)state;
    cpr_result *r = sample();
    r->estimate[0] = 0.1 + 0.2;  /* needs 17 digits to round-trip */
    char *s = render(r, CPR_FMT_JSON);
    json_error_t err;
    json_t *root = json_loads(s, 0, &err);
    if (!root) print_error("%s\n%s\n", err.text, s);
    assert_non_null(root);
    /* member order as documented */
    const char *order[] = {"model", "formula", "estimator", "se_type", "se_label", "nobs", "n_dropped",
                           "n_groups", "n_periods", "n_clusters", "conf_level", "coefficients",
                           "stats", "tests", "notes"};
    size_t i = 0;
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        assert_true(i < 15);
        assert_string_equal(key, order[i]);
        i++;
    }
    assert_int_equal(i, 15);
    assert_string_equal(json_string_value(json_object_get(root, "formula")), r->formula);
    assert_true(json_is_integer(json_object_get(root, "nobs")));
    assert_int_equal(json_integer_value(json_object_get(root, "nobs")), 200);
    json_t *coef = json_object_get(root, "coefficients");
    assert_int_equal(json_array_size(coef), 3);
    json_t *c0 = json_array_get(coef, 0);
    assert_string_equal(json_string_value(json_object_get(c0, "term")), "L.aid");
    assert_true(jreal(c0, "estimate") == 0.1 + 0.2);     /* exact round trip */
    assert_true(jreal(c0, "std_error") == 0.025);
    assert_true(jreal(c0, "p_value") == 0.000734);
    assert_true(jreal(c0, "conf_high") == 0.1816);
    assert_null(json_object_get(c0, "stars"));           /* human-only column */
    json_t *c2 = json_array_get(coef, 2);
    assert_true(json_is_null(json_object_get(c2, "estimate")));  /* NaN -> null */
    assert_true(json_is_null(json_object_get(c2, "conf_low")));
    json_t *stats = json_object_get(root, "stats");
    assert_true(jreal(stats, "r2_within") == 0.75);
    assert_true(json_is_null(json_object_get(stats, "rho")));
    json_t *tests = json_object_get(root, "tests");
    assert_int_equal(json_array_size(tests), 2);
    assert_true(jreal(json_array_get(tests, 0), "p_value") == 1e-40);
    assert_true(json_is_null(json_object_get(json_array_get(tests, 1), "df2")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(root, "notes"), 0)),
                        "12 rows dropped: 50% & #1_$");
    assert_null(strstr(s, "nan"));
    assert_null(strstr(s, "NaN"));
    json_decref(root);
    free(s);
    cpr_result_free(r);
}

/* A result with no groups, tests or notes: JSON keeps the keys, text omits them. */
static void test_empty_parts(void **state)
{
    (void)state;
    cpr_result *r = cpr_result_alloc(0);
    r->formula = cpr_strdup("y ~ 1");
    r->nobs = 5;
    char *s = render(r, CPR_FMT_JSON);
    json_t *root = json_loads(s, 0, NULL);
    assert_non_null(root);
    assert_true(json_is_null(json_object_get(root, "n_groups")));
    assert_true(json_is_null(json_object_get(root, "estimator")));
    assert_int_equal(json_array_size(json_object_get(root, "tests")), 0);
    assert_int_equal(json_array_size(json_object_get(root, "notes")), 0);
    json_decref(root);
    free(s);
    s = render(r, CPR_FMT_TEXT);
    assert_null(strstr(s, "Groups"));
    assert_null(strstr(s, "Tests"));
    assert_null(strstr(s, "Notes"));
    assert_non_null(strstr(s, "Estimator:   NA\n"));
    free(s);
    cpr_result_free(r);
}

static void test_format_parse(void **state)
{
    (void)state;
    assert_int_equal(cpr_format_parse("text"), CPR_FMT_TEXT);
    assert_int_equal(cpr_format_parse("Markdown"), CPR_FMT_MD);
    assert_int_equal(cpr_format_parse("md"), CPR_FMT_MD);
    assert_int_equal(cpr_format_parse("csv"), CPR_FMT_CSV);
    assert_int_equal(cpr_format_parse("JSON"), CPR_FMT_JSON);
    assert_int_equal(cpr_format_parse("tex"), CPR_FMT_LATEX);
    assert_int_equal(cpr_format_parse("latex"), CPR_FMT_LATEX);
    assert_int_equal(cpr_format_parse("xml"), -1);
    assert_int_equal(cpr_format_parse(NULL), -1);
    assert_string_equal(cpr_format_name(CPR_FMT_LATEX), "latex");
}

static char *render_corr(const cpr_correlation *c, cpr_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(cpr_report_correlation(fp, c, fmt), CPR_OK);
    fclose(fp);
    return buf;
}

static void test_correlation(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, 4, 5, NAN}, y[] = {2, 1, 4, 3, 5, 1};
    cpr_correlation c;
    assert_int_equal(cpr_correlate(x, y, 6, "gdp_pc", "aid", 0.95, &c), CPR_OK);
    char *s = render_corr(&c, CPR_FMT_CSV);
    assert_non_null(strstr(s, "method,estimate,statistic_name,statistic,df,p_value,conf_low,conf_high\n"));
    assert_non_null(strstr(s, "\npearson,0.8,t,"));
    assert_non_null(strstr(s, "\nkendall,0.6,z,"));
    assert_non_null(strstr(s, ",z,") && strstr(strstr(s, ",z,") + 3, ",NA,"));   /* no df for z */
    free(s);
    s = render_corr(&c, CPR_FMT_TEXT);
    assert_non_null(strstr(s, "Correlation of gdp_pc and aid\n"));
    assert_non_null(strstr(s, "N: 5 (1 pairs with a missing value dropped)\n"));
    free(s);
    s = render_corr(&c, CPR_FMT_JSON);
    json_t *root = json_loads(s, 0, NULL);
    assert_non_null(root);
    assert_int_equal(json_integer_value(json_object_get(root, "n_dropped")), 1);
    json_t *rows = json_object_get(root, "correlations");
    assert_int_equal(json_array_size(rows), 3);
    assert_true(json_number_value(json_object_get(json_array_get(rows, 0), "estimate")) == c.pearson.estimate);
    assert_true(json_is_null(json_object_get(json_array_get(rows, 2), "df")));
    json_decref(root);
    free(s);
    cpr_correlation_clear(&c);
}

/* stat's document (the printer `stat` uses): CSV quoting of a label, NA for
 * an undefined value, 8 significant digits in text; a blank (empty) cell. */
static void test_stat_doc(void **state)
{
    (void)state;
    cpr_stat_row g[2] = {{.entity = "inv", .n = 200, .value = 145.958251},
                         {.entity = "a,\"b\"", .n = 3, .value = NAN}};
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(cpr_report_stat(fp, "x", CPR_STAT_MEAN, CPR_STAT_BY_ENTITY, g, 2, CPR_FMT_CSV), CPR_OK);
    assert_int_equal(cpr_report_stat(fp, "x", CPR_STAT_MEAN, CPR_STAT_BY_ENTITY, g, 2, CPR_FMT_TEXT), CPR_OK);
    cpr_doc *d = cpr_doc_alloc(NULL);
    cpr_doc_col cols[2] = {{"a", "a", CPR_SHOW_ALL}, {"b", "b", CPR_SHOW_ALL}};
    cpr_doc_block *b = cpr_doc_add_table(d, "t", NULL, CPR_SHOW_ALL, 2, cols);
    cpr_cell row[2] = {cpr_cell_text("x"), cpr_cell_empty()};
    cpr_doc_table_row(b, row);
    assert_int_equal(cpr_doc_render(fp, d, CPR_FMT_MD), CPR_OK);
    assert_int_equal(cpr_doc_render(fp, d, CPR_FMT_CSV), CPR_OK);
    cpr_doc_free(d);
    fclose(fp);
    assert_string_equal(buf,
                        "entity,value,n\n"
                        "inv,145.958251,200\n"
                        "\"a,\"\"b\"\"\",NA,3\n"
                        "mean of x\n"
                        "\n"
                        "----------------------\n"
                        "entity      value    n\n"
                        "----------------------\n"
                        "inv     145.95825  200\n"
                        "a,\"b\"          NA    3\n"
                        "----------------------\n"
                        "| a | b |\n"
                        "|:---|---:|\n"
                        "| x |  |\n"
                        "a,b\n"
                        "x,NA\n");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_latex),
        cmocka_unit_test(test_boot_columns),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_empty_parts),
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_correlation),
        cmocka_unit_test(test_stat_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
