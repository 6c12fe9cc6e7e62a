/* The common decimal form, read in one pass, for hot loops (the loader) and
 * for cpr_parse_double. Not part of the public API. */
#ifndef CPR_NUMBER_QUICK_H
#define CPR_NUMBER_QUICK_H

#include <stddef.h>
#include <stdint.h>

extern const double cpr_pow10_exact[23]; /* 1e0 .. 1e22, all exact */

/* [+-]digits[.digits][(e|E)[+-]digits] with at most 19 digits and an
 * exponent of at most 4 digits, no blanks. Returns 1 and sets *out only
 * when one IEEE operation gives the correctly rounded value (mantissa at
 * most 2^53, |power of ten| <= 22: Clinger's fast case), which is then
 * exactly what strtod gives; returns 0 for anything else (the caller falls
 * back to cpr_parse_double). */
static inline int cpr_number_quick(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len, *dot = NULL;
    if (p < end && (*p == '-' || *p == '+')) p++;
    const char *d0 = p;
    uint64_t mant = 0;
    for (; p < end; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (d < 10) mant = mant * 10 + d;
        else if (*p == '.' && !dot) dot = p;
        else break;
    }
    size_t ndig = (size_t)(p - d0) - (dot != NULL);
    if (ndig == 0 || ndig > 19) return 0;
    int exp10 = dot ? -(int)(p - dot - 1) : 0;
    if (p < end) {
        if (*p != 'e' && *p != 'E') return 0;
        p++;
        int eneg = 0;
        if (p < end && (*p == '-' || *p == '+')) { eneg = *p == '-'; p++; }
        if (p == end || end - p > 4) return 0;
        int e = 0;
        for (; p < end; p++) {
            unsigned d = (unsigned)(*p - '0');
            if (d >= 10) return 0;
            e = e * 10 + (int)d;
        }
        exp10 += eneg ? -e : e;
    }
    if (mant > (UINT64_C(1) << 53) || exp10 < -22 || exp10 > 22) return 0;
    double v = (double)mant;
    if (exp10 < 0) v /= cpr_pow10_exact[-exp10];
    else v *= cpr_pow10_exact[exp10];
    *out = *s == '-' ? -v : v;
    return 1;
}

#endif
