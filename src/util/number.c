/* Locale-independent number parsing. The fast path handles the decimal
 * strings found in data files exactly (Clinger: when the digits fit in 2^53
 * and the power of ten is at most 22, one IEEE multiply or divide is
 * correctly rounded); everything else falls back to strtod, which is
 * correctly rounded too and sees the "C" locale because cpr-stats never
 * calls setlocale(LC_NUMERIC). */
#include "cpr/util.h"
#include "number_quick.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const double cpr_pow10_exact[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int parse_slow(const char *s, size_t len, double *out)
{
    char buf[128];
    if (len >= sizeof buf) return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    /* Reject hex floats, inf/nan words and other strtod extensions. */
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return 0;
    }
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (end != buf + len || end == buf) return 0;
    if (!isfinite(v)) return -1;
    if (errno == ERANGE && fabs(v) > 1.0) return -1; /* overflow */
    *out = v;                                         /* underflow: keep the denormal/zero */
    return 1;
}

static int is_inf_word(const char *s, size_t len)
{
    if (len && (*s == '-' || *s == '+')) { s++; len--; }
    const char *words[] = {"inf", "infinity"};
    for (size_t w = 0; w < 2; w++) {
        size_t wl = strlen(words[w]);
        if (wl != len) continue;
        size_t i = 0;
        while (i < len && (s[i] | 0x20) == words[w][i]) i++;
        if (i == len) return 1;
    }
    return 0;
}

static int parse_general(const char *s, size_t len, double *out)
{
    while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (len == 0) return 0;
    /* Words start with a letter (or a sign and a letter): only those can be inf. */
    char c0 = (*s == '-' || *s == '+') && len > 1 ? s[1] : *s;
    if ((c0 | 0x20) == 'i' && is_inf_word(s, len)) return -1;

    const char *p = s, *end = s + len;
    int neg = 0;
    if (*p == '-' || *p == '+') { neg = (*p == '-'); p++; }
    uint64_t mant = 0;
    int ndig = 0, frac_digits = 0, any = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (mant || *p != '0') ndig++;
        mant = mant * 10 + (uint64_t)(*p - '0');
        if (ndig > 18) return parse_slow(s, len, out);
        p++; any = 1;
    }
    if (p < end && *p == '.') {
        p++;
        while (p < end && *p >= '0' && *p <= '9') {
            if (mant || *p != '0') ndig++;
            mant = mant * 10 + (uint64_t)(*p - '0');
            if (ndig > 18) return parse_slow(s, len, out);
            frac_digits++; p++; any = 1;
        }
    }
    if (!any) return 0;
    int exp10 = 0;
    if (p < end && (*p == 'e' || *p == 'E')) return parse_slow(s, len, out);
    if (p != end) return 0;
    exp10 -= frac_digits;
    if (mant > (UINT64_C(1) << 53) || exp10 < -22 || exp10 > 22)
        return parse_slow(s, len, out);
    double v = (double)mant;
    if (exp10 < 0) v /= cpr_pow10_exact[-exp10];
    else v *= cpr_pow10_exact[exp10];
    *out = neg ? -v : v;
    return 1;
}

int cpr_parse_double(const char *s, size_t len, double *out)
{
    if (cpr_number_quick(s, len, out)) return 1;
    return parse_general(s, len, out); /* 1, 0 or -1 */
}
