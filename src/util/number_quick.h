/* The common decimal form, read in one pass, for hot loops (the loader) and
 * for cpr_parse_double. Not part of the public API. */
#ifndef CPR_NUMBER_QUICK_H
#define CPR_NUMBER_QUICK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

extern const double cpr_pow10_exact[23]; /* 1e0 .. 1e22, all exact */

/* v with the sign of the text (s[0] == '-'), without a branch: the signs
 * of data are random, and a mispredicted branch cost more than the rest of
 * the number (18% of the loader's parse). Same bits as `neg ? -v : v`,
 * -0 included (v is never negative here). */
static inline void cpr_number_store_signed(double *out, double v, int neg)
{
    uint64_t bits;
    memcpy(&bits, &v, 8);
    bits |= (uint64_t)(neg != 0) << 63;
    memcpy(out, &bits, 8);
}

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
    cpr_number_store_signed(out, v, *s == '-');
    return 1;
}

/* The same for a field followed by at least 16 readable bytes (the CSV
 * reader's padded buffer): the common data form [+-]D{1,8}[.D{0,8}] is read
 * eight digits at a time, without a branch per character; everything else
 * goes to cpr_number_quick. Where it answers, it computes the same mantissa
 * and power of ten, so the same double. */
static inline uint64_t cpr_number_load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* k (1..8) characters at p as eight, with leading '0's (little endian: the
 * first character is the lowest byte). */
static inline uint64_t cpr_number_chunk8(const char *p, unsigned k)
{
    unsigned sh = 8 * (8 - k);
    uint64_t v = cpr_number_load8(p);
    return sh ? (v << sh) | (UINT64_C(0x3030303030303030) >> (64 - sh)) : v;
}

/* Eight ASCII digits -> their value (three multiplies). */
static inline uint64_t cpr_number_digits8(uint64_t v)
{
    v = ((v & UINT64_C(0x0F0F0F0F0F0F0F0F)) * 2561) >> 8;
    v = ((v & UINT64_C(0x00FF00FF00FF00FF)) * 6553601) >> 16;
    return ((v & UINT64_C(0x0000FFFF0000FFFF)) * UINT64_C(42949672960001)) >> 32;
}

static inline int cpr_number_all_digits8(uint64_t v)
{
    return (((v + UINT64_C(0x4646464646464646)) | (v - UINT64_C(0x3030303030303030))) & UINT64_C(0x8080808080808080)) == 0;
}

__attribute__((always_inline)) static inline int cpr_number_quick_padded(const char *s, size_t len, double *out)
{
    static const uint64_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    const char *p = s + (len && (*s == '-' || *s == '+'));
    size_t n = len - (size_t)(p - s);
    if (n == 0 || n > 17) return cpr_number_quick(s, len, out);
    /* the first byte that is not a digit: bytes below it have x < 10, so no
     * carry reaches it from below */
    uint64_t x = cpr_number_load8(p) ^ UINT64_C(0x3030303030303030);
    uint64_t nd = ((x + UINT64_C(0x7676767676767676)) | x) & UINT64_C(0x8080808080808080);
    if (!nd) return cpr_number_quick(s, len, out);
    size_t ni = (size_t)__builtin_ctzll(nd) >> 3;
    if (ni > n) ni = n; /* the bytes after the field are never digits, but be sure */
    if (ni == 0) return cpr_number_quick(s, len, out);
    uint64_t mant = cpr_number_digits8(cpr_number_chunk8(p, (unsigned)ni));
    size_t nf = 0;
    if (ni < n) {
        if (p[ni] != '.') return cpr_number_quick(s, len, out);
        nf = n - ni - 1;
        if (nf > 8) return cpr_number_quick(s, len, out);
        if (nf) {
            uint64_t f = cpr_number_chunk8(p + ni + 1, (unsigned)nf);
            if (!cpr_number_all_digits8(f)) return cpr_number_quick(s, len, out);
            mant = mant * p10[nf] + cpr_number_digits8(f);
        }
    }
    if (mant > (UINT64_C(1) << 53)) return cpr_number_quick(s, len, out);
    double v = (double)mant;
    if (nf) v /= cpr_pow10_exact[nf];
    cpr_number_store_signed(out, v, *s == '-');
    return 1;
}

#endif
