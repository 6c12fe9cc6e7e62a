/* Splitting CSV lines: plain lines (no quote, no stray carriage return)
 * are split here, 16 bytes at a time, giving the field and row events
 * libcsv would give; every other line goes to libcsv, one physical line at
 * a time, so that every message can name its line. */
#include "csv_parse.h"
#include "../util/number_quick.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdint.h>
#include <string.h>

/* cpr_csv_field_convert for a field followed by at least 16 readable bytes
 * (the line splitter's padded buffer): the same result, with the common
 * cases inline: a number in a numeric column (8 digits at a time), a year,
 * the same entity label as the row before. */
__attribute__((always_inline)) static inline void data_field_padded(cpr_csv_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->ent_col) {
        size_t n = ps->last_entity_len;
        if (ps->have_last_entity && len == n && n <= 16) {
            uint64_t m0 = n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
            uint64_t m1 = n >= 16 ? ~UINT64_C(0) : n <= 8 ? 0 : (UINT64_C(1) << (8 * (n - 8))) - 1;
            uint64_t d = ((cpr_number_load8(s) ^ cpr_number_load8(ps->last_label)) & m0) |
                         ((cpr_number_load8(s + 8) ^ cpr_number_load8(ps->last_label + 8)) & m1);
            if (!d) {
                ps->cur_entity = ps->last_entity;
                ps->have_entity = 1;
                return;
            }
        }
    } else if ((long)j == ps->time_col) {
        /* a plain year such as 2015: what key_field's plain_int gives */
        if (len >= 1 && len <= 9) {
            int v = 0;
            size_t i = 0;
            for (; i < len; i++) {
                unsigned d = (unsigned)(unsigned char)s[i] - '0';
                if (d > 9) break;
                v = v * 10 + (int)d;
            }
            if (i == len) {
                ps->cur_time = v;
                ps->have_time = 1;
                return;
            }
        }
    } else if (!ps->is_long) {
        cpr_csv_col *c = &ps->cols[j];
        double v;
        if (cpr_csv_col_skipped(c)) { /* not wanted: checked, not converted */
            if (cpr_csv_skip_done(c, j, s, len)) return;
        } else if (c->typed && c->type == CPR_COL_NUM && cpr_number_quick_padded(s, len, &v)) { c->num[ps->nrow] = v; return; }
    }
    cpr_csv_field_convert(ps, j, s, len);
}
static int is_blank(const cpr_csv_splitter *sp, char c) { return (c == ' ' || c == '\t') && c != sp->sep; }

/* The field [*a, *b) without the blanks libcsv trims at both ends. */
static inline void trim_blanks(const cpr_csv_splitter *sp, const char **a, const char **b)
{
    while (*a < *b && is_blank(sp, **a)) (*a)++;
    while (*b > *a && is_blank(sp, (*b)[-1])) (*b)--;
}

static void emit_field(cpr_csv_state *ps, const cpr_csv_splitter *sp, const char *a, const char *b)
{
    trim_blanks(sp, &a, &b);
    cpr_csv_on_field((void *)(uintptr_t)a, (size_t)(b - a), ps);
}

#ifdef __SSE2__
#include <emmintrin.h>
#else
#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* 0x80 in every byte of w that equals the byte in bb (b * ONES), exact. */
static inline uint64_t bytes_equal(uint64_t w, uint64_t bb)
{
    uint64_t x = w ^ bb, low7 = ~HIGH;
    return ~(((x & low7) + low7) | x | low7);
}
#endif

#ifdef __SSE2__
/* Bits set in x (baseline x86-64 has no popcnt instruction). */
static inline unsigned bits_set64(uint64_t x)
{
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* The common data line, shorter than 64 bytes, with a mask per kind of
 * byte over 64 bytes at once: one bit per separator, newline, quote or CR,
 * and a loop over the fields whose count is the row's (the same for every
 * row, so the branches are foreseen) instead of a loop over the separators
 * met in each 16 bytes (a count that changes with the lengths of the
 * numbers). The same events and results as fast_line, which it leaves
 * every other case to: returns (size_t)-1 for "use fast_line", 0 for
 * "needs libcsv" (as fast_line would return), else the line's length with
 * its '\n'. Reads 64 bytes at s: the caller makes sure end + 16 (the
 * padding) is not passed. */
static inline size_t line64(cpr_csv_state *ps, const cpr_csv_splitter *sp, const char *s, const char *end)
{
    const __m128i vsep = _mm_set1_epi8(sp->sep), vq = _mm_set1_epi8('"'), vcr = _mm_set1_epi8('\r'),
                  vnl = _mm_set1_epi8('\n');
    uint64_t sm = 0, nm = 0, qm = 0;
    for (int b = 0; b < 4; b++) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * b));
        sm |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vsep)) << (16 * b);
        nm |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vnl)) << (16 * b);
        qm |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(w, vq), _mm_cmpeq_epi8(w, vcr))) << (16 * b);
    }
    if (!nm) return (size_t)-1; /* a longer line */
    size_t nl = (size_t)__builtin_ctzll(nm);
    if (s + nl >= end) return 0;
    uint64_t below = (UINT64_C(1) << nl) - 1;
    size_t stop = nl;
    if (qm & below) {
        /* a CR just before the '\n' (CRLF) is the line's end; any other
         * CR, or a quote, is fast_line's and libcsv's */
        if ((qm & below) != (UINT64_C(1) << (nl - 1)) || s[nl - 1] != '\r') return (size_t)-1;
        stop = nl - 1;
    }
    sm &= below;
    if (!sm) return (size_t)-1; /* one field (perhaps blanks only) */
    ps->row_started = 1;
    ps->row_line = ps->line;
    if (ps->nrow == ps->cap) cpr_csv_grow_rows(ps);
    size_t nf = bits_set64(sm) + 1, use = nf < ps->ncol ? nf : ps->ncol;
    const char *p = s;
    for (size_t f = 0; f < use && !ps->status; f++) {
        const char *a = p, *b = s + (sm ? (size_t)__builtin_ctzll(sm) : stop);
        sm &= sm - 1;
        p = b + 1;
        trim_blanks(sp, &a, &b);
        data_field_padded(ps, f, a, (size_t)(b - a));
    }
    ps->field = nf;
    cpr_csv_on_row(0, ps);
    return nl + 1;
}
#endif

/* The physical line that starts at s, if it can be split here: returns its
 * length with the '\n' after giving cpr_csv_on_field/cpr_csv_on_row the events libcsv would
 * give, or 0 (nothing done) when it needs libcsv: a quote, a CR other than
 * a CRLF ending, or no '\n' before end. Reads up to 15 bytes past the
 * newline: the buffer is padded. */
static size_t fast_line(cpr_csv_state *ps, cpr_csv_splitter *sp, const char *s, const char *end)
{
    size_t k = 0, ncr = 0, last_cr = 0, nl = 0;
#ifdef __SSE2__
    if (end - s >= 48 && ps->header_done && !ps->status) {
        size_t len = line64(ps, sp, s, end);
        if (len != (size_t)-1) return len;
    }
    /* 16 bytes at a time, one bit per byte in m. */
    const __m128i vsep = _mm_set1_epi8(sp->sep), vq = _mm_set1_epi8('"'), vcr = _mm_set1_epi8('\r'),
                  vnl = _mm_set1_epi8('\n');
    for (size_t i = 0;; i += 16) {
        if (s + i >= end) return 0;
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, vsep), _mm_cmpeq_epi8(w, vq)),
                                   _mm_or_si128(_mm_cmpeq_epi8(w, vcr), _mm_cmpeq_epi8(w, vnl)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        while (m) {
            size_t at = i + (size_t)__builtin_ctz(m);
            m &= m - 1;
#else
    const uint64_t bsep = ONES * (unsigned char)sp->sep, bq = ONES * '"', bcr = ONES * '\r', bnl = ONES * '\n';
    for (size_t i = 0;; i += 8) {
        if (s + i >= end) return 0;
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t m = bytes_equal(w, bsep) | bytes_equal(w, bq) | bytes_equal(w, bcr) | bytes_equal(w, bnl);
        while (m) {
            size_t at = i + ((size_t)__builtin_ctzll(m) >> 3);
            m &= m - 1;
#endif
            char c = s[at];
            if (c == sp->sep) {
                if (k + 1 >= sp->off_cap) { /* keeps a slot free after the last */
                    sp->off_cap = sp->off_cap ? 2 * sp->off_cap : 64;
                    sp->off = cpr_realloc(sp->off, sp->off_cap * sizeof *sp->off);
                }
                sp->off[k++] = at;
            } else if (c == '\n') {
                if (s + at >= end) return 0;
                nl = at;
                goto found;
            } else if (c == '"') {
                return 0;
            } else {
                ncr++;
                last_cr = at;
            }
        }
    }
found:;
    size_t stop = nl; /* the line without its '\n' */
    if (ncr) {
        if (ncr > 1 || last_cr + 1 != nl) return 0; /* a CR inside the line ends a row for libcsv */
        stop--;
    }
    if (k == 0) {
        /* Blanks only (or nothing): libcsv reports no row. */
        size_t b = 0;
        while (b < stop && is_blank(sp, s[b])) b++;
        if (b == stop) return nl + 1;
    }
    const char *p = s;
    if (!ps->header_done || ps->status) {
        for (size_t f = 0; f < k && !ps->status; f++) {
            emit_field(ps, sp, p, s + sp->off[f]);
            p = s + sp->off[f] + 1;
        }
        emit_field(ps, sp, p, s + stop);
        cpr_csv_on_row(0, ps);
        return nl + 1;
    }
    /* A data row: what cpr_csv_on_field does for each field, without the per-field
     * bookkeeping. Fields beyond the header's are only counted. */
    ps->row_started = 1;
    ps->row_line = ps->line;
    if (ps->nrow == ps->cap) cpr_csv_grow_rows(ps);
    size_t nf = k + 1, use = nf < ps->ncol ? nf : ps->ncol;
    if (!sp->off) {
        sp->off_cap = 64;
        sp->off = cpr_malloc(sp->off_cap * sizeof *sp->off);
    }
    sp->off[k] = stop; /* the scan keeps k < off_cap */
    for (size_t f = 0; f < use && !ps->status; f++) {
        const char *a = p, *b = s + sp->off[f];
        p = b + 1;
        trim_blanks(sp, &a, &b);
        data_field_padded(ps, f, a, (size_t)(b - a));
    }
    ps->field = nf;
    cpr_csv_on_row(0, ps);
    return nl + 1;
}

/* Parse the complete lines in [s, s + n); the last one may lack its '\n'
 * only at the end of the file. */
void cpr_csv_parse_span(cpr_csv_state *ps, cpr_csv_splitter *sp, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end && !ps->status) {
        if (!sp->busy && !sp->libcsv_only) {
            size_t len = fast_line(ps, sp, s, end);
            if (len) {
                s += len;
                ps->line++;
                continue;
            }
        }
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
        if (csv_parse(&sp->p, s, len, cpr_csv_on_field, cpr_csv_on_row, ps) != len) {
            ps->row_line = ps->line;
            cpr_csv_fail_at(ps, CPR_E_RAGGED, "%s:%zu: malformed CSV (%s)%s", csv_strerror(csv_error(&sp->p)), "");
            return;
        }
        sp->busy = sp->p.pstate != sp->idle_state;
        s += len;
        ps->line++;
    }
}
