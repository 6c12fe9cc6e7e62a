/* cpr_outfile: atomic output files (include/cpr/outfile.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/outfile.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/cpr-outfile.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = cpr_asprintf("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = cpr_calloc(1, 4096);
    size_t n = fread(buf, 1, 4095, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static size_t entries(void)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.' || strstr(e->d_name, "tmp") != NULL;
    closedir(d);
    return n;
}

static void test_write_replaces(void **state)
{
    (void)state;
    char *p = cpr_asprintf("%s/a.txt", dir);
    assert_int_equal(cpr_outfile_write(p, "old\n", 4), CPR_OK);
    assert_int_equal(cpr_outfile_write(p, "new\n", 4), CPR_OK);
    char *s = slurp(p);
    assert_string_equal(s, "new\n");
    assert_int_equal(entries(), 1); /* no temporary file left */
    free(s);
    free(p);
}

static void test_abort_keeps_previous(void **state)
{
    (void)state;
    char *p = cpr_asprintf("%s/b.txt", dir);
    assert_int_equal(cpr_outfile_write(p, "previous", 8), CPR_OK);
    cpr_outfile *o;
    assert_int_equal(cpr_outfile_open(p, &o), CPR_OK);
    assert_string_not_equal(cpr_outfile_temp_path(o), p);
    fputs("partial", cpr_outfile_stream(o));
    cpr_outfile_abort(o);
    char *s = slurp(p);
    assert_string_equal(s, "previous");
    free(s);
    free(p);
}

static void test_errors(void **state)
{
    (void)state;
    char *p = cpr_asprintf("%s/missing/c.txt", dir);
    cpr_error_clear();
    assert_int_equal(cpr_outfile_write(p, "x", 1), CPR_E_WRITE);
    assert_non_null(strstr(cpr_last_error(), "missing/c.txt"));
    free(p);
    cpr_error_clear();
    assert_int_equal(cpr_outfile_write(dir, "x", 1), CPR_E_WRITE);
    assert_non_null(strstr(cpr_last_error(), "is a directory"));
    /* a device is written in place (never renamed over), errors reported */
    cpr_error_clear();
    assert_int_equal(cpr_outfile_write("/dev/full", "x", 1), CPR_E_WRITE);
    assert_non_null(strstr(cpr_last_error(), "/dev/full"));
    cpr_error_clear();
    assert_int_equal(cpr_outfile_write("/dev/null", "x", 1), CPR_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_replaces), cmocka_unit_test(test_abort_keeps_previous),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
