/* Loading prints nothing: what was skipped, detected or merged comes back
 * as notes (cpr_load_opts.notes), in order, for the caller to show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "temp_file.h"

#include "cpr/frame.h"
#include "cpr/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_merge_report_is_returned(void **state)
{
    (void)state;
    char *a = unit_temp_file("iso3,year,gdp\nARG,2000,1\nARG,2001,2\n");
    char *b = unit_temp_file("iso3,year,pop\nARG,2000,5\nBRA,2002,6\n");
    const char *paths[2] = {a, b};
    cpr_load_notes notes = {0};
    cpr_load_opts o = {0};
    o.notes = &notes;
    cpr_frame *f = NULL;
    assert_int_equal(cpr_frame_read_many(paths, 2, &o, &f), CPR_OK);
    assert_int_equal(notes.n, 3);
    assert_string_equal(notes.lines[0], "merge: 2 files on (iso3, year): 3 keys in all, 1 in all files, 2 in only some");
    char want[4200];
    snprintf(want, sizeof want, "merge:   %s: 2 rows, 1 keys found in no other file", a);
    assert_string_equal(notes.lines[1], want);
    snprintf(want, sizeof want, "merge:   %s: 2 rows, 1 keys found in no other file", b);
    assert_string_equal(notes.lines[2], want);
    cpr_frame_free(f);
    cpr_load_notes_clear(&notes);
    assert_int_equal(notes.n, 0);

    /* quiet: no notes; no collector: nothing kept, nothing printed */
    o.quiet = 1;
    assert_int_equal(cpr_frame_read_many(paths, 2, &o, &f), CPR_OK);
    assert_int_equal(notes.n, 0);
    cpr_frame_free(f);
    o.quiet = 0;
    o.notes = NULL;
    assert_int_equal(cpr_frame_read_many(paths, 2, &o, &f), CPR_OK);
    cpr_frame_free(f);
    unlink(a); unlink(b);
    free(a); free(b);
}

static void test_load_note_is_returned(void **state)
{
    (void)state;
    /* a World Bank download: reshaped, its preamble skipped, both said */
    const char *path = "tests/data/formats/API_SI.POV.GINI_DS2_en_csv_v2.csv";
    cpr_load_notes notes = {0};
    cpr_load_opts o = {0};
    o.notes = &notes;
    cpr_frame *f = NULL;
    assert_int_equal(cpr_frame_load(path, &o, &f), CPR_OK);
    assert_int_equal(notes.n, 2);
    assert_string_equal(notes.lines[0], "note: tests/data/formats/API_SI.POV.GINI_DS2_en_csv_v2.csv: World Bank layout with years "
                                        "as columns: 1 series -> 1 variables over 5 entities, 19 (entity, year) keys, 19 values; "
                                        "1 empty column ignored");
    assert_string_equal(notes.lines[1], "note: tests/data/formats/API_SI.POV.GINI_DS2_en_csv_v2.csv: skipped 4 preamble lines "
                                        "before the header and 0 footer lines after the data");
    cpr_frame_free(f);
    cpr_load_notes_clear(&notes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge_report_is_returned),
        cmocka_unit_test(test_load_note_is_returned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
