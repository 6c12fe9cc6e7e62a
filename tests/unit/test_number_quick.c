/* The loader's number fast paths against glibc's strtod (correctly rounded,
 * the outside reference): cpr_number_quick_padded, which reads eight digits
 * at a time from the CSV reader's padded buffer, must accept exactly the
 * strings cpr_number_quick accepts among its form and give the same double,
 * bit for bit, which must be strtod's. Random strings near the accepted form
 * (signs, dots, 0-10 digits on each side, exponents, stray characters), each
 * followed by random bytes, digits among them, as in a buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "../../src/util/number_quick.h"

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

static size_t gen(char *s)
{
    size_t n = 0;
    unsigned r = next(10);
    if (r == 0) s[n++] = '+';
    else if (r < 5) s[n++] = '-';
    unsigned ni = next(11), nf = next(11);
    for (unsigned i = 0; i < ni; i++) s[n++] = (char)('0' + (next(4) ? next(10) : 0));
    if (next(5)) {
        s[n++] = '.';
        for (unsigned i = 0; i < nf; i++) s[n++] = (char)('0' + next(10));
    }
    if (next(20) == 0) {
        s[n++] = next(2) ? 'e' : 'E';
        if (next(2)) s[n++] = '-';
        unsigned ne = next(3);
        for (unsigned i = 0; i < ne; i++) s[n++] = (char)('0' + next(10));
    }
    if (next(15) == 0 && n) s[next((unsigned)n)] = "x.-, /:"[next(7)];
    return n;
}

static void test_padded_same_as_quick_and_strtod(void **state)
{
    (void)state;
    char buf[64], z[64];
    size_t accepted = 0, fast_form = 0;
    for (int it = 0; it < 2000000; it++) {
        size_t n = gen(buf);
        for (size_t i = n; i < n + 16; i++) buf[i] = next(2) ? (char)('0' + next(10)) : ",\n\r .e"[next(6)];
        double a = 0, b = 0;
        int ra = cpr_number_quick(buf, n, &a);
        int rb = cpr_number_quick_padded(buf, n, &b);
        if (ra != rb || (ra && memcmp(&a, &b, sizeof a) != 0)) {
            memcpy(z, buf, n);
            z[n] = '\0';
            fail_msg("'%s': quick %d %.17g, padded %d %.17g", z, ra, a, rb, b);
        }
        if (!ra) continue;
        accepted++;
        memcpy(z, buf, n);
        z[n] = '\0';
        if (strchr(z, 'e') == NULL && strchr(z, 'E') == NULL) fast_form++;
        double c = strtod(z, NULL);
        if (memcmp(&a, &c, sizeof a) != 0) fail_msg("'%s': quick %.17g, strtod %.17g", z, a, c);
    }
    print_message("%zu accepted (%zu without exponent) of 2000000\n", accepted, fast_form);
    assert_true(fast_form > 500000); /* the generator reaches the fast form */
}

/* Every length of digits on either side of the dot, with digits right
 * after the field (the first non-digit is then past the field). */
static void test_lengths(void **state)
{
    (void)state;
    char buf[64], z[64];
    for (unsigned ni = 0; ni <= 12; ni++)
        for (unsigned nf = 0; nf <= 12; nf++)
            for (int dot = 0; dot < 2; dot++)
                for (int rep = 0; rep < 200; rep++) {
                    size_t n = 0;
                    if (rep & 1) buf[n++] = '-';
                    for (unsigned i = 0; i < ni; i++) buf[n++] = (char)('0' + next(10));
                    if (dot) buf[n++] = '.';
                    for (unsigned i = 0; i < nf && dot; i++) buf[n++] = (char)('0' + next(10));
                    for (size_t i = n; i < n + 16; i++) buf[i] = (char)('0' + next(10));
                    double a = 0, b = 0;
                    int ra = cpr_number_quick(buf, n, &a), rb = cpr_number_quick_padded(buf, n, &b);
                    memcpy(z, buf, n);
                    z[n] = '\0';
                    if (ra != rb || (ra && memcmp(&a, &b, sizeof a) != 0))
                        fail_msg("'%s': quick %d %.17g, padded %d %.17g", z, ra, a, rb, b);
                    if (ra) {
                        double c = strtod(z, NULL);
                        if (memcmp(&a, &c, sizeof a) != 0) fail_msg("'%s': %.17g, strtod %.17g", z, a, c);
                    }
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_padded_same_as_quick_and_strtod),
        cmocka_unit_test(test_lengths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
