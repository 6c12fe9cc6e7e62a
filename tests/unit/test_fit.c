/* The fitted-model object (cpr/fit.h) and the hand-over to inference:
 * residuals and fitted values on the design's rows (two-way FE on Grunfeld:
 * their sum of squares is plm's RSS, tests/reference/grunfeld/expected.json),
 * the estimator computes no variance, inference puts its block where the
 * estimator marked it, and the one-call path gives the same numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/status.h"
#include "refdata.h"

#include <math.h>
#include <string.h>

static ref_table *gt;

static int setup(void **st)
{
    (void)st;
    char *p = ref_path("grunfeld", "data.csv");
    gt = ref_read_csv(p);
    free(p);
    return gt ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    ref_table_free(gt);
    return 0;
}

static void test_fe_residuals(void **st)
{
    (void)st;
    const char *xs[] = { "value", "capital" };
    cpr_design *d = ref_design(gt, "inv", xs, 2, 0, "firm", "year");
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    cpr_fit *f = NULL;
    assert_int_equal(cpr_model_estimate(d, &s, &f), CPR_OK);
    const cpr_result *r = f->r;
    /* the estimator left the variance to inference */
    assert_true(isnan(r->std_error[0]) || r->std_error[0] == 0);
    assert_true(f->absorbed && f->n_absorbed == 29 && f->df_resid == 169);   /* 10 firms + 20 years - 1 */
    assert_non_null(r->residuals);
    long double ss = 0;
    for (size_t i = 0; i < d->n; i++) {
        ss += (long double)r->residuals[i] * r->residuals[i];
        assert_true(r->fitted[i] + r->residuals[i] == d->y[i] || fabs(r->fitted[i] + r->residuals[i] - d->y[i]) < 1e-9 * fabs(d->y[i]) + 1e-9);
    }
    assert_true(fabs((double)ss - 452147.0703789375) < 1e-9 * 452147.0703789375);
    assert_int_equal(cpr_infer_run(f), CPR_OK);
    /* the variance block goes before the model's own statistics, as it always printed */
    assert_true(r->nstats > 2 && strcmp(r->stats[0].name, "F") == 0);
    assert_true(fabs(r->std_error[0] - 0.010824429476863755) < 1e-8 * 0.0108);   /* Stata xtreg + year dummies, CR1 */
    cpr_result *one = NULL;
    assert_int_equal(cpr_model_fit(d, &s, &one), CPR_OK);
    assert_int_equal(one->nstats, r->nstats);
    assert_int_equal(one->ntests, r->ntests);
    for (size_t j = 0; j < r->k; j++) assert_true(one->std_error[j] == r->std_error[j]);
    cpr_result_free(one);
    cpr_fit_free(f);
    cpr_design_free(d);
}

static void test_result_move(void **st)
{
    (void)st;
    cpr_result *r = cpr_result_alloc(1);
    cpr_result_add_stat(r, "a", "a", 1, 0);
    cpr_result_mark at = cpr_result_mark_now(r);
    cpr_result_add_stat(r, "b", "b", 2, 0);
    cpr_result_add_note(r, "model note");
    cpr_result_mark since = cpr_result_mark_now(r);
    cpr_result_add_stat(r, "F", "F", 3, 0);
    cpr_result_add_stat(r, "F_p", "F_p", 4, 0);
    cpr_result_add_note(r, "inference note");
    cpr_result_move_since(r, at, since);
    const char *want[] = { "a", "F", "F_p", "b" };
    for (size_t i = 0; i < 4; i++) assert_string_equal(r->stats[i].name, want[i]);
    assert_string_equal(r->notes[0], "inference note");
    assert_string_equal(r->notes[1], "model note");
    assert_int_equal(cpr_result_set_stat(r, "b", 5), 1);
    assert_true(r->stats[3].value == 5);
    assert_int_equal(cpr_result_set_stat(r, "zz", 5), 0);
    cpr_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fe_residuals),
        cmocka_unit_test(test_result_move),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
