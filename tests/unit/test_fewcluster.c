/* Few-cluster inference against R: CV3/CV3J against a brute-force
 * leave-one-cluster-out loop (lm/plm refitted G times), CR2 and its
 * Bell-McCaffrey df against estimatr::lm_robust(se_type = "CR2"), CV3 also
 * against sandwich::vcovCL(type = "HC3"), leverage, partial leverage and G*
 * from their definitions. The oracle is tests/unit/oracle/fewcluster.R; its
 * output, tests/unit/oracle/fewcluster.out, is read here (no R at test time).
 * Cases: Grunfeld pooled OLS, one-way and two-way FE (firm-clustered), and
 * `regress aid poverty` (two-way FE, country-clustered) on the fixture
 * tests/data/lac_aid_poverty.csv. Agreement: 1e-8 relative. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"

#define TOL 1e-8

typedef struct { char tag[64]; int i; double v; } oracle_row;
static oracle_row *rows;
static size_t nrows;

static double want(const char *tag, int i)
{
    for (size_t r = 0; r < nrows; r++)
        if (rows[r].i == i && strcmp(rows[r].tag, tag) == 0) return rows[r].v;
    fprintf(stderr, "oracle value %s %d missing\n", tag, i);
    fail();
    return NAN;
}

static void near(const char *what, int i, double got, double w)
{
    double err = isnan(w) ? (isnan(got) ? 0 : INFINITY) : w == 0 ? fabs(got) : fabs(got - w) / fabs(w);
    if (!(err <= TOL)) { fprintf(stderr, "MISMATCH %s %d: got %.17g want %.17g (rel %.3g)\n", what, i, got, w, err); fail(); }
}

static int setup(void **st)
{
    (void)st;
    FILE *f = fopen("tests/unit/oracle/fewcluster.out", "r");
    if (!f) return -1;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        oracle_row r;
        char val[64];
        if (sscanf(line, "%63s %d %63s", r.tag, &r.i, val) != 3) continue;
        r.v = strcmp(val, "NA") == 0 ? NAN : strtod(val, NULL);
        rows = realloc(rows, (nrows + 1) * sizeof *rows);
        rows[nrows++] = r;
    }
    fclose(f);
    return nrows ? 0 : -1;
}

static int teardown(void **st) { (void)st; free(rows); return 0; }

static cpr_result *fit(cpr_design *d, cpr_model_kind kind, cpr_effects eff, cpr_se_kind se)
{
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = kind; s.effects = eff; s.se = se; s.cluster_diag = 1;
    cpr_result *r = NULL;
    int rc = cpr_model_fit(d, &s, &r);
    if (rc != CPR_OK) fprintf(stderr, "%s\n", cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    return r;
}

/* Coefficient j of r (slopes only) is oracle index j + off. */
static void check_case(const char *tag, cpr_design *d, cpr_model_kind kind, cpr_effects eff, size_t G)
{
    char t[96];
    size_t k;
    cpr_result *r3 = fit(d, kind, eff, CPR_SE_CR3), *r3j = fit(d, kind, eff, CPR_SE_CR3J), *r2 = fit(d, kind, eff, CPR_SE_CR2);
    k = r3->k;
    for (size_t j = 0; j < k; j++) {
        snprintf(t, sizeof t, "%s_beta", tag);      near(t, (int)j + 1, r3->estimate[j], want(t, (int)j + 1));
        snprintf(t, sizeof t, "%s_se_cv3", tag);    near(t, (int)j + 1, r3->std_error[j], want(t, (int)j + 1));
        snprintf(t, sizeof t, "%s_se_cv3j", tag);   near(t, (int)j + 1, r3j->std_error[j], want(t, (int)j + 1));
        snprintf(t, sizeof t, "%s_cr2_se", tag);    near(t, (int)j + 1, r2->std_error[j], want(t, (int)j + 1));
        char nm[96];
        snprintf(nm, sizeof nm, "df_bm_%s", r2->terms[j]);
        snprintf(t, sizeof t, "%s_cr2_df", tag);    near(t, (int)j + 1, cpr_result_stat(r2, nm), want(t, (int)j + 1));
        for (size_t c = 0; c < k; c++) {
            snprintf(t, sizeof t, "%s_cv3", tag);
            near(t, (int)(c * k + j) + 1, r3->vcov[j * k + c], want(t, (int)(c * k + j) + 1));
        }
    }
    assert_int_equal(r3->df_resid, (double)G - 1);
    const cpr_cluster_diag *c = r3->cdiag;
    assert_non_null(c);
    assert_int_equal(c->G, G);
    double lsum = 0;
    for (size_t g = 0; g < G; g++) {
        snprintf(t, sizeof t, "%s_lev", tag);
        /* clusters with zero leverage (singletons after the effects): absolute */
        double w = want(t, (int)g + 1);
        if (fabs(w) < 1e-12) assert_true(fabs(c->leverage[g]) < 1e-9);
        else near(t, (int)g + 1, c->leverage[g], w);
        lsum += c->leverage[g];
        for (size_t j = 0; j < k; j++) {
            snprintf(t, sizeof t, "%s_loo%zu", tag, j + 1);
            near(t, (int)g + 1, c->beta_loo[g * k + j], want(t, (int)g + 1));
            snprintf(t, sizeof t, "%s_plev%zu", tag, j + 1);
            w = want(t, (int)g + 1);
            if (fabs(w) < 1e-12) assert_true(fabs(c->partial[g * k + j]) < 1e-9);
            else near(t, (int)g + 1, c->partial[g * k + j], w);
        }
    }
    for (size_t j = 0; j < k; j++) {
        snprintf(t, sizeof t, "%s_gstar0_%zu", tag, j + 1); near(t, 1, c->gstar0[j], want(t, 1));
        snprintf(t, sizeof t, "%s_gstar1_%zu", tag, j + 1); near(t, 1, c->gstar1[j], want(t, 1));
    }
    fprintf(stderr, "%s: leverage sums to %.12g\n", tag, lsum);
    cpr_result_free(r3); cpr_result_free(r3j); cpr_result_free(r2);
}

static void test_grunfeld(void **st)
{
    (void)st;
    char *p = ref_path("grunfeld", "data.csv");
    ref_table *t = ref_read_csv(p);
    free(p);
    assert_non_null(t);
    const char *xs[] = { "value", "capital" };
    cpr_design *d = ref_design(t, "inv", xs, 2, 1, "firm", "year");
    check_case("ols", d, CPR_MODEL_POOLED, CPR_EFFECTS_TWOWAY, 10);
    /* sandwich::vcovCL(type = "HC3") is CV3 too */
    cpr_result *r = fit(d, CPR_MODEL_POOLED, CPR_EFFECTS_TWOWAY, CPR_SE_CR3);
    for (size_t j = 0; j < 3; j++) near("ols_sandwich_hc3_se", (int)j + 1, r->std_error[j], want("ols_sandwich_hc3_se", (int)j + 1));
    cpr_result_free(r);
    cpr_design_free(d);
    d = ref_design(t, "inv", xs, 2, 0, "firm", "year");
    check_case("fe1", d, CPR_MODEL_FE, CPR_EFFECTS_ENTITY, 10);
    check_case("fe2", d, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, 10);
    cpr_design_free(d);
    ref_table_free(t);
}

/* `regress aid poverty`: two-way FE clustered by country, 22 countries. */
static void test_lac(void **st)
{
    (void)st;
    ref_table *t = ref_read_csv("tests/data/lac_aid_poverty.csv");
    assert_non_null(t);
    const char *xs[] = { "aid" };
    cpr_design *d = ref_design(t, "poverty", xs, 1, 0, "iso3", "year");
    check_case("lac", d, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, 22);
    cpr_result *r = fit(d, CPR_MODEL_FE, CPR_EFFECTS_TWOWAY, CPR_SE_CR3);
    for (size_t g = 0; g < 22; g++) assert_int_equal(r->cdiag->size[g], (size_t)want("lac_sizes", (int)g + 1));
    cpr_result_free(r);
    cpr_design_free(d);
    ref_table_free(t);
}

/* A cluster that holds all the variation of a regressor: its leave-one-out
 * fit is not identified, beta_(g) is NA and so is the CV3 SE (documented). */
static void test_unidentified(void **st)
{
    (void)st;
    size_t n = 12;
    cpr_design *d = cpr_design_alloc(n, 2);
    d->has_const = 1;
    d->names[0] = cpr_strdup("const"); d->names[1] = cpr_strdup("x");
    d->cluster = malloc(n * sizeof(int));
    for (size_t i = 0; i < n; i++) {
        d->cluster[i] = (int)(i / 4);
        d->X[i] = 1.0;
        d->X[n + i] = i < 4 ? (double)(i % 2) : 0.0;   /* x varies in cluster 0 only */
        d->y[i] = 0.3 * (double)i + (i % 3 == 0);
    }
    d->n_clusters = 3;
    cpr_model_spec s;
    cpr_model_spec_default(&s);
    s.kind = CPR_MODEL_OLS; s.se = CPR_SE_CR3; s.cluster_diag = 1;
    cpr_result *r = NULL;
    assert_int_equal(cpr_model_fit(d, &s, &r), CPR_OK);
    assert_true(isnan(r->cdiag->beta_loo[0 * 2 + 1]));
    assert_false(isnan(r->cdiag->beta_loo[1 * 2 + 1]));
    assert_true(isnan(r->std_error[1]));
    int noted = 0;
    for (size_t i = 0; i < r->nnotes; i++) noted |= strstr(r->notes[i], "not identified") != NULL;
    assert_true(noted);
    cpr_result_free(r);
    cpr_design_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grunfeld),
        cmocka_unit_test(test_lac),
        cmocka_unit_test(test_unidentified),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
