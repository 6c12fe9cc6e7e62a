/* A temporary file holding `text`, for loader tests: under $TMPDIR (else
 * /tmp), so parallel test runs never share one. The caller unlinks and
 * frees the returned path. Include after <cmocka.h>. Test-only code. */
#ifndef CPR_TEST_TEMP_FILE_H
#define CPR_TEST_TEMP_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline char *unit_temp_file(const char *text)
{
    const char *dir = getenv("TMPDIR");
    char *path = malloc(4096);
    assert_non_null(path);
    snprintf(path, 4096, "%s/cpr_unit_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
    return path;
}

#endif
