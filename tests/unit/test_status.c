/* The error slot (cpr/status.h): a failure handled inside a scope never
 * hides the next real message, scopes nest, context frames appear in the
 * message, and every thread has a slot of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/status.h"

#include <pthread.h>
#include <string.h>

static int reset(void **state)
{
    (void)state;
    cpr_error_clear();
    return 0;
}

/* A library call that tries something, handles its failure and succeeds. */
static int try_then_fall_back(void)
{
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    int rc = cpr_fail(CPR_E_NUMERIC, "singular design (handled)");
    cpr_error_scope_end(&es);
    return rc == CPR_E_NUMERIC ? CPR_OK : rc;
}

static void test_handled_failure_does_not_hide_next(void **state)
{
    (void)state;
    assert_int_equal(try_then_fall_back(), CPR_OK);
    assert_int_equal(cpr_last_code(), 0);
    assert_string_equal(cpr_last_error(), "");
    assert_int_equal(cpr_fail(CPR_E_NOVAR, "unknown variable '%s'", "gdp"), CPR_E_NOVAR);
    assert_int_equal(cpr_last_code(), CPR_E_NOVAR);
    assert_string_equal(cpr_last_error(), "unknown variable 'gdp'");
}

static void test_pending_error_is_the_cause(void **state)
{
    (void)state;
    cpr_fail(CPR_E_OPEN, "a.csv: no such file");
    /* the caller failing in turn returns its code, the cause stays */
    assert_int_equal(cpr_fail(CPR_E_NODATA, "no data"), CPR_E_NODATA);
    assert_int_equal(cpr_last_code(), CPR_E_OPEN);
    assert_string_equal(cpr_last_error(), "a.csv: no such file");
}

static void test_scope_restores_outer(void **state)
{
    (void)state;
    cpr_fail(CPR_E_OPEN, "outer");
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    assert_int_equal(cpr_last_code(), 0);   /* a fresh slot inside */
    cpr_fail(CPR_E_NUMERIC, "inner");
    assert_string_equal(cpr_last_error(), "inner");
    cpr_error_scope_end(&es);
    assert_int_equal(cpr_last_code(), CPR_E_OPEN);
    assert_string_equal(cpr_last_error(), "outer");
}

static void test_nested_scopes(void **state)
{
    (void)state;
    cpr_error_scope a, b, c;
    cpr_error_scope_begin(&a);
    cpr_error_scope_begin(&b);
    cpr_fail(CPR_E_NUMERIC, "dropped");
    cpr_error_scope_end(&b);
    assert_int_equal(cpr_last_code(), 0);
    cpr_error_scope_begin(&c);
    cpr_fail(CPR_E_NOVAR, "kept");
    cpr_error_scope_keep(&c);   /* passed on into a */
    assert_int_equal(cpr_last_code(), CPR_E_NOVAR);
    assert_string_equal(cpr_last_error(), "kept");
    cpr_error_scope_begin(&b);
    cpr_fail(CPR_E_FORMULA, "later");
    cpr_error_scope_keep(&b);   /* a's pending error wins */
    assert_string_equal(cpr_last_error(), "kept");
    cpr_error_scope_end(&a);    /* all of it handled */
    assert_int_equal(cpr_last_code(), 0);
    assert_string_equal(cpr_last_error(), "");
}

static void test_scope_return_and_reset(void **state)
{
    (void)state;
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    cpr_fail(CPR_E_NUMERIC, "tried");
    assert_int_equal(cpr_error_scope_return(&es, CPR_OK), CPR_OK);   /* succeeded anyway: dropped */
    assert_int_equal(cpr_last_code(), 0);
    cpr_error_scope_begin(&es);
    cpr_fail(CPR_E_RAGGED, "x.csv:3: parse error");
    cpr_error_scope_reset(&es);   /* a better message of the same read replaces it */
    cpr_fail(CPR_E_BINARY, "x.csv:2: not text");
    assert_int_equal(cpr_error_scope_return(&es, CPR_E_BINARY), CPR_E_BINARY);
    assert_int_equal(cpr_last_code(), CPR_E_BINARY);
    assert_string_equal(cpr_last_error(), "x.csv:2: not text");
}

static void test_context_frames(void **state)
{
    (void)state;
    /* nothing pending, or success: no frame */
    assert_int_equal(cpr_error_context(CPR_E_OPEN, "reading %s", "a.csv"), CPR_E_OPEN);
    assert_string_equal(cpr_last_error(), "");
    int rc = cpr_fail(CPR_E_NONNUMERIC, "line 3, column 'gdp': 'abc' is not a number");
    assert_int_equal(cpr_error_context(CPR_OK, "ignored"), CPR_OK);
    assert_int_equal(cpr_error_context(rc, "reading %s", "a.csv"), CPR_E_NONNUMERIC);
    cpr_error_context(rc, "--data %d", 2);
    assert_int_equal(cpr_last_code(), CPR_E_NONNUMERIC);
    assert_string_equal(cpr_last_error(), "--data 2: reading a.csv: line 3, column 'gdp': 'abc' is not a number");
    /* frames quote user input too: no control characters; long ones are cut */
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    cpr_error_context(rc, "in \033[31m%s", big);
    const char *m = cpr_last_error();
    assert_true(strlen(m) < 1024);
    assert_null(strchr(m, '\033'));
    assert_memory_equal(m, "in ?[31mxxx", 11);
}

static void *other_thread(void *arg)
{
    int *seen = arg;
    seen[0] = cpr_last_code();   /* the main thread's error is not here */
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    cpr_fail(CPR_E_NUMERIC, "worker, handled");
    cpr_error_scope_end(&es);
    cpr_fail(CPR_E_NOCONV, "worker");
    seen[1] = cpr_last_code();
    return NULL;
}

static void test_thread_slots_are_separate(void **state)
{
    (void)state;
    cpr_fail(CPR_E_OPEN, "main thread");
    cpr_error_scope es;
    cpr_error_scope_begin(&es);   /* a scope open here is this thread's only */
    int seen[2] = {-1, -1};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, other_thread, seen), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_int_equal(seen[0], 0);
    assert_int_equal(seen[1], CPR_E_NOCONV);
    assert_int_equal(cpr_last_code(), 0);
    cpr_error_scope_end(&es);
    assert_int_equal(cpr_last_code(), CPR_E_OPEN);
    assert_string_equal(cpr_last_error(), "main thread");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_handled_failure_does_not_hide_next, reset),
        cmocka_unit_test_setup(test_pending_error_is_the_cause, reset),
        cmocka_unit_test_setup(test_scope_restores_outer, reset),
        cmocka_unit_test_setup(test_nested_scopes, reset),
        cmocka_unit_test_setup(test_scope_return_and_reset, reset),
        cmocka_unit_test_setup(test_context_frames, reset),
        cmocka_unit_test_setup(test_thread_slots_are_separate, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
