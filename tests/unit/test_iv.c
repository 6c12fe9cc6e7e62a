/* 2SLS against R (AER::ivreg 1.2-10, sandwich 3.0-2) on CigarettesSW:
 * tests/unit/oracle/iv_cigarettes.R, whose output is hard-coded below
 * (tests/unit/oracle/iv_cigarettes.out). Cross-section with intercept
 * (iid, HC1, first-stage F) and two-way FE clustered by state (coefficients,
 * CR1 and iid SEs, Kleibergen-Paap rk Wald F, reduced form). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"

#define TOL 1e-9

static ref_table *gt;

static void near(const char *what, double got, double want)
{
    if (!(ref_relerr(got, want) <= TOL)) { fprintf(stderr, "MISMATCH %s: got %.17g want %.17g\n", what, got, want); fail(); }
}

/* log(packs) ~ [const] + log(rincome) | log(rprice) ~ tdiff + rtax, rows of
 * `year` only (0 = all rows, panel codes then). */
static cpr_design *cig_design(int year)
{
    size_t N = gt->nrow, n = 0;
    const double *yr = ref_col(gt, "year");
    for (size_t i = 0; i < N; i++) n += year == 0 || yr[i] == year;
    int c = year != 0;
    cpr_design *d = cpr_design_alloc(n, 2 + c);
    const double *packs = ref_col(gt, "packs"), *inc = ref_col(gt, "rincome"), *pr = ref_col(gt, "rprice"),
                 *td = ref_col(gt, "tdiff"), *tx = ref_col(gt, "rtax"), *st = ref_col(gt, "state");
    d->kx_endog = 1; d->kz = 2;
    d->Z = malloc(2 * n * sizeof *d->Z);
    d->z_names = calloc(2, sizeof *d->z_names);
    d->z_names[0] = cpr_strdup("tdiff"); d->z_names[1] = cpr_strdup("rtax");
    if (c) d->names[0] = cpr_strdup("const");
    d->names[c] = cpr_strdup("log(rincome)"); d->names[c + 1] = cpr_strdup("log(rprice)");
    d->has_const = c;
    double *stv = malloc(n * sizeof *stv), *yv = malloc(n * sizeof *yv);
    for (size_t i = 0, r = 0; i < N; i++) {
        if (year && yr[i] != year) continue;
        d->y[r] = log(packs[i]);
        if (c) d->X[r] = 1.0;
        d->X[c * n + r] = log(inc[i]);
        d->X[(c + 1) * n + r] = log(pr[i]);
        d->Z[r] = td[i]; d->Z[n + r] = tx[i];
        stv[r] = st[i]; yv[r] = yr[i];
        r++;
    }
    d->outcome = cpr_strdup("log(packs)");
    d->cluster = ref_codes(stv, n, &d->n_clusters, NULL);
    d->cluster_name = cpr_strdup("state");
    if (!year) {
        d->entity = ref_codes(stv, n, &d->n_entities, NULL);
        d->time = ref_codes(yv, n, &d->n_times, &d->time_values);
    }
    free(stv); free(yv);
    return d;
}

static cpr_result *fit(const cpr_design *d, cpr_model_kind kind, cpr_se_kind se)
{
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = kind; s.se = se;
    cpr_result *r = NULL;
    int rc = cpr_model_fit(d, &s, &r);
    if (rc) fprintf(stderr, "%s\n", cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    return r;
}

static int setup(void **st)
{
    (void)st;
    gt = ref_read_csv("tests/data/cigarettes/cigarettes_sw.csv");
    return gt ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    ref_table_free(gt);
    return 0;
}

static void test_cross_section(void **st)
{
    (void)st;
    cpr_design *d = cig_design(1995);
    cpr_result *r = fit(d, CPR_MODEL_OLS, CPR_SE_IID);
    assert_string_equal(r->model, "iv");
    near("cs const", r->estimate[0], 9.8949555411552303);
    near("cs rincome", r->estimate[1], 0.2804048250834284);
    near("cs rprice", r->estimate[2], -1.277424133427288);
    near("cs se_iid const", r->std_error[0], 1.0585599476300067);
    near("cs se_iid rincome", r->std_error[1], 0.23856543690824406);
    near("cs se_iid rprice", r->std_error[2], 0.2631985902797489);
    near("cs fs F iid", cpr_result_stat(r, "first_stage_f_1"), 244.73375355590281);
    cpr_result_free(r);
    r = fit(d, CPR_MODEL_OLS, CPR_SE_HC1);
    near("cs se_hc1 const", r->std_error[0], 0.95921694287130865);
    near("cs se_hc1 rincome", r->std_error[1], 0.25388965341863173);
    near("cs se_hc1 rprice", r->std_error[2], 0.24961000039814027);
    near("cs fs F hc1", cpr_result_stat(r, "first_stage_f_1"), 209.67626939656935);
    cpr_result_free(r);
    cpr_design_free(d);
}

static void test_twoway_fe(void **st)
{
    (void)st;
    cpr_design *d = cig_design(0);
    cpr_result *r = fit(d, CPR_MODEL_FE, CPR_SE_CLUSTER);
    assert_string_equal(r->estimator, "2SLS with two-way fixed effects (within)");
    near("fe rincome", r->estimate[0], 0.46203010833081248);
    near("fe rprice", r->estimate[1], -1.2024033729552108);
    near("fe se_cl rincome", r->std_error[0], 0.30758285668692753);
    near("fe se_cl rprice", r->std_error[1], 0.1958242623201121);
    near("fe KP F", cpr_result_stat(r, "first_stage_f_1"), 90.672585027914138);
    cpr_result_free(r);
    r = fit(d, CPR_MODEL_FE, CPR_SE_IID);
    near("fe se_iid rincome", r->std_error[0], 0.30810131639360105);
    near("fe se_iid rprice", r->std_error[1], 0.17119285391103498);
    cpr_result_free(r);
    /* reduced form: log(packs) on log(rincome), tdiff, rtax */
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    assert_int_equal(cpr_iv_aux_fit(d, &s, -1, &r), CPR_OK);
    assert_string_equal(r->model, "iv_reduced_form");
    const double b[] = { 0.40348666832062097, -0.0034137622119232102, -0.012913894760656216 },
                 se[] = { 0.29376080671424981, 0.0056283028770099681, 0.0021136072699911167 };
    for (size_t j = 0; j < 3; j++) { near("rf coef", r->estimate[j], b[j]); near("rf se", r->std_error[j], se[j]); }
    cpr_result_free(r);
    cpr_design_free(d);
}

/* Under-identification and a non-IV kind fail with a message. */
static void test_errors(void **st)
{
    (void)st;
    cpr_design *d = cig_design(1995);
    cpr_result *r = NULL;
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = CPR_MODEL_RE;
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_E_NUMERIC);
    cpr_error_clear();
    s.kind = CPR_MODEL_OLS;
    d->kz = 0;   /* no instrument left */
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_E_NUMERIC);
    assert_non_null(strstr(cpr_last_error(), "at least as many instruments"));
    cpr_error_clear();
    d->kz = 2;
    /* an instrument that is a copy of an exogenous regressor: rprice not identified */
    memcpy(d->Z, d->X + d->n, d->n * sizeof *d->Z);
    memcpy(d->Z + d->n, d->X + d->n, d->n * sizeof *d->Z);
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_E_NUMERIC);
    assert_null(r);
    cpr_error_clear();
    cpr_design_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cross_section), cmocka_unit_test(test_twoway_fe), cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
