/* Variance estimators and tests not covered by tests/reference, against
 * R (plm 2.6-2, sandwich 3.0-2) on the Grunfeld data: the script is
 * tests/unit/oracle/grunfeld_extra.R and its printed output, hard-coded
 * below, is tests/unit/oracle/grunfeld_extra.out. Also: unbalanced panels
 * (two-way FE by alternating projections vs R's LSDV), row-order invariance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"

#define TOL 1e-8

static ref_table *gt;
static cpr_design *gd, *gd0;
static ref_worst g_all;

static void expect3(ref_worst *w, const char *what, const cpr_result *r, const double *want, int se, size_t off)
{
    for (size_t j = 0; j + off < r->k && j < 3; j++) {
        double got = se ? r->std_error[j + off] : r->estimate[j + off];
        if (isnan(want[j])) continue;
        ref_track(w, what, got, want[j]);
        ref_track(&g_all, what, got, want[j]);
        if (!(ref_relerr(got, want[j]) <= TOL)) {
            fprintf(stderr, "MISMATCH %s[%zu]: got %.17g want %.17g\n", what, j, got, want[j]);
            fail();
        }
    }
}

static void expect1(ref_worst *w, const char *what, double got, double want)
{
    ref_track(w, what, got, want);
    ref_track(&g_all, what, got, want);
    if (!(ref_relerr(got, want) <= TOL)) {
        fprintf(stderr, "MISMATCH %s: got %.17g want %.17g\n", what, got, want);
        fail();
    }
}

static cpr_result *fit(const cpr_design *d, cpr_model_kind kind, cpr_effects eff, cpr_se_kind se, cpr_ssc ssc)
{
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = kind; s.effects = eff; s.se = se; s.ssc = ssc;
    cpr_result *r = NULL;
    int rc = cpr_model_fit(d, &s, &r);
    if (rc != CPR_OK) fprintf(stderr, "fit: %s\n", cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    return r;
}

static const cpr_test *find_test(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->ntests; i++) if (strcmp(r->tests[i].name, name) == 0) return &r->tests[i];
    fprintf(stderr, "no test %s\n", name);
    fail();
    return NULL;
}

static void report(const char *name, const ref_worst *w)
{
    printf("# %-40s %3d values, worst rel. error %.2e (%s)\n", name, w->n, w->worst, w->what);
}

/* Rows of d selected by keep[] (NULL = all) in the order given by perm[]. */
static cpr_design *subset(const cpr_design *d, const size_t *rows, size_t m)
{
    cpr_design *s = cpr_design_alloc(m, d->k);
    s->has_const = d->has_const;
    for (size_t j = 0; j < d->k; j++) s->names[j] = cpr_strdup(d->names[j]);
    s->entity = malloc(m * sizeof(int)); s->time = malloc(m * sizeof(int)); s->cluster = malloc(m * sizeof(int));
    for (size_t r = 0; r < m; r++) {
        size_t i = rows[r];
        s->y[r] = d->y[i];
        for (size_t j = 0; j < d->k; j++) s->X[j * m + r] = d->X[j * d->n + i];
        s->entity[r] = d->entity[i]; s->time[r] = d->time[i]; s->cluster[r] = d->cluster[i];
    }
    s->n_entities = d->n_entities; s->n_times = d->n_times; s->n_clusters = d->n_clusters;
    s->time_values = malloc(d->n_times * sizeof(int));
    memcpy(s->time_values, d->time_values, d->n_times * sizeof(int));
    s->cluster_name = cpr_strdup("firm");
    return s;
}

static cpr_design *unbalanced(const cpr_design *d, int shuffle)
{
    size_t *rows = malloc(d->n * sizeof *rows), m = 0;
    for (size_t i = 0; i < d->n; i++) {
        int firm = d->entity[i] + 1, year = d->time_values[d->time[i]];
        if ((firm + year) % 7 != 0) rows[m++] = i;
    }
    if (shuffle)   /* deterministic scramble: stride through the rows */
        for (size_t i = 0; i < m; i++) { size_t j = (i * 37 + 11) % m, t = rows[i]; rows[i] = rows[j]; rows[j] = t; }
    cpr_design *s = subset(d, rows, m);
    free(rows);
    return s;
}

static int setup(void **st)
{
    (void)st;
    char *p = ref_path("grunfeld", "data.csv");
    gt = ref_read_csv(p);
    free(p);
    const char *xs[] = { "value", "capital" };
    gd = ref_design(gt, "inv", xs, 2, 1, "firm", "year");
    gd0 = ref_design(gt, "inv", xs, 2, 0, "firm", "year");
    gd->cluster2 = malloc(gd->n * sizeof(int));   /* second dimension: year */
    memcpy(gd->cluster2, gd->time, gd->n * sizeof(int));
    gd->n_cluster2 = gd->n_times;
    return gt ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    ref_table_free(gt); cpr_design_free(gd); cpr_design_free(gd0);
    return 0;
}

/* grunfeld_extra.out, section 1 */
static void test_cluster2(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    static const double hc1[] = { 19.716680683803034, 0.016395149450111585, 0.079543189287480331 };
    static const double hc0[] = { 18.411421294934676, 0.015434486109659657, 0.074071841838763183 };
    cpr_result *r = fit(gd, CPR_MODEL_POOLED, 0, CPR_SE_CLUSTER2, CPR_SSC_STATA);
    expect3(&w, "cl2_hc1", r, hc1, 1, 0);
    assert_true(r->df_resid == 9);   /* min(G1, G2) - 1 */
    cpr_result_free(r);
    r = fit(gd, CPR_MODEL_POOLED, 0, CPR_SE_CLUSTER2, CPR_SSC_NONE);
    expect3(&w, "cl2_hc0", r, hc0, 1, 0);
    cpr_result_free(r);
    report("two-way cluster (CGM) vs sandwich::vcovCL", &w);
}

/* section 2 */
static void test_driscoll_kraay(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    static const double pooled[] = { 12.295068507936572, 0.011522809398392744, 0.048375587018597836 };
    static const double fe[] = { 0.017686032718070552, 0.034820146873783465 };
    assert_int_equal(cpr_dk_default_lag(20), 2);
    cpr_result *r = fit(gd, CPR_MODEL_POOLED, 0, CPR_SE_DK, CPR_SSC_NONE);
    expect3(&w, "dk_pooled", r, pooled, 1, 0);
    assert_true(r->df_resid == 19);   /* T - 1 */
    cpr_result_free(r);
    r = fit(gd0, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, CPR_SE_DK, CPR_SSC_NONE);
    expect3(&w, "dk_fe", r, fe, 1, 0);
    cpr_result_free(r);
    report("Driscoll-Kraay vs plm::vcovSCC", &w);
}

/* sections 3 and 4 */
static void test_cd_wooldridge(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_result *r = fit(gd0, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, CPR_SE_IID, 0);
    const cpr_test *t = find_test(r, "pesaran_cd");
    expect1(&w, "cd_stat", t->statistic, 4.6611924852419664);
    expect1(&w, "cd_p", t->p_value, 3.1438252819026678e-06);
    t = find_test(r, "wooldridge_ar1");
    expect1(&w, "xtserial_F", t->statistic, 263.59154357925559);
    expect1(&w, "xtserial_p", t->p_value, 5.6626012173733774e-08);
    assert_true(t->df1 == 1 && t->df2 == 9);
    assert_non_null(strstr(t->note, "0.141966"));   /* lag coefficient 0.14196642414254068 */
    cpr_result_free(r);
    report("Pesaran CD, Wooldridge (xtserial) vs R", &w);
}

/* section 5: unbalanced panel (29 rows dropped) */
static void test_unbalanced(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_design *u = unbalanced(gd0, 0), *uc = unbalanced(gd, 0);
    assert_int_equal(u->n, 171);
    static const double tw_b[] = { 0.10610755567522494, 0.38074197094252932 };
    static const double tw_se[] = { 0.015883360228059133, 0.025364990148466843 };
    static const double tw_cr0[] = { 0.01381832155286474, 0.042632120058122704 };
    cpr_result *r = fit(u, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_IID, 0);
    expect3(&w, "unbal_tw_coef", r, tw_b, 0, 0);
    expect3(&w, "unbal_tw_se", r, tw_se, 1, 0);
    expect1(&w, "unbal_tw_df", cpr_result_stat(r, "df_resid"), 140);
    assert_true(cpr_result_stat(r, "fe_iterations") > 0);
    cpr_result_free(r);
    r = fit(u, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_CLUSTER, CPR_SSC_NONE);
    expect3(&w, "unbal_tw_cr0", r, tw_cr0, 1, 0);
    cpr_result_free(r);
    static const double ow_b[] = { 0.099451400227656014, 0.32118936578924129 };
    static const double ow_se[] = { 0.013732594315007715, 0.019287845607650071 };
    r = fit(u, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, CPR_SE_IID, 0);
    expect3(&w, "unbal_ow_coef", r, ow_b, 0, 0);
    expect3(&w, "unbal_ow_se", r, ow_se, 1, 0);
    expect1(&w, "unbal_cd_stat", find_test(r, "pesaran_cd")->statistic, 4.1107712242345551);
    cpr_result_free(r);
    static const double be_b[] = { -8.7601172959350109, 0.13436655973844544, 0.035760041697853975 };
    static const double be_se[] = { 47.244488408213847, 0.028692736959975627, 0.19053523083302246 };
    r = fit(uc, CPR_MODEL_BE, 0, CPR_SE_IID, 0);
    expect3(&w, "unbal_be_coef", r, be_b, 0, 0);
    expect3(&w, "unbal_be_se", r, be_se, 1, 0);
    cpr_result_free(r);
    /* FD across gaps: only consecutive years are differenced (Stata's D.);
     * plm would difference across gaps (161 obs, see the .out file) */
    static const double fd_b[] = { 4.2345808672424887, 0.066719492975857289, 0.097322911743257731 };
    static const double fd_se[] = { 4.0290477185375053, 0.012171868522613639, 0.063684808011493288 };
    r = fit(uc, CPR_MODEL_FD, 0, CPR_SE_IID, 0);
    expect3(&w, "unbal_fd_coef", r, fd_b, 0, 0);
    expect3(&w, "unbal_fd_se", r, fd_se, 1, 0);
    expect1(&w, "unbal_fd_n", (double)r->nobs, 134);
    cpr_result_free(r);
    static const double re_b[] = { -51.804601906372554, 0.10171042934454241, 0.3177845380073237 };
    static const double re_se[] = { 29.165348719635855, 0.011687288705873039, 0.019044040747809351 };
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = CPR_MODEL_RE; s.se = CPR_SE_IID; s.re_method = CPR_RE_STATA;
    assert_int_equal(cpr_model_fit(uc, &s, &r), CPR_OK);
    expect3(&w, "unbal_re_stata_coef", r, re_b, 0, 0);
    expect3(&w, "unbal_re_stata_se", r, re_se, 1, 0);
    expect1(&w, "unbal_re_stata_sigma_u", cpr_result_stat(r, "sigma_u"), 83.234356699587337);
    expect1(&w, "unbal_re_stata_theta_min", cpr_result_stat(r, "theta_min"), 0.8417316053564402);
    expect1(&w, "unbal_re_stata_theta_max", cpr_result_stat(r, "theta_max"), 0.84608363473935289);
    cpr_result_free(r);
    /* plm's unbalanced swar: plm(model = "random", random.method = "swar"),
     * tests/unit/oracle/hausman_re.R (same 171 rows, grunfeld_unbal.csv) */
    static const double plm_b[] = { -51.807318170737524, 0.10171522806114712, 0.31777553479285353 };
    static const double plm_se[] = { 29.131382710062322, 0.011683648227070024, 0.019044920376911034 };
    s.re_method = CPR_RE_PLM;
    assert_int_equal(cpr_model_fit(uc, &s, &r), CPR_OK);
    expect3(&w, "unbal_re_plm_coef", r, plm_b, 0, 0);
    expect3(&w, "unbal_re_plm_se", r, plm_se, 1, 0);
    expect1(&w, "unbal_re_plm_sigma_u", cpr_result_stat(r, "sigma_u"), 83.113791620343235);
    expect1(&w, "unbal_re_plm_sigma_e", cpr_result_stat(r, "sigma_e"), 55.008507913190094);
    cpr_result_free(r);
    cpr_design_free(u); cpr_design_free(uc);
    report("unbalanced panel vs R (LSDV, plm, stata_re)", &w);
}

/* Results depend on codes, not row positions. */
static void test_row_order(void **st)
{
    (void)st;
    cpr_design *a = unbalanced(gd, 0), *b = unbalanced(gd, 1);
    cpr_model_kind kinds[] = { CPR_MODEL_POOLED, CPR_MODEL_FE, CPR_MODEL_FE, CPR_MODEL_RE, CPR_MODEL_BE, CPR_MODEL_FD };
    cpr_effects effs[] = { 0, CPR_EFFECTS_ENTITY, CPR_EFFECTS_TWOWAY, 0, 0, 0 };
    for (size_t q = 0; q < 6; q++) {
        cpr_result *ra = fit(a, kinds[q], effs[q], CPR_SE_CLUSTER, CPR_SSC_STATA);
        cpr_result *rb = fit(b, kinds[q], effs[q], CPR_SE_CLUSTER, CPR_SSC_STATA);
        assert_int_equal(ra->k, rb->k);
        for (size_t j = 0; j < ra->k; j++) {
            assert_true(ref_relerr(rb->estimate[j], ra->estimate[j]) < 1e-9);
            assert_true(ref_relerr(rb->std_error[j], ra->std_error[j]) < 1e-9);
        }
        cpr_result_free(ra); cpr_result_free(rb);
    }
    cpr_design_free(a); cpr_design_free(b);
}

/* Alternating projections report non-convergence instead of looping. */
static void test_noconv(void **st)
{
    (void)st;
    cpr_design *u = unbalanced(gd0, 0);
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.se = CPR_SE_IID; s.fe_maxiter = 2; s.fe_tol = 1e-15;
    cpr_result *r = NULL;
    assert_int_equal(cpr_model_fit(u, &s, &r), CPR_E_NOCONV);
    assert_null(r);
    cpr_error_clear();
    cpr_design_free(u);
    report("ALL oracle values", &g_all);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cluster2), cmocka_unit_test(test_driscoll_kraay),
        cmocka_unit_test(test_cd_wooldridge), cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_row_order), cmocka_unit_test(test_noconv),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
