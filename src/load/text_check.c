/* Reading a file whole and deciding whether it is a text table at all. */
#include "load_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cpr_text_open(const char *path, FILE **out)
{
    *out = NULL;
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) return cpr_fail(CPR_E_OPEN, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (fp != stdin) fclose(fp);
        return cpr_fail(CPR_E_OPEN, "%s: cannot read: is a directory", path);
    }
    *out = fp;
    return CPR_OK;
}

int cpr_text_read(const char *path, cpr_text *t)
{
    memset(t, 0, sizeof *t);
    FILE *fp;
    int rc = cpr_text_open(path, &fp);
    if (rc) return rc;
    struct stat st;
    size_t cap = (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) ? (size_t)st.st_size + 1 : 1 << 16;
    char *buf = cpr_malloc(cap);
    size_t len = 0;
    for (;;) {
        if (len + 1 >= cap) { cap *= 2; buf = cpr_realloc(buf, cap); }
        size_t got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0) break;
    }
    int err = ferror(fp);
    if (fp != stdin) fclose(fp);
    if (err) { free(buf); return cpr_fail(CPR_E_OPEN, "%s: read error", path); }
    buf[len] = '\0';
    t->buf = buf;
    t->len = len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) t->start = 3;
    return CPR_OK;
}

/* Length of the UTF-8 sequence at p (1..4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || n > left) return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80) return 0;
    if (n == 2 && c < 0xC2) return 0; /* overlong */
    return n;
}

int cpr_text_check(const char *path, const cpr_text *t)
{
    size_t line = 1;
    return cpr_text_check_span(path, t->buf + t->start, t->len - t->start, &line);
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* 0x80 in every byte of w that equals b, 0 elsewhere (exact, no carries). */
static uint64_t bytes_equal(uint64_t w, unsigned b)
{
    uint64_t x = w ^ (ONES * b), low7 = ~HIGH;
    return ~(((x & low7) + low7) | x | low7);
}

/* Column (in characters) of byte i on the line that starts at byte ls;
 * everything before i was valid UTF-8, so count non-continuation bytes. */
static size_t column_of(const unsigned char *p, size_t ls, size_t i)
{
    size_t col = 1;
    for (size_t k = ls; k < i; k++) col += (p[k] & 0xC0) != 0x80;
    return col;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Bits set in a 64-bit word (no popcnt instruction in baseline x86-64). */
static inline unsigned bits_set(uint64_t x)
{
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
    return (unsigned)((x * ONES) >> 56);
}

/* 64 bytes at p: 1 when all are printable ASCII, newline, tab or CR, with
 * a bit per newline in *nl; 0 when one needs the byte-wise check. */
static inline int block64_plain(const unsigned char *p, uint64_t *nl)
{
    const __m128i c20 = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), vnl = _mm_set1_epi8('\n'),
                  vtab = _mm_set1_epi8('\t'), vcr = _mm_set1_epi8('\r');
    uint64_t bad = 0, ok = 0, lines = 0;
    for (int k = 0; k < 4; k++) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        /* signed: bytes of 0x80 and up are below 0x20 too (UTF-8, checked byte-wise) */
        __m128i b = _mm_or_si128(_mm_cmplt_epi8(w, c20), _mm_cmpeq_epi8(w, del));
        __m128i n = _mm_cmpeq_epi8(w, vnl);
        __m128i o = _mm_or_si128(n, _mm_or_si128(_mm_cmpeq_epi8(w, vtab), _mm_cmpeq_epi8(w, vcr)));
        bad |= (uint64_t)(unsigned)_mm_movemask_epi8(b) << (16 * k);
        ok |= (uint64_t)(unsigned)_mm_movemask_epi8(o) << (16 * k);
        lines |= (uint64_t)(unsigned)_mm_movemask_epi8(n) << (16 * k);
    }
    *nl = lines;
    return (bad & ~ok) == 0;
}
#endif

int cpr_text_check_span(const char *path, const char *text, size_t n, size_t *line_io)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t line = *line_io, ls = 0; /* ls: where the current line starts */
    for (size_t i = 0; i < n;) {
#ifdef __SSE2__
        /* Fastest path: 64 plain bytes at once. */
        uint64_t nl64;
        if (i + 64 <= n && block64_plain(p + i, &nl64)) {
            if (nl64) {
                line += bits_set(nl64);
                ls = i + (size_t)(63 - __builtin_clzll(nl64)) + 1;
            }
            i += 64;
            continue;
        }
#endif
        /* Fast path: 8 ASCII bytes at once, all printable (0x20..0x7E) or
         * newline, tab, CR. */
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t bad = (w | (w + ONES * 1) | ~(w + ONES * 0x60)) & HIGH;
            if (!bad) { i += 8; continue; }
            if (!(w & HIGH)) {
                /* No high bit, so no carries: bad marks exactly the bytes
                 * below 0x20 and DEL. */
                uint64_t nl = bytes_equal(w, '\n');
                if (!(bad & ~(nl | bytes_equal(w, '\t') | bytes_equal(w, '\r')))) {
                    if (nl) {
                        line += (size_t)(((nl >> 7) * ONES) >> 56); /* bytes set */
                        ls = i + (size_t)((63 - __builtin_clzll(nl)) >> 3) + 1;
                    }
                    i += 8;
                    continue;
                }
            }
        }
        unsigned c = p[i];
        if (c == '\n') { line++; i++; ls = i; continue; }
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\r') || c == 0x7F)
            return cpr_fail(CPR_E_BINARY, "%s:%zu:%zu: binary data (byte 0x%02X): not a CSV text file", path, line, column_of(p, ls, i), c);
        size_t s = utf8_seq(p + i, n - i);
        if (s == 0)
            return cpr_fail(CPR_E_BINARY, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X); if the file is Latin-1, convert it: iconv -f latin1 -t utf-8", path, line, column_of(p, ls, i), c);
        i += s;
    }
    *line_io = line;
    return CPR_OK;
}

char cpr_text_guess_sep(const cpr_text *t)
{
    const char *p = t->buf + t->start, *end = t->buf + t->len;
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (; p < end && (quoted || *p != '\n'); p++) {
        if (*p == '"') quoted = !quoted;
        else if (!quoted) {
            if (*p == ',') comma++;
            else if (*p == ';') semi++;
            else if (*p == '\t') tab++;
        }
    }
    if (tab > comma && tab >= semi) return '\t';
    if (semi > comma) return ';';
    return ',';
}
