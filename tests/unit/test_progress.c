/* The progress decision (terminal only, never in CI, on a dumb terminal or
 * with --quiet) and the text of a progress line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cpr/progress.h"

static void test_decision(void **state)
{
    (void)state;
    assert_int_equal(cpr_progress_wanted(1, NULL, "xterm", 0), 1);
    assert_int_equal(cpr_progress_wanted(1, NULL, NULL, 0), 1);
    assert_int_equal(cpr_progress_wanted(0, NULL, "xterm", 0), 0);      /* pipe or file */
    assert_int_equal(cpr_progress_wanted(1, NULL, "xterm", 1), 0);      /* --quiet */
    assert_int_equal(cpr_progress_wanted(1, "true", "xterm", 0), 0);    /* CI logs */
    assert_int_equal(cpr_progress_wanted(1, "1", "xterm", 0), 0);
    assert_int_equal(cpr_progress_wanted(1, "", "xterm", 0), 1);        /* CI empty = unset */
    assert_int_equal(cpr_progress_wanted(1, "false", "xterm", 0), 1);
    assert_int_equal(cpr_progress_wanted(1, NULL, "dumb", 0), 0);       /* no \r on a dumb terminal */
}

static void test_format(void **state)
{
    (void)state;
    char buf[128];
    cpr_progress_format(buf, sizeof buf, "threshold bootstrap (F1)", 0, 300, 0);
    assert_string_equal(buf, "threshold bootstrap (F1): 0/300 (0%)");
    /* 100 of 300 in 5 s: 200 more at 20 per second = 10 s */
    cpr_progress_format(buf, sizeof buf, "threshold bootstrap (F1)", 100, 300, 5);
    assert_string_equal(buf, "threshold bootstrap (F1): 100/300 (33%), ETA 10 s");
    cpr_progress_format(buf, sizeof buf, "x", 10, 1000, 60);
    assert_string_equal(buf, "x: 10/1000 (1%), ETA 99 min");
    cpr_progress_format(buf, sizeof buf, "x", 1000, 1000, 60);
    assert_string_equal(buf, "x: 1000/1000 (100%), ETA 0 s");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_decision), cmocka_unit_test(test_format)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
