/* The fixed-effects rows of the multi-model table come from each model's
 * formula read by the formula parser, not from a search for '|': a
 * backquoted name that holds a '|' is one fixed effect, an IV formula's
 * "| 0 |" is none, and a formula that does not parse gives none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/modeltable.h"
#include "cpr/report.h"
#include "cpr/result.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cpr_result *model(const char *name, const char *formula)
{
    cpr_result *r = cpr_result_alloc(1);
    r->model = cpr_strdup(name);
    r->formula = formula ? cpr_strdup(formula) : NULL;
    r->nobs = 10;
    cpr_result_set_term(r, 0, "x");
    r->estimate[0] = 1; r->std_error[0] = 0.5; r->statistic[0] = 2; r->p_value[0] = 0.07;
    r->conf_low[0] = 0; r->conf_high[0] = 2;
    r->df_resid = 8;
    return r;
}

static char *table_csv(const cpr_result *const *m, size_t n)
{
    cpr_mtable_opts o;
    cpr_mtable_opts_default(&o);
    cpr_doc *d = cpr_mtable_doc(m, n, &o);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(cpr_doc_render(fp, d, CPR_FMT_CSV), CPR_OK);
    fclose(fp);
    cpr_doc_free(d);
    return buf;
}

static void test_fe_rows_from_parsed_formula(void **state)
{
    (void)state;
    cpr_result *m[4] = {model("fe", "y ~ x | `a|b` + year"), model("iv", "y ~ x | 0 | d ~ z"),
                        model("ols", "y ~ x"), model("fe", "y ~ x | (unparsable")};
    char *t = table_csv((const cpr_result *const *)m, 4);
    assert_non_null(strstr(t, "A|b FE,Yes,No,No,No"));
    assert_non_null(strstr(t, "Year FE,Yes,No,No,No"));
    assert_null(strstr(t, "B` FE"));
    assert_null(strstr(t, "0 FE"));
    assert_int_equal(cpr_last_code(), 0);   /* the unparsable formula was handled */
    free(t);
    for (size_t i = 0; i < 4; i++) cpr_result_free(m[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fe_rows_from_parsed_formula),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
