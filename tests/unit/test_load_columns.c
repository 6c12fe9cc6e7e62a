/* Loading only some columns (cpr_load_opts.want) through the public entry
 * points: the frame holds the wanted columns and the key, in file order;
 * a name not in the header keeps every column; merges of several files and
 * the long layout keep every column; the catalogue's label load gives the
 * full load's name, label, unit and source. (test_csv_fastpath compares
 * every fixture, e2e input and random file loaded with and without a list,
 * status, message and values.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "temp_file.h"

#include "cpr/catalogue.h"
#include "cpr/frame.h"
#include "cpr/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const panel =
    "iso3,country,year,gdp,aid,note,pop\n"
    "ARG,Argentina,2000,1.5,2,\"a, b\",10\n"
    "ARG,Argentina,2001,2.5,,x,11\n"
    "BRA,Brazil,2000,3.25,4,y,NA\n";

static void test_wanted_columns_only(void **state)
{
    (void)state;
    char *p = unit_temp_file(panel);
    const char *want[] = {"pop", "aid", "year"};
    cpr_load_opts o = {0};
    o.want = want;
    o.nwant = 3;
    cpr_frame *f = NULL;
    assert_int_equal(cpr_frame_load(p, &o, &f), CPR_OK);
    assert_int_equal(f->ncol, 2);               /* year is the key */
    assert_string_equal(f->cols[0].name, "aid"); /* file order */
    assert_string_equal(f->cols[1].name, "pop");
    assert_int_equal(f->nrow, 3);
    assert_string_equal(f->entity_name, "iso3");
    assert_string_equal(f->time_name, "year");
    assert_true(f->cols[0].num[0] == 2 && isnan(f->cols[0].num[1]) && f->cols[0].num[2] == 4);
    assert_true(f->cols[1].num[0] == 10 && f->cols[1].num[1] == 11 && isnan(f->cols[1].num[2]));
    assert_int_equal(f->time[1], 2001);
    cpr_frame_free(f);
    /* a text column can be wanted too */
    const char *want2[] = {"country"};
    o.want = want2;
    o.nwant = 1;
    assert_int_equal(cpr_frame_load(p, &o, &f), CPR_OK);
    assert_int_equal(f->ncol, 1);
    assert_int_equal(f->cols[0].type, CPR_COL_TEXT);
    assert_string_equal(f->cols[0].text[2], "Brazil");
    cpr_frame_free(f);
    unlink(p);
    free(p);
}

static void test_unknown_name_keeps_all(void **state)
{
    (void)state;
    char *p = unit_temp_file(panel);
    const char *want[] = {"aid", "gpd"};
    cpr_load_opts o = {0};
    o.want = want;
    o.nwant = 2;
    cpr_frame *f = NULL;
    assert_int_equal(cpr_frame_load(p, &o, &f), CPR_OK);
    assert_int_equal(f->ncol, 5); /* country gdp aid note pop */
    cpr_frame_free(f);
    unlink(p);
    free(p);
}

/* A column nobody wants is still checked: its bad cell fails the load
 * with the same status and message as a full load. */
static void test_unwanted_column_checked(void **state)
{
    (void)state;
    char *p = unit_temp_file("iso3,year,y,z\nARG,2000,1,2\nARG,2001,2,1.5.2\n");
    const char *want[] = {"y"};
    cpr_load_opts o = {0};
    cpr_frame *f = NULL;
    int rc_all = cpr_frame_load(p, &o, &f);
    char *msg_all = strdup(cpr_last_error());
    cpr_error_clear();
    o.want = want;
    o.nwant = 1;
    int rc_some = cpr_frame_load(p, &o, &f);
    assert_int_equal(rc_all, CPR_E_NONNUMERIC);
    assert_int_equal(rc_some, rc_all);
    assert_string_equal(cpr_last_error(), msg_all);
    assert_non_null(strstr(msg_all, ":3: column 'z': '1.5.2' is not a number"));
    assert_null(f);
    cpr_error_clear();
    free(msg_all);
    unlink(p);
    free(p);
}

static void test_merge_and_long_keep_all(void **state)
{
    (void)state;
    char *a = unit_temp_file("iso3,year,gdp,x\nARG,2000,1,5\n");
    char *b = unit_temp_file("iso3,year,pop,x\nARG,2000,5,6\n");
    const char *paths[2] = {a, b};
    const char *want[] = {"gdp", "pop"};
    cpr_load_opts o = {0};
    o.quiet = 1;
    o.want = want;
    o.nwant = 2;
    cpr_frame *f = NULL;
    /* x is in both files: still an error, as without the list */
    assert_int_equal(cpr_frame_read_many(paths, 2, &o, &f), CPR_E_DUPKEY);
    cpr_error_clear();
    char *l = unit_temp_file("iso3,year,indicator,value\nARG,2000,gdp,1\nARG,2000,pop,2\n");
    const char *want2[] = {"gdp"};
    o.want = want2;
    o.nwant = 1;
    assert_int_equal(cpr_frame_load(l, &o, &f), CPR_OK);
    assert_int_equal(f->ncol, 2); /* the long layout's variables: every one */
    cpr_frame_free(f);
    unlink(a); unlink(b); unlink(l);
    free(a); free(b); free(l);
}

static void test_catalogue_labels(void **state)
{
    (void)state;
    cpr_catalogue *full = NULL, *lab = NULL;
    assert_int_equal(cpr_catalogue_load("datasets/catalogue.csv", &full), CPR_OK);
    assert_int_equal(cpr_catalogue_load_labels("datasets/catalogue.csv", &lab), CPR_OK);
    assert_true(full->n > 100);
    assert_int_equal(lab->n, full->n);
    size_t with_code = 0;
    for (size_t i = 0; i < full->n; i++) {
        assert_string_equal(lab->vars[i].name, full->vars[i].name);
        assert_string_equal(lab->vars[i].label, full->vars[i].label);
        assert_string_equal(lab->vars[i].unit, full->vars[i].unit);
        assert_string_equal(lab->vars[i].source, full->vars[i].source);
        assert_string_equal(lab->vars[i].source_code, "");
        assert_string_equal(lab->vars[i].file, "");
        with_code += *full->vars[i].source_code != 0;
    }
    assert_true(with_code > 100); /* the full load has them */
    const cpr_var_info *v = cpr_catalogue_find(lab, "aid");
    assert_non_null(v);
    assert_string_equal(v->unit, "US$ million, constant 2021");
    cpr_catalogue_free(full);
    cpr_catalogue_free(lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wanted_columns_only),
        cmocka_unit_test(test_unknown_name_keeps_all),
        cmocka_unit_test(test_unwanted_column_checked),
        cmocka_unit_test(test_merge_and_long_keep_all),
        cmocka_unit_test(test_catalogue_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
