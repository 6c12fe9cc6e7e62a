/* The loader's text check (cpr_text_check_span, 64 and 8 bytes at a time)
 * against a plain byte-by-byte statement of the rule written here: every
 * byte printable ASCII, tab, CR or newline, or part of a valid UTF-8
 * sequence; the first byte that is not gives "binary data" or "invalid
 * UTF-8" with its line and column (in characters), else the lines are
 * counted. Random texts put bad bytes, UTF-8 sequences and newlines at
 * every position of the 64-byte blocks, at every start offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/status.h"
#include "../../src/load/load_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252u;
static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* The rule, one byte at a time: status, message and the line count. */
static int reference(const char *path, const unsigned char *p, size_t n, size_t *line_io, char *msg, size_t msg_n)
{
    size_t line = *line_io, col = 1;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c == '\n') { line++; col = 1; i++; continue; }
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
            snprintf(msg, msg_n, "%s:%zu:%zu: binary data (byte 0x%02X): not a CSV text file", path, line, col, c);
            return CPR_E_BINARY;
        }
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        int ok = len > 0 && len <= n - i && !(len == 2 && c < 0xC2);
        for (size_t k = 1; ok && k < len; k++) ok = (p[i + k] & 0xC0) == 0x80;
        if (!ok) {
            snprintf(msg, msg_n, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X); if the file is Latin-1, convert it: iconv -f latin1 -t utf-8", path, line, col, c);
            return CPR_E_BINARY;
        }
        i += len;
        col++;
    }
    *line_io = line;
    return CPR_OK;
}

/* A text of n bytes: mostly CSV-like ASCII, with newlines, tabs, CRs,
 * UTF-8 sequences (some broken) and, rarely, a bad byte. */
static void gen(unsigned char *s, size_t n, unsigned bad_per_mille)
{
    static const char *utf8[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x82", "\xC0\xAF", "\x80"};
    for (size_t i = 0; i < n;) {
        unsigned r = next(1000);
        if (r < bad_per_mille) {
            static const unsigned char badb[] = {0, 1, 0x1F, 0x7F, 0x0B, 0x0C};
            s[i++] = badb[next(sizeof badb)];
        } else if (r < bad_per_mille + 30) {
            const char *u = utf8[next(next(4) ? 3 : 7)];
            for (size_t k = 0; u[k] && i < n; k++) s[i++] = (unsigned char)u[k];
        } else if (r < 100) {
            s[i++] = '\n';
        } else if (r < 110) {
            s[i++] = next(2) ? '\t' : '\r';
        } else {
            s[i++] = (unsigned char)(0x20 + next(0x5F));
        }
    }
}

static void check_one(const unsigned char *s, size_t n)
{
    char want[512];
    size_t want_line = 7, got_line = 7;
    int want_rc = reference("f.csv", s, n, &want_line, want, sizeof want);
    cpr_error_clear();
    int got_rc = cpr_text_check_span("f.csv", (const char *)s, n, &got_line);
    if (got_rc != want_rc || (want_rc == CPR_OK && got_line != want_line) ||
        (want_rc != CPR_OK && strcmp(cpr_last_error(), want) != 0))
        fail_msg("n=%zu: rc %d vs %d, line %zu vs %zu, '%s' vs '%s'", n, got_rc, want_rc, got_line, want_line,
                 cpr_last_error(), want);
    cpr_error_clear();
}

static void test_random_texts(void **state)
{
    (void)state;
    enum { MAX = 700 };
    unsigned char *buf = malloc(MAX + 64);
    size_t fails = 0, oks = 0;
    for (int round = 0; round < 20000; round++) {
        size_t n = next(MAX), off = next(64);
        gen(buf + off, n, round % 4 == 0 ? 0 : next(3));
        check_one(buf + off, n);
        size_t line = 1;
        if (cpr_text_check_span("f.csv", (const char *)buf + off, n, &line) == CPR_OK) oks++;
        else fails++;
        cpr_error_clear();
    }
    /* both outcomes were exercised many times */
    assert_true(oks > 3000);
    assert_true(fails > 3000);
    free(buf);
}

/* One bad byte at every position of a long plain text, after a newline at
 * every position: the line and column must follow it exactly. */
static void test_every_position(void **state)
{
    (void)state;
    enum { N = 200 };
    unsigned char s[N];
    for (size_t nl = 0; nl < N; nl += 7)
        for (size_t bad = 0; bad < N; bad++) {
            memset(s, 'a', N);
            s[nl] = '\n';
            if (bad == nl) continue;
            s[bad] = bad % 3 == 0 ? 0x01 : bad % 3 == 1 ? 0x7F : 0xFF;
            check_one(s, N);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_texts),
        cmocka_unit_test(test_every_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
