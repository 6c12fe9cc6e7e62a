/* The bytes the CSV reader sees: the file, gunzipped when it starts with the
 * gzip magic (zlib), with a preamble of N lines dropped, footer lines held
 * back and dropped at the end, and decimal commas turned into points inside
 * numeric-looking fields. It is a FILE * (fopencookie) so the CSV reader
 * needs no second input path; line numbers are kept (the reader is told the
 * first line's number, every kept line passes through unchanged in count). */
#define _GNU_SOURCE
#include "source.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { IN_CHUNK = 1 << 16 };

struct cpr_source {
    const char *path;
    FILE *raw;              /* not owned */
    int gz, zdone, raw_eof;
    z_stream z;
    unsigned char *zin;
    char *dec;              /* decoded bytes not yet cut into lines */
    size_t dlen, dcap;
    char *out;              /* processed bytes for the reader */
    size_t olen, opos, ocap;
    char *held;             /* footer-like lines held back */
    size_t hlen, hcap, nheld;
    int finished;
    cpr_source_plan plan;
    size_t to_skip;
    int in_quote;           /* a quoted field runs on into the next line */
    size_t footer_dropped, commas;
    char err[200];
};

static void append(char **b, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *b = cpr_realloc(*b, *cap);
    }
    memcpy(*b + *len, s, n);
    *len += n;
}

/* More decoded bytes into src->dec; 0 at the end of the input. */
static size_t decode_more(cpr_source *src)
{
    if (src->err[0]) return 0;
    if (!src->gz) {
        if (src->raw_eof) return 0;
        if (src->dcap - src->dlen < IN_CHUNK + 1) {
            src->dcap = src->dlen + IN_CHUNK + 1;
            src->dec = cpr_realloc(src->dec, src->dcap);
        }
        size_t got = fread(src->dec + src->dlen, 1, IN_CHUNK, src->raw);
        if (got == 0) {
            src->raw_eof = 1;
            if (ferror(src->raw)) snprintf(src->err, sizeof src->err, "read error");
        }
        src->dlen += got;
        return got;
    }
    for (;;) {
        if (src->zdone) return 0;
        if (src->z.avail_in == 0 && !src->raw_eof) {
            size_t got = fread(src->zin, 1, IN_CHUNK, src->raw);
            if (got == 0) {
                src->raw_eof = 1;
                if (ferror(src->raw)) { snprintf(src->err, sizeof src->err, "read error"); return 0; }
            }
            src->z.next_in = src->zin;
            src->z.avail_in = (uInt)got;
        }
        if (src->dcap - src->dlen < IN_CHUNK + 1) {
            src->dcap = src->dlen + IN_CHUNK + 1;
            src->dec = cpr_realloc(src->dec, src->dcap);
        }
        src->z.next_out = (unsigned char *)src->dec + src->dlen;
        src->z.avail_out = IN_CHUNK;
        int zr = inflate(&src->z, Z_NO_FLUSH);
        size_t got = IN_CHUNK - src->z.avail_out;
        src->dlen += got;
        if (zr == Z_STREAM_END) {
            /* Another gzip member may follow (as `cat a.gz b.gz` makes). */
            if (src->z.avail_in == 0 && src->raw_eof) src->zdone = 1;
            else if (src->z.avail_in == 0) {
                size_t more = fread(src->zin, 1, IN_CHUNK, src->raw);
                if (more == 0) { src->raw_eof = 1; src->zdone = 1; }
                src->z.next_in = src->zin;
                src->z.avail_in = (uInt)more;
            }
            if (!src->zdone) inflateReset(&src->z);
        } else if (zr == Z_BUF_ERROR && src->raw_eof && src->z.avail_in == 0) {
            snprintf(src->err, sizeof src->err, "truncated gzip data (the compressed file ends early)");
            return 0;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            snprintf(src->err, sizeof src->err, "corrupt gzip data (%s)", src->z.msg ? src->z.msg : "inflate failed");
            return 0;
        }
        if (got) return got;
    }
}

size_t cpr_source_peek(cpr_source *src, size_t want, const char **text)
{
    while (src->dlen < want && decode_more(src) > 0) {}
    *text = src->dec ? src->dec : "";
    return src->dlen;
}

int cpr_source_is_gzip(const cpr_source *src) { return src->gz; }

/* A field that is a number written with a decimal comma: [sign]digits,digits
 * with an optional exponent; surrounding blanks allowed. */
static int comma_number(const char *a, const char *b, const char **comma)
{
    while (a < b && (*a == ' ' || *a == '\t')) a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
    if (a < b && (*a == '-' || *a == '+')) a++;
    const char *d = a;
    while (a < b && *a >= '0' && *a <= '9') a++;
    if (a == d || a == b || *a != ',') return 0;
    *comma = a++;
    d = a;
    while (a < b && *a >= '0' && *a <= '9') a++;
    if (a == d) return 0;
    if (a < b && (*a == 'e' || *a == 'E')) {
        a++;
        if (a < b && (*a == '-' || *a == '+')) a++;
        d = a;
        while (a < b && *a >= '0' && *a <= '9') a++;
        if (a == d) return 0;
    }
    return a == b;
}

/* Decimal commas -> points in one line, in place (same length). */
static void fix_commas(cpr_source *src, char *s, size_t n)
{
    char sep = src->plan.sep;
    size_t i = 0, start = 0;
    int q = src->in_quote;
    for (; i <= n; i++) {
        char c = i < n ? s[i] : sep;
        if (c == '"') { q = !q; continue; }
        if (q && i < n) continue;
        if (c == sep || c == '\n' || i == n) {
            const char *a = s + start, *b = s + i, *comma;
            if (b > a && b[-1] == '\n') b--;
            if (b - a >= 2 && *a == '"' && b[-1] == '"') { a++; b--; }
            if (comma_number(a, b, &comma)) { s[comma - s] = '.'; src->commas++; }
            start = i + 1;
        }
    }
    src->in_quote = q;
}

int cpr_source_footer_line(const char *s, size_t n)
{
    /* Blank, separators and empty quotes only, or the World Bank's notes. */
    size_t i = 0;
    while (i < n && strchr(" \t\r\n,;\"", s[i])) i++;
    if (i == n) return 1;
    const char *a = s;
    while (a < s + n && (*a == '"' || *a == ' ')) a++;
    size_t rest = (size_t)(s + n - a);
    static const char *const notes[] = {"Data from database", "Last Updated", "Footnote", "Source:"};
    for (size_t k = 0; k < sizeof notes / sizeof *notes; k++)
        if (rest >= strlen(notes[k]) && memcmp(a, notes[k], strlen(notes[k])) == 0) return 1;
    return 0;
}

static void take_line(cpr_source *src, char *s, size_t n)
{
    if (src->to_skip) { src->to_skip--; return; }
    if (src->plan.decimal_comma) fix_commas(src, s, n);
    if (src->plan.footer && !src->in_quote && cpr_source_footer_line(s, n)) {
        append(&src->held, &src->hlen, &src->hcap, s, n);
        src->nheld++;
        return;
    }
    if (src->hlen) { /* not a footer after all: the held lines go through */
        append(&src->out, &src->olen, &src->ocap, src->held, src->hlen);
        src->hlen = src->nheld = 0;
    }
    append(&src->out, &src->olen, &src->ocap, s, n);
}

/* Cut complete lines off src->dec into src->out; at the end the rest too. */
static void produce(cpr_source *src)
{
    while (src->olen == src->opos && !src->finished) {
        src->olen = src->opos = 0;
        size_t used = 0;
        for (;;) {
            char *nl = memchr(src->dec + used, '\n', src->dlen - used);
            if (!nl) break;
            size_t n = (size_t)(nl - (src->dec + used)) + 1;
            take_line(src, src->dec + used, n);
            used += n;
        }
        memmove(src->dec, src->dec + used, src->dlen - used);
        src->dlen -= used;
        if (src->olen) return;
        if (decode_more(src) == 0) {
            if (src->dlen) take_line(src, src->dec, src->dlen);
            src->dlen = 0;
            src->footer_dropped = src->nheld;
            src->hlen = src->nheld = 0;
            src->finished = 1;
        }
    }
}

static ssize_t cookie_read(void *cookie, char *buf, size_t size)
{
    cpr_source *src = cookie;
    produce(src);
    if (src->err[0] && src->olen == src->opos) return -1;
    size_t n = src->olen - src->opos;
    if (n > size) n = size;
    if (n == 0) return 0;
    memcpy(buf, src->out + src->opos, n);
    src->opos += n;
    return (ssize_t)n;
}

int cpr_source_open(const char *path, FILE *raw, cpr_source **out)
{
    cpr_source *src = cpr_calloc(1, sizeof *src);
    src->path = path;
    src->raw = raw;
    src->dcap = IN_CHUNK + 1;
    src->dec = cpr_malloc(src->dcap); /* never NULL: memchr/memmove on it */
    unsigned char magic[2];
    size_t got = fread(magic, 1, 2, raw);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        src->gz = 1;
        src->zin = cpr_malloc(IN_CHUNK);
        memcpy(src->zin, magic, 2);
        src->z.next_in = src->zin;
        src->z.avail_in = 2;
        if (inflateInit2(&src->z, 15 + 16) != Z_OK) {
            free(src->zin);
            free(src->dec);
            free(src);
            return cpr_fail(CPR_E_NOMEM, "%s: zlib could not start", path);
        }
    } else {
        memcpy(src->dec, magic, got);
        src->dlen = got;
        if (got < 2) src->raw_eof = feof(raw) || ferror(raw);
    }
    *out = src;
    return CPR_OK;
}

FILE *cpr_source_stream(cpr_source *src, const cpr_source_plan *plan)
{
    src->plan = *plan;
    src->to_skip = plan->skip_lines;
    cookie_io_functions_t io = {cookie_read, NULL, NULL, NULL};
    return fopencookie(src, "r", io);
}

const char *cpr_source_error(const cpr_source *src) { return src->err[0] ? src->err : NULL; }
size_t cpr_source_footer_count(const cpr_source *src) { return src->footer_dropped; }
size_t cpr_source_comma_count(const cpr_source *src) { return src->commas; }

void cpr_source_free(cpr_source *src)
{
    if (!src) return;
    if (src->gz) inflateEnd(&src->z);
    free(src->zin);
    free(src->dec);
    free(src->out);
    free(src->held);
    free(src);
}

size_t cpr_source_count_decimals(const char *s, size_t n, char sep, size_t *points)
{
    /* Fields after the first line that are [sign]digits,digits (returned)
     * and [sign]digits.digits (*points); quoted fields are looked into. */
    size_t commas = 0;
    *points = 0;
    const char *end = s + n, *p = memchr(s, '\n', n);
    if (!p) return 0;
    p++;
    int q = 0;
    const char *start = p;
    for (; p <= end; p++) {
        char c = p < end ? *p : '\n';
        if (c == '"') { q = !q; continue; }
        if (q) continue;
        if (c == sep || c == '\n') {
            const char *a = start, *b = p, *mark;
            if (b - a >= 2 && *a == '"' && b[-1] == '"') { a++; b--; }
            if (comma_number(a, b, &mark)) commas++;
            else {
                const char *x = a;
                while (x < b && (*x == ' ' || *x == '-' || *x == '+')) x++;
                const char *d = x;
                while (x < b && *x >= '0' && *x <= '9') x++;
                if (x > d && x < b && *x == '.') {
                    const char *e = ++x;
                    while (x < b && *x >= '0' && *x <= '9') x++;
                    while (x < b && (*x == ' ' || *x == '\r')) x++;
                    if (x > e && x == b) (*points)++;
                }
            }
            start = p + 1;
        }
    }
    return commas;
}
