/* Panel estimators against tests/reference: Grunfeld (R plm/sandwich/
 * lmtest, see grunfeld/compute_reference.R) and genuine Stata 13 output on
 * a simulated 1000 x 3 panel (stata_simulated_panel). Every value to 1e-8
 * relative; each block prints its worst relative error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"

#define TOL 1e-8

static ref_worst g_all;   /* worst over the whole program */

static cpr_result *fit(const cpr_design *d, cpr_model_kind kind, cpr_effects eff, cpr_se_kind se,
                       cpr_ssc ssc, cpr_re_method rem)
{
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = kind; s.effects = eff; s.se = se; s.ssc = ssc; s.re_method = rem;
    cpr_result *r = NULL;
    int rc = cpr_model_fit(d, &s, &r);
    if (rc != CPR_OK) fprintf(stderr, "fit failed: %s\n", cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    return r;
}

static void expect(ref_worst *w, const char *what, double got, double want)
{
    char buf[200];
    snprintf(buf, sizeof buf, "%s", what);
    ref_track(w, buf, got, want);
    ref_track(&g_all, buf, got, want);
    if (!(ref_relerr(got, want) <= TOL)) {
        fprintf(stderr, "MISMATCH %s: got %.17g want %.17g (rel %.3g)\n", what, got, want, ref_relerr(got, want));
        fail();
    }
}

static const char *term_of(const char *key) { return strcmp(key, "_cons") == 0 ? "const" : key; }

/* Every entry of the JSON object at `path` against estimates (se = 0) or
 * standard errors (se = 1), matched by name; "_cons" of a FE model is the
 * Stata constant (stats stata_cons / stata_cons_se). */
static void expect_terms(ref_worst *w, const json_t *root, const char *path, const cpr_result *r, int se)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    const json_t *o = root;
    for (char *tok = strtok(buf, "."); tok && o; tok = strtok(NULL, ".")) o = json_object_get(o, tok);
    assert_non_null(o);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)o, key, v) {
        char what[256];
        snprintf(what, sizeof what, "%s[%s]", path, key);
        long j = cpr_result_term(r, term_of(key));
        double got = NAN;
        if (j >= 0) got = se ? r->std_error[j] : r->estimate[j];
        else if (strcmp(key, "_cons") == 0) got = cpr_result_stat(r, se ? "stata_cons_se" : "stata_cons");
        else { fprintf(stderr, "no term %s\n", key); fail(); }
        expect(w, what, got, json_number_value(v));
    }
}

static const cpr_test *find_test(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->ntests; i++) if (strcmp(r->tests[i].name, name) == 0) return &r->tests[i];
    fprintf(stderr, "no test %s\n", name);
    fail();
    return NULL;
}

static void expect_stat(ref_worst *w, const json_t *j, const char *path, const cpr_result *r, const char *stat)
{
    expect(w, path, cpr_result_stat(r, stat), ref_num(j, path));
}

static void report(const char *name, const ref_worst *w)
{
    printf("# %-34s %3d values, worst rel. error %.2e (%s)\n", name, w->n, w->worst, w->what);
}

/* ---- Grunfeld -------------------------------------------------------------- */

static json_t *gj;
static ref_table *gt;
static cpr_design *gd, *gd0;   /* inv ~ value + capital with / without intercept */

static int grunfeld_setup(void **st)
{
    (void)st;
    gj = ref_json("grunfeld");
    char *p = ref_path("grunfeld", "data.csv");
    gt = ref_read_csv(p);
    free(p);
    const char *xs[] = { "value", "capital" };
    gd = ref_design(gt, "inv", xs, 2, 1, "firm", "year");
    gd0 = ref_design(gt, "inv", xs, 2, 0, "firm", "year");
    return gj && gt ? 0 : -1;
}

static int grunfeld_teardown(void **st)
{
    (void)st;
    json_decref(gj); ref_table_free(gt); cpr_design_free(gd); cpr_design_free(gd0);
    return 0;
}

static void test_grunfeld_pooled(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_result *r = fit(gd, CPR_MODEL_POOLED, 0, CPR_SE_IID, CPR_SSC_STATA, 0);
    expect_terms(&w, gj, "pooled_ols.coef", r, 0);
    expect_terms(&w, gj, "pooled_ols.se.classical", r, 1);
    expect_stat(&w, gj, "pooled_ols.stats.r_squared", r, "r2");
    expect_stat(&w, gj, "pooled_ols.stats.adj_r_squared", r, "adj_r2");
    expect_stat(&w, gj, "pooled_ols.stats.rss", r, "rss");
    expect_stat(&w, gj, "pooled_ols.stats.sigma", r, "sigma");
    expect_stat(&w, gj, "pooled_ols.stats.df_resid", r, "df_resid");
    expect_stat(&w, gj, "pooled_ols.stats.F.stat", r, "F");
    expect_stat(&w, gj, "pooled_ols.stats.F.p_value", r, "F_p");
    expect_stat(&w, gj, "pooled_ols.stats.loglik", r, "loglik");
    cpr_result_free(r);
    struct { cpr_se_kind se; cpr_ssc ssc; const char *key; } v[] = {
        { CPR_SE_HC0, 0, "HC0" }, { CPR_SE_HC1, 0, "HC1" }, { CPR_SE_HC2, 0, "HC2" }, { CPR_SE_HC3, 0, "HC3" },
        { CPR_SE_CLUSTER, CPR_SSC_NONE, "cluster_entity_CR0" }, { CPR_SE_CLUSTER, CPR_SSC_STATA, "cluster_entity_stata" } };
    for (size_t q = 0; q < sizeof v / sizeof *v; q++) {
        char path[128];
        snprintf(path, sizeof path, "pooled_ols.se.%s", v[q].key);
        r = fit(gd, CPR_MODEL_POOLED, 0, v[q].se, v[q].ssc, 0);
        expect_terms(&w, gj, path, r, 1);
        cpr_result_free(r);
    }
    report("grunfeld pooled (classical, HC0-3, CR)", &w);
}

static void test_grunfeld_fe_oneway(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_result *r = fit(gd, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "fe_oneway.coef", r, 0);
    expect_terms(&w, gj, "fe_oneway.se.classical", r, 1);
    expect_stat(&w, gj, "fe_oneway.stats.r_squared_within", r, "r2_within");
    expect_stat(&w, gj, "fe_oneway.stats.adj_r_squared_within_plm", r, "adj_r2_within");
    expect_stat(&w, gj, "fe_oneway.stats.rss", r, "rss");
    expect_stat(&w, gj, "fe_oneway.stats.df_resid", r, "df_resid");
    expect_stat(&w, gj, "fe_oneway.stats.sigma_e", r, "sigma");
    expect_stat(&w, gj, "fe_oneway.stats.stata_cons", r, "stata_cons");
    expect_stat(&w, gj, "fe_oneway.stats.stata_cons_se_classical", r, "stata_cons_se");
    const cpr_test *t = find_test(r, "f_effects");
    expect(&w, "F_entity_effects.statistic", t->statistic, ref_num(gj, "fe_oneway.stats.F_entity_effects.statistic"));
    expect(&w, "F_entity_effects.p_value", t->p_value, ref_num(gj, "fe_oneway.stats.F_entity_effects.p_value"));
    assert_true(t->df1 == 9 && t->df2 == 188);
    cpr_result_free(r);
    struct { cpr_se_kind se; cpr_ssc ssc; const char *key; } v[] = {
        { CPR_SE_CLUSTER, CPR_SSC_NONE, "cluster_entity_CR0" }, { CPR_SE_CLUSTER, CPR_SSC_STATA, "cluster_entity_stata_xtreg" },
        { CPR_SE_CLUSTER, CPR_SSC_PLM, "cluster_entity_plm_sss" }, { CPR_SE_HC0, 0, "white_HC0_on_demeaned" } };
    for (size_t q = 0; q < sizeof v / sizeof *v; q++) {
        char path[128];
        snprintf(path, sizeof path, "fe_oneway.se.%s", v[q].key);
        r = fit(gd, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, v[q].se, v[q].ssc, 0);
        expect_terms(&w, gj, path, r, 1);
        cpr_result_free(r);
    }
    /* the design builder may also hand over a const column: same result */
    r = fit(gd0, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "fe_oneway.se.classical", r, 1);
    cpr_result_free(r);
    report("grunfeld FE one-way", &w);
}

static void test_grunfeld_fe_twoway(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_result *r = fit(gd0, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "fe_twoway.coef", r, 0);
    expect_terms(&w, gj, "fe_twoway.se.classical", r, 1);
    expect_stat(&w, gj, "fe_twoway.stats.r_squared_within", r, "r2_within");
    expect_stat(&w, gj, "fe_twoway.stats.rss", r, "rss");
    expect_stat(&w, gj, "fe_twoway.stats.df_resid", r, "df_resid");
    expect_stat(&w, gj, "fe_twoway.stats.sigma_e", r, "sigma");
    cpr_result_free(r);
    struct { cpr_ssc ssc; const char *key; } v[] = {
        { CPR_SSC_NONE, "cluster_entity_CR0" }, { CPR_SSC_STATA, "cluster_entity_stata_xtreg_with_time_dummies" },
        { CPR_SSC_PLM, "cluster_entity_plm_sss" } };
    for (size_t q = 0; q < sizeof v / sizeof *v; q++) {
        char path[128];
        snprintf(path, sizeof path, "fe_twoway.se.%s", v[q].key);
        r = fit(gd, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_CLUSTER, v[q].ssc, 0);
        expect_terms(&w, gj, path, r, 1);
        cpr_result_free(r);
    }
    /* published Stata SE: xtreg inv capital i.year, fe vce(cluster firm) */
    const char *xs[] = { "capital" };
    cpr_design *d1 = ref_design(gt, "inv", xs, 1, 0, "firm", "year");
    r = fit(d1, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_CLUSTER, CPR_SSC_STATA, 0);
    expect(&w, "published_crosscheck.coef_capital", r->estimate[0], ref_num(gj, "published_crosscheck.coef_capital"));
    expect(&w, "published_crosscheck.reproduced_se_capital", r->std_error[0], ref_num(gj, "published_crosscheck.reproduced_se_capital"));
    assert_true(fabs(r->std_error[0] - 0.06328129) < 5e-9);   /* as printed by Stata */
    cpr_result_free(r);
    cpr_design_free(d1);
    report("grunfeld FE two-way (+ published Stata SE)", &w);
}

static void test_grunfeld_re(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    const char *blk[] = { "re_swamy_arora_plm", "re_stata_xtreg" };
    cpr_re_method m[] = { CPR_RE_PLM, CPR_RE_STATA };
    for (int b = 0; b < 2; b++) {
        char path[128];
        cpr_result *r = fit(gd, CPR_MODEL_RE, 0, CPR_SE_IID, 0, m[b]);
        snprintf(path, sizeof path, "%s.coef", blk[b]); expect_terms(&w, gj, path, r, 0);
        snprintf(path, sizeof path, "%s.se.classical", blk[b]); expect_terms(&w, gj, path, r, 1);
        if (b == 0) {
            double se = cpr_result_stat(r, "sigma_e"), su = cpr_result_stat(r, "sigma_u");
            expect(&w, "sigma2_idiosyncratic", se * se, ref_num(gj, "re_swamy_arora_plm.variance_components.sigma2_idiosyncratic"));
            expect(&w, "sigma2_entity", su * su, ref_num(gj, "re_swamy_arora_plm.variance_components.sigma2_entity"));
            expect_stat(&w, gj, "re_swamy_arora_plm.variance_components.theta", r, "theta");
            expect_stat(&w, gj, "re_swamy_arora_plm.stats.r_squared_plm", r, "r2");
            expect_stat(&w, gj, "re_swamy_arora_plm.stats.rss", r, "rss");
        } else {
            expect_stat(&w, gj, "re_stata_xtreg.variance_components.sigma_u", r, "sigma_u");
            expect_stat(&w, gj, "re_stata_xtreg.variance_components.sigma_e", r, "sigma_e");
            expect_stat(&w, gj, "re_stata_xtreg.variance_components.harmonic_mean_T", r, "T_harmonic");
            expect_stat(&w, gj, "re_stata_xtreg.variance_components.theta_min", r, "theta");
            const cpr_test *t = find_test(r, "hausman");
            expect(&w, "tests.hausman.statistic", t->statistic, ref_num(gj, "tests.hausman_fe_vs_re_swar.statistic"));
            expect(&w, "tests.hausman.p_value", t->p_value, ref_num(gj, "tests.hausman_fe_vs_re_swar.p_value"));
            t = find_test(r, "bp_lm");
            expect(&w, "tests.bp.statistic", t->statistic, ref_num(gj, "tests.breusch_pagan_lm_individual.statistic"));
            expect(&w, "tests.bp.p_value", t->p_value, ref_num(gj, "tests.breusch_pagan_lm_individual.p_value"));
            t = find_test(r, "honda");
            expect(&w, "tests.honda.statistic", t->statistic, ref_num(gj, "tests.honda_individual.statistic"));
            expect(&w, "tests.honda.p_value", t->p_value, ref_num(gj, "tests.honda_individual.p_value"));
        }
        cpr_result_free(r);
        r = fit(gd, CPR_MODEL_RE, 0, CPR_SE_CLUSTER, CPR_SSC_STATA, m[b]);
        snprintf(path, sizeof path, "%s.se.cluster_entity_stata", blk[b]); expect_terms(&w, gj, path, r, 1);
        cpr_result_free(r);
        if (b == 0) {
            r = fit(gd, CPR_MODEL_RE, 0, CPR_SE_CLUSTER, CPR_SSC_NONE, m[b]);
            expect_terms(&w, gj, "re_swamy_arora_plm.se.cluster_entity_CR0", r, 1);
            cpr_result_free(r);
        }
    }
    report("grunfeld RE (plm, Stata) + Hausman/BP/Honda", &w);
}

static void test_grunfeld_between_fd(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    cpr_result *r = fit(gd, CPR_MODEL_BE, 0, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "between.coef", r, 0);
    expect_terms(&w, gj, "between.se.classical", r, 1);
    expect_stat(&w, gj, "between.stats.r_squared", r, "r2");
    expect_stat(&w, gj, "between.stats.rss", r, "rss");
    expect_stat(&w, gj, "between.stats.df_resid", r, "df_resid");
    assert_int_equal(r->n_groups, 10);
    cpr_result_free(r);
    r = fit(gd, CPR_MODEL_FD, 0, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "first_difference.coef", r, 0);
    expect_terms(&w, gj, "first_difference.se.classical", r, 1);
    expect_stat(&w, gj, "first_difference.stats.n_obs_used", r, "n_obs_used");
    expect_stat(&w, gj, "first_difference.stats.rss", r, "rss");
    expect_stat(&w, gj, "first_difference.stats.df_resid", r, "df_resid");
    expect_stat(&w, gj, "first_difference.stats.r_squared", r, "r2");
    cpr_result_free(r);
    struct { cpr_se_kind se; cpr_ssc ssc; const char *key; } v[] = {
        { CPR_SE_CLUSTER, CPR_SSC_NONE, "cluster_entity_CR0" }, { CPR_SE_CLUSTER, CPR_SSC_STATA, "cluster_entity_stata" },
        { CPR_SE_HC0, 0, "HC0" } };
    for (size_t q = 0; q < sizeof v / sizeof *v; q++) {
        char path[128];
        snprintf(path, sizeof path, "first_difference.se.%s", v[q].key);
        r = fit(gd, CPR_MODEL_FD, 0, v[q].se, v[q].ssc, 0);
        expect_terms(&w, gj, path, r, 1);
        cpr_result_free(r);
    }
    r = fit(gd0, CPR_MODEL_FD, 0, CPR_SE_IID, 0, 0);
    expect_terms(&w, gj, "first_difference_no_intercept.coef", r, 0);
    expect_terms(&w, gj, "first_difference_no_intercept.se.classical", r, 1);
    expect_stat(&w, gj, "first_difference_no_intercept.stats.rss", r, "rss");
    expect_stat(&w, gj, "first_difference_no_intercept.stats.df_resid", r, "df_resid");
    cpr_result_free(r);
    r = fit(gd0, CPR_MODEL_FD, 0, CPR_SE_CLUSTER, CPR_SSC_NONE, 0);
    expect_terms(&w, gj, "first_difference_no_intercept.se.cluster_entity_CR0", r, 1);
    cpr_result_free(r);
    report("grunfeld between + first differences", &w);
}

/* ---- Stata simulated panel ---------------------------------------------------- */

static json_t *sj;
static ref_table *stt;
static cpr_design *sd, *sd0;

static int stata_setup(void **st)
{
    (void)st;
    sj = ref_json("stata_simulated_panel");
    char *p = ref_path("stata_simulated_panel", "data.csv");
    stt = ref_read_csv(p);
    free(p);
    const char *xs[] = { "x1", "x2", "x3", "x4", "x5" };
    sd = ref_design(stt, "y", xs, 5, 1, "firm", "year");
    sd0 = ref_design(stt, "y", xs, 5, 0, "firm", "year");
    return sj && stt ? 0 : -1;
}

static int stata_teardown(void **st)
{
    (void)st;
    json_decref(sj); ref_table_free(stt); cpr_design_free(sd); cpr_design_free(sd0);
    return 0;
}

static void stata_block(ref_worst *w, const char *key, const cpr_result *r, const char *const *stats,
                        const char *const *mine)
{
    char path[160];
    snprintf(path, sizeof path, "results.%s.coef", key); expect_terms(w, sj, path, r, 0);
    snprintf(path, sizeof path, "results.%s.se_from_b_over_t", key); expect_terms(w, sj, path, r, 1);
    for (size_t q = 0; stats[q]; q++) {
        snprintf(path, sizeof path, "results.%s.stats.%s", key, stats[q]);
        double got = mine[q][0] == '@' ? find_test(r, mine[q] + 1)->statistic : cpr_result_stat(r, mine[q]);
        expect(w, path, got, ref_num(sj, path));
    }
}

static void test_stata_pooled(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    const char *s1[] = { "rss", "r2", "r2_a", "rmse", "ll", "F", NULL };
    const char *m1[] = { "rss", "r2", "adj_r2", "sigma", "loglik", "F", NULL };
    cpr_se_kind se[] = { CPR_SE_IID, CPR_SE_HC1, CPR_SE_CLUSTER };
    const char *key[] = { "pooled_conventional", "pooled_robust", "pooled_cluster" };
    for (int q = 0; q < 3; q++) {
        cpr_result *r = fit(sd, CPR_MODEL_POOLED, 0, se[q], CPR_SSC_STATA, 0);
        stata_block(&w, key[q], r, s1, m1);
        cpr_result_free(r);
    }
    report("stata regress (ols, robust, cluster)", &w);
}

static void test_stata_fe(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    const char *s1[] = { "rss", "r2_w", "sigma_e", "sigma_u", "rho", "r2_b", "r2_o", "F", "corr", NULL };
    const char *m1[] = { "rss", "r2_within", "sigma_e", "sigma_u", "rho", "r2_between", "r2_overall", "F", "corr_u_xb", NULL };
    const char *key[] = { "fixed_effect_conventional", "fixed_effect_cluster", "fixed_effect_robust" };
    cpr_se_kind se[] = { CPR_SE_IID, CPR_SE_CLUSTER, CPR_SE_CLUSTER };
    for (int q = 0; q < 3; q++) {
        cpr_result *r = fit(q == 1 ? sd0 : sd, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, se[q], CPR_SSC_STATA, 0);
        stata_block(&w, key[q], r, s1, m1);
        if (q == 0) expect(&w, "fixed_effect_conventional.F_f", find_test(r, "f_effects")->statistic,
                           ref_num(sj, "results.fixed_effect_conventional.stats.F_f"));
        cpr_result_free(r);
    }
    report("stata xtreg fe (conventional, cluster, robust)", &w);
}

static void test_stata_re_be(void **st)
{
    (void)st;
    ref_worst w = { 0 };
    const char *s1[] = { "sigma_u", "sigma_e", "rho", "r2_w", "r2_b", "r2_o", NULL };
    const char *m1[] = { "sigma_u", "sigma_e", "rho", "r2_within", "r2_between", "r2_overall", NULL };
    const char *key[] = { "random_effect_conventional", "random_effect_cluster", "random_effect_robust" };
    cpr_se_kind se[] = { CPR_SE_IID, CPR_SE_CLUSTER, CPR_SE_CLUSTER };
    for (int q = 0; q < 3; q++) {
        cpr_result *r = fit(sd, CPR_MODEL_RE, 0, se[q], CPR_SSC_STATA, CPR_RE_STATA);
        stata_block(&w, key[q], r, s1, m1);
        assert_true(r->df_resid == 0);   /* z statistics, as Stata */
        cpr_result_free(r);
    }
    const char *s2[] = { "rss", "r2", "r2_a", "rmse", "F", "r2_w", "r2_b", "r2_o", NULL };
    const char *m2[] = { "rss", "r2", "adj_r2", "sigma", "F", "r2_within", "r2_between", "r2_overall", NULL };
    cpr_result *r = fit(sd, CPR_MODEL_BE, 0, CPR_SE_IID, 0, 0);
    stata_block(&w, "between_conventional", r, s2, m2);
    cpr_result_free(r);
    report("stata xtreg re, be", &w);
}

static void test_summary(void **st)
{
    (void)st;
    report("ALL panel reference values", &g_all);
}

int main(void)
{
    const struct CMUnitTest grunfeld[] = {
        cmocka_unit_test(test_grunfeld_pooled), cmocka_unit_test(test_grunfeld_fe_oneway),
        cmocka_unit_test(test_grunfeld_fe_twoway), cmocka_unit_test(test_grunfeld_re),
        cmocka_unit_test(test_grunfeld_between_fd),
    };
    const struct CMUnitTest stata[] = {
        cmocka_unit_test(test_stata_pooled), cmocka_unit_test(test_stata_fe),
        cmocka_unit_test(test_stata_re_be), cmocka_unit_test(test_summary),
    };
    int f = cmocka_run_group_tests(grunfeld, grunfeld_setup, grunfeld_teardown);
    return f + cmocka_run_group_tests(stata, stata_setup, stata_teardown);
}
