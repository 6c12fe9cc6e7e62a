/* Design builder on hand-built frames: lags across gaps, log of
 * non-positive values, listwise deletion, dense codes, IV, clusters, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpr/design.h"
#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/status.h"
#include "frame_fixture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Panel: AAA has a gap (2002 missing), BBB a missing y, CCC starts in 2001. */
static const char *const LABELS[] = {"AAA", "BBB", "CCC"};
static const int ENT[] = {0, 0, 0, 1, 1, 2, 2};
static const int YEAR[] = {2000, 2001, 2003, 2000, 2001, 2001, 2002};
static const double Y[] = {1, 2, 3, NAN, 5, 6, 7};
static const double X[] = {1, 2, 4, 5, 6, 7, 8};
static const double Z[] = {2, -1, 3, 1, 1, 2, 2};
static const char *const REGION[] = {"north", "north", "north", "south", "south", NULL, "east"};
static const double GROUP[] = {3, 3, 3, 1, 1, 2, 2};

static cpr_frame *panel(void)
{
    cpr_frame *f = fixture_frame(7, "iso3", LABELS, 3, ENT, "year", YEAR);
    fixture_num(f, "y", Y);
    fixture_num(f, "x", X);
    fixture_num(f, "z", Z);
    fixture_text(f, "region", REGION);
    fixture_num(f, "group", GROUP);
    return f;
}

static cpr_design *build(const cpr_frame *f, const char *formula, const cpr_design_opts *o,
                         cpr_design_info *info, int want_rc)
{
    cpr_formula *fm;
    cpr_error_clear();
    assert_int_equal(cpr_formula_parse(formula, &fm), CPR_OK);
    cpr_design *d = NULL;
    int rc = cpr_design_build(f, fm, o, &d, info);
    if (rc != want_rc) print_error("%s: rc %d: %s\n", formula, rc, cpr_last_error());
    assert_int_equal(rc, want_rc);
    cpr_formula_free(fm);
    return d;
}

static void test_lag_gap_and_log(void **state)
{
    (void)state;
    cpr_frame *f = panel();
    cpr_design_info info;
    cpr_design *d = build(f, "y ~ L.x + log(z)", NULL, &info, CPR_OK);
    /* row 0: no 1999; row 1: log(-1); row 2: 2002 is missing, so L.x is
     * missing (NOT the 2001 value); row 3: y missing; row 5: no 2000 */
    assert_int_equal(d->n, 2);
    assert_int_equal(d->n_dropped, 5);
    assert_int_equal(info.n_log_nonpositive, 1);
    assert_int_equal(info.n_lag_missing, 4);
    assert_int_equal(d->k, 3);
    assert_true(d->has_const);
    assert_string_equal(d->names[0], "const");
    assert_string_equal(d->names[1], "L.x");
    assert_string_equal(d->names[2], "log(z)");
    assert_string_equal(d->outcome, "y");
    assert_true(d->y[0] == 5 && d->y[1] == 7);
    assert_true(d->X[0] == 1 && d->X[1] == 1);
    assert_true(d->X[2] == 5 && d->X[3] == 7);            /* L.x */
    assert_true(d->X[4] == log(1.0) && d->X[5] == log(2.0));
    /* entity and time codes are dense over used rows */
    assert_int_equal(d->n_entities, 2);
    assert_int_equal(d->entity[0], 0);
    assert_int_equal(d->entity[1], 1);
    assert_string_equal(d->entity_labels[0], "BBB");
    assert_string_equal(d->entity_labels[1], "CCC");
    assert_int_equal(d->n_times, 2);
    assert_int_equal(d->time_values[0], 2001);
    assert_int_equal(d->time_values[1], 2002);
    assert_int_equal(d->time[0], 0);
    assert_int_equal(d->time[1], 1);
    /* default cluster = entity */
    assert_int_equal(d->n_clusters, 2);
    assert_string_equal(d->cluster_name, "iso3");
    assert_int_equal(d->cluster[1], 1);
    cpr_design_free(d);
    fixture_free(f);
}

static void test_lead_diff_interaction(void **state)
{
    (void)state;
    cpr_frame *f = panel();
    cpr_design *d = build(f, "x ~ F.x + D.x + x:z + I(x^2) - 1", NULL, NULL, CPR_E_NUMERIC);
    /* F.x exists for rows 0 (2001), 3, 5; D.x for rows 1, 4, 6 -> no row has both */
    assert_null(d);
    d = build(f, "x ~ D.x + x*z + I(x^2) - 1", NULL, NULL, CPR_OK);
    /* D.x: row1 = 1, row4 = 1, row6 = 1 */
    assert_int_equal(d->n, 3);
    assert_false(d->has_const);
    assert_int_equal(d->k, 5);                /* D.x, x, z, x:z, I(x^2) */
    assert_string_equal(d->names[3], "x:z");
    assert_string_equal(d->names[0], "D.x");
    assert_true(d->X[0] == 1 && d->X[1] == 1 && d->X[2] == 1);
    assert_true(d->X[4 * 3 + 0] == 4 && d->X[4 * 3 + 1] == 36 && d->X[4 * 3 + 2] == 64); /* I(x^2) */
    assert_true(d->X[3 * 3 + 0] == -2 && d->X[3 * 3 + 2] == 16);                        /* x:z */
    assert_int_equal(d->n_dropped, 4);
    assert_int_equal(d->n_entities, 3);
    cpr_design_free(d);

    /* a second difference and a lag of a difference need two earlier periods */
    d = build(f, "y ~ L.D.x", NULL, NULL, CPR_E_NUMERIC);
    assert_null(d);
    fixture_free(f);
}

static void test_opts_and_clusters(void **state)
{
    (void)state;
    cpr_frame *f = panel();
    cpr_design_opts o = {.absorb_fe = 1, .cluster = "region", .cluster2 = "group"};
    cpr_design *d = build(f, "y ~ x | iso3 + year", &o, NULL, CPR_OK);
    /* rows used: 0,1,2,4,6 (row 3: y missing, row 5: region missing) */
    assert_int_equal(d->n, 5);
    assert_false(d->has_const);
    assert_int_equal(d->k, 1);
    assert_string_equal(d->cluster_name, "region");
    assert_int_equal(d->n_clusters, 3);       /* east < north < south */
    int want_cl[] = {1, 1, 1, 2, 0};
    int want_cl2[] = {2, 2, 2, 0, 1};         /* 1 < 2 < 3 */
    for (int i = 0; i < 5; i++) {
        assert_int_equal(d->cluster[i], want_cl[i]);
        assert_int_equal(d->cluster2[i], want_cl2[i]);
    }
    assert_int_equal(d->n_cluster2, 3);
    assert_int_equal(d->n_times, 4);          /* 2000 2001 2002 2003 */
    assert_int_equal(d->time[2], 3);
    cpr_design_free(d);

    cpr_design_opts o2 = {.no_constant = 1, .cluster = "year"};
    d = build(f, "y ~ x", &o2, NULL, CPR_OK);
    assert_false(d->has_const);
    assert_int_equal(d->n_clusters, 4);
    cpr_design_free(d);
    fixture_free(f);
}

static void test_iv(void **state)
{
    (void)state;
    cpr_frame *f = panel();
    cpr_design *d = build(f, "y ~ x | 0 | z ~ group + L.x", NULL, NULL, CPR_OK);
    /* L.x available on rows 1, 4, 6; row 1 has y=2 */
    assert_int_equal(d->n, 3);
    assert_int_equal(d->k, 3);
    assert_int_equal(d->kx_endog, 1);
    assert_string_equal(d->names[2], "z");
    assert_int_equal(d->kz, 2);
    assert_string_equal(d->z_names[0], "group");
    assert_string_equal(d->z_names[1], "L.x");
    assert_true(d->Z[0] == 3 && d->Z[3 + 0] == 1 && d->Z[3 + 1] == 5 && d->Z[3 + 2] == 7);
    cpr_design_free(d);
    fixture_free(f);
}

static void test_errors(void **state)
{
    (void)state;
    cpr_frame *f = panel();
    build(f, "y ~ xx", NULL, NULL, CPR_E_NOVAR);
    assert_non_null(strstr(cpr_last_error(), "did you mean 'x'?"));
    build(f, "y ~ region", NULL, NULL, CPR_E_NONNUMERIC);
    build(f, "y ~ x | contry", NULL, NULL, CPR_E_NOVAR);
    assert_non_null(strstr(cpr_last_error(), "entity (iso3) or time (year)"));
    cpr_design_opts o = {.cluster = "regoin"};
    build(f, "y ~ x", &o, NULL, CPR_E_NOVAR);
    assert_non_null(strstr(cpr_last_error(), "did you mean 'region'?"));

    /* bind resolves FE names against the frame */
    cpr_formula *fm;
    assert_int_equal(cpr_formula_parse("y ~ x | year", &fm), CPR_OK);
    assert_false(fm->fe_time);
    assert_int_equal(cpr_formula_bind(fm, f), CPR_OK);
    assert_true(fm->fe_time && !fm->fe_entity);
    cpr_formula_free(fm);
    fixture_free(f);

    /* cross-section: no lags, no FE */
    static const double v[] = {1, 2, 3};
    cpr_frame *cs = fixture_frame(3, NULL, NULL, 0, NULL, NULL, NULL);
    fixture_num(cs, "y", v);
    fixture_num(cs, "x", v);
    build(cs, "y ~ L.x", NULL, NULL, CPR_E_FORMULA);
    build(cs, "y ~ x | entity", NULL, NULL, CPR_E_NOKEY);
    cpr_design *d = build(cs, "y ~ x", NULL, NULL, CPR_OK);
    assert_null(d->entity);
    assert_null(d->time);
    assert_null(d->cluster);
    assert_int_equal(d->n, 3);
    cpr_design_free(d);
    fixture_free(cs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lag_gap_and_log),
        cmocka_unit_test(test_lead_diff_interaction),
        cmocka_unit_test(test_opts_and_clusters),
        cmocka_unit_test(test_iv),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
