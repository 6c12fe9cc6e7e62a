/* The large-n paths against R plm: least squares by the normal equations
 * (CPR_LS_AUTO above CPR_LS_XTX_MIN_N rows), two-way absorption by
 * alternating projections in effect space on an unbalanced panel with
 * 10,000 entities, the pooled RSS of the effects F test from centered
 * cross-products, and the fall-back to QR when X is ill conditioned.
 * Data: the benchmark generator (scripts/bench/gen_panel.c, compiled in
 * here) with N = 50,000 and seed 7, written to a temporary CSV and loaded
 * as the command line would. Reference values: R 4.2.2 + plm 2.6-2 +
 * sandwich 3.0-2, script tests/unit/oracle/large_panel.R (its exact command
 * is at its top), output tests/unit/oracle/large_panel.out, copied below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/frame.h"
#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#define GEN_PANEL_NO_MAIN
#include "../../scripts/bench/gen_panel.c"

#define TOL 1e-9

static cpr_frame *g_frame;
static ref_worst g_w;

static void expect(const char *what, double got, double want, double tol)
{
    ref_track(&g_w, what, got, want);
    if (!(ref_relerr(got, want) <= tol)) {
        fprintf(stderr, "MISMATCH %s: got %.17g want %.17g\n", what, got, want);
        fail();
    }
}

static int setup(void **st)
{
    (void)st;
    char path[] = "/tmp/cpr-large-panel-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return -1;
    FILE *f = fdopen(fd, "w");
    if (!f || gen_panel_write(f, 50000, 7) != 0 || fclose(f) != 0) { unlink(path); return -1; }
    cpr_load_opts o = { 0 };
    o.quiet = 1;
    int rc = cpr_frame_read_csv(path, &o, &g_frame);
    unlink(path);
    return rc == CPR_OK ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    cpr_frame_free(g_frame);
    return 0;
}

static cpr_design *design(const char *formula, int absorb)
{
    cpr_formula *fm = NULL;
    assert_int_equal(cpr_formula_parse(formula, &fm), CPR_OK);
    cpr_design_opts o = { 0 };
    o.absorb_fe = absorb;
    cpr_design *d = NULL;
    int rc = cpr_design_build(g_frame, fm, &o, &d, NULL);
    if (rc) fprintf(stderr, "design: %s\n", cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    cpr_formula_free(fm);
    return d;
}

static const cpr_test *find_test(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->ntests; i++) if (strcmp(r->tests[i].name, name) == 0) return &r->tests[i];
    fail_msg("no test %s", name);
    return NULL;
}

/* Two-way FE with SEs clustered by entity: plm's sss factor, CR0, Stata's. */
static void test_twoway_cluster(void **st)
{
    (void)st;
    static const double coef[] = { 0.49755690667595115, -0.31232144071072515 };
    static const double se_sss[] = { 0.0049888003826034505, 0.004970730624434142 };
    static const double se_cr0[] = { 0.0049885010495914744, 0.0049704323756257262 };
    static const double se_stata[] = { 0.0049892494532261531, 0.0049711780684939567 };
    cpr_design *d = design("y ~ x1 + x2 | entity + year", 1);
    assert_int_equal(d->n, 50000);
    assert_int_equal(d->n_entities, 10000);
    const cpr_ssc sscs[] = { CPR_SSC_PLM, CPR_SSC_NONE, CPR_SSC_STATA };
    const double *want[] = { se_sss, se_cr0, se_stata };
    for (int q = 0; q < 3; q++) {
        cpr_model_spec s;
        cpr_model_spec_default(&s);
        s.ssc = sscs[q];
        cpr_result *r = NULL;
        assert_int_equal(cpr_model_fit(d, &s, &r), CPR_OK);
        assert_int_equal(r->k, 2);
        for (size_t j = 0; j < 2; j++) {
            expect("tw_coef", r->estimate[j], coef[j], TOL);
            expect("tw_se", r->std_error[j], want[q][j], TOL);
        }
        if (q == 0) {
            expect("tw_rss", cpr_result_stat(r, "rss"), 39553.119337341675, TOL);
            expect("tw_df", cpr_result_stat(r, "df_resid"), 39990, 0);
            assert_true(cpr_result_stat(r, "fe_iterations") > 0);   /* unbalanced: iterated */
            const cpr_test *t = find_test(r, "f_effects");
            expect("f_effects", t->statistic, 6.3709019657284429, TOL);
            expect("f_effects_df1", t->df1, 10007, 0);
            expect("f_effects_df2", t->df2, 39990, 0);
        }
        cpr_result_free(r);
    }
    cpr_design_free(d);
    fprintf(stderr, "# two-way FE, 50,000 rows, vs R plm  %d values, worst rel. error %.2e (%s)\n", g_w.n, g_w.worst, g_w.what);
}

/* The in-place path (d->x_scratch, as regress sets it for one model): X
 * demeaned where it is, the pooled RSS and Wooldridge's AR(1) regressions
 * computed before in streaming passes, residuals moved to the result. Same
 * estimates and SEs bit for bit as the copying path; the tests against R
 * (xtserial written out in large_panel.R, section 3). */
static void test_inplace_same(void **st)
{
    (void)st;
    cpr_design *d0 = design("y ~ x1 + x2 | entity + year", 1), *d1 = design("y ~ x1 + x2 | entity + year", 1);
    d1->x_scratch = 1;
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.se = CPR_SE_CLUSTER;
    cpr_result *r0 = NULL, *r1 = NULL;
    assert_int_equal(cpr_model_fit(d0, &s, &r0), CPR_OK);
    assert_int_equal(cpr_model_fit(d1, &s, &r1), CPR_OK);
    assert_int_equal(r0->k, r1->k);
    assert_memory_equal(r0->estimate, r1->estimate, r0->k * sizeof(double));
    assert_memory_equal(r0->std_error, r1->std_error, r0->k * sizeof(double));
    assert_true(cpr_result_stat(r0, "rss") == cpr_result_stat(r1, "rss"));
    /* X was overwritten (demeaned: its column sums are now ~0), y was not */
    assert_memory_equal(d0->y, d1->y, d0->n * sizeof(double));
    assert_true(memcmp(d0->X, d1->X, d0->n * sizeof(double)) != 0);
    /* residuals: the same vector to rounding; fitted left to the reader */
    assert_non_null(r1->residuals);
    assert_null(r1->fitted);
    for (size_t i = 0; i < d0->n; i += 997) assert_true(fabs(r0->residuals[i] - r1->residuals[i]) <= 1e-12);
    const cpr_result *rs[] = { r0, r1 };
    for (int q = 0; q < 2; q++) {
        expect("inplace_f_effects", find_test(rs[q], "f_effects")->statistic, 6.3709019657284429, TOL);
        const cpr_test *t = find_test(rs[q], "wooldridge_ar1");
        expect("xtserial_F", t->statistic, 11.877743664326356, TOL);
        expect("xtserial_df2", t->df2, 5829, 0);
        assert_non_null(strstr(t->note, "-0.471176"));   /* lag coefficient -0.4711760494584562 */
    }
    cpr_result_free(r0); cpr_result_free(r1);
    cpr_design_free(d0); cpr_design_free(d1);
}

/* AUTO picks the normal equations for a well-conditioned X with n > 20000. */
static void test_auto_uses_xtx(void **st)
{
    (void)st;
    cpr_design *d = design("y ~ x1 + x2", 0);
    assert_true(d->n > CPR_LS_XTX_MIN_N);
    cpr_ls ls;
    assert_int_equal(cpr_ols_qr(d->X, d->n, d->k, d->y, 0, CPR_LS_AUTO, &ls), CPR_OK);
    assert_int_equal(ls.method, CPR_LS_XTX);
    assert_true(ls.cond < 10);
    cpr_ls qr;   /* and agrees with the QR path to rounding */
    assert_int_equal(cpr_ols_qr(d->X, d->n, d->k, d->y, 0, CPR_LS_QR, &qr), CPR_OK);
    for (size_t j = 0; j < d->k; j++) {
        assert_true(ref_relerr(ls.beta[j], qr.beta[j]) < 1e-13);
        assert_true(ref_relerr(ls.bread[j * d->k + j], qr.bread[j * d->k + j]) < 1e-13);
    }
    assert_true(ref_relerr(ls.rss, qr.rss) < 1e-13);
    cpr_ls_clear(&ls); cpr_ls_clear(&qr);
    cpr_design_free(d);
}

/* cond above CPR_LS_XTX_MAX_COND: AUTO falls back to QR, and the estimates
 * match R's lm (itself a double QR: good to ~kappa * 1e-16 = 2.5e-10). */
static void test_auto_falls_back_to_qr(void **st)
{
    (void)st;
    const double *x1, *x2;
    assert_int_equal(cpr_frame_numeric(g_frame, "x1", &x1), CPR_OK);
    assert_int_equal(cpr_frame_numeric(g_frame, "x2", &x2), CPR_OK);
    double *z = cpr_malloc(g_frame->nrow * sizeof *z);
    for (size_t i = 0; i < g_frame->nrow; i++) z[i] = x1[i] + 1e-6 * x2[i];
    if (cpr_frame_find(g_frame, "z") < 0) assert_int_equal(cpr_frame_add_numeric(g_frame, "z", z), CPR_OK);
    else free(z);
    cpr_design *d = design("y ~ z + x1", 0);
    cpr_ls ls;
    assert_int_equal(cpr_ols_qr(d->X, d->n, d->k, d->y, 0, CPR_LS_AUTO, &ls), CPR_OK);
    assert_int_equal(ls.method, CPR_LS_QR);
    assert_true(ls.cond > CPR_LS_XTX_MAX_COND);
    cpr_ls_clear(&ls);
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = CPR_MODEL_OLS; s.se = CPR_SE_IID;
    cpr_result *r = NULL;
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_OK);
    static const double coef[] = { 0.067203068477759628, -185291.82397674982, 185292.80810745718 };
    static const double se[] = { 0.0064124490958494167, 6175.0297079478905, 6175.0296738825427 };
    for (size_t j = 0; j < 3; j++) {
        expect("ill_coef", r->estimate[j], coef[j], 1e-7);
        expect("ill_se", r->std_error[j], se[j], 1e-7);
    }
    cpr_result_free(r);
    cpr_design_free(d);
}

/* Non-convergence is reported (exit 14), not looped on. */
static void test_noconv(void **st)
{
    (void)st;
    cpr_design *d = design("y ~ x1 + x2 | entity + year", 1);
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.fe_maxiter = 3; s.fe_tol = 1e-15;
    cpr_result *r = NULL;
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_E_NOCONV);
    assert_null(r);
    cpr_error_clear();
    cpr_design_free(d);
    fprintf(stderr, "# large panel vs R plm  %d values, worst rel. error %.2e (%s)\n", g_w.n, g_w.worst, g_w.what);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_twoway_cluster), cmocka_unit_test(test_inplace_same), cmocka_unit_test(test_auto_uses_xtx),
        cmocka_unit_test(test_auto_falls_back_to_qr), cmocka_unit_test(test_noconv),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
