/* CSV -> cpr_frame through libcsv. The file is fed to libcsv one physical
 * line at a time so every message can name the line; fields are converted
 * as they arrive, straight into contiguous per-column arrays. */
#include "load_internal.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/util.h"
#include "../util/number_quick.h"

#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    cpr_col_type type;
    int typed;          /* type decided by the first non-missing value */
    double *num;
    char **text;
} col_build;

typedef struct {
    const char *path;
    const cpr_load_opts *opts;
    size_t line, row_line;
    int row_started;
    size_t field;           /* index of the next field in the current row */
    int status;             /* first error, CPR_OK while fine */

    int header_done;
    char **names;
    size_t ncol, names_cap;

    long ent_col, time_col; /* -1 = none */
    long ind_col, val_col;  /* long layout, else -1 */
    int is_long;

    size_t nrow, cap;
    col_build *cols;
    cpr_keys keys;
    /* current row's key / long-layout fields */
    int cur_entity, cur_time, cur_ind, have_entity, have_time;
    int last_entity, have_last_entity;
    size_t last_entity_len;
    double cur_val;
    cpr_strmap indicators;
    int *long_ind;          /* long layout: indicator id per row */
    double *long_val;       /* long layout: value per row */
} parse_state;

static int fail_at(parse_state *ps, int code, const char *fmt, const char *a, const char *b)
{
    if (ps->status == CPR_OK) ps->status = cpr_fail(code, fmt, ps->path, ps->row_line, a, b);
    return ps->status;
}

static const char *col_name(const parse_state *ps, size_t j) { return j < ps->ncol ? ps->names[j] : "?"; }

static void header_field(parse_state *ps, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (ps->ncol == ps->names_cap) {
        ps->names_cap = ps->names_cap ? 2 * ps->names_cap : 16;
        ps->names = cpr_realloc(ps->names, ps->names_cap * sizeof *ps->names);
    }
    ps->names[ps->ncol] = len ? cpr_strndup(s, len) : cpr_asprintf("V%zu", ps->ncol + 1);
    ps->ncol++;
}

static void grow_rows(parse_state *ps)
{
    /* Start with 1024 rows, fewer for very wide files (8 bytes a cell). */
    size_t cap = ps->cap ? 2 * ps->cap : ps->ncol > 64 ? (ps->ncol > 4096 ? 16 : 65536 / ps->ncol) : 1024;
    for (size_t j = 0; j < ps->ncol; j++) {
        col_build *c = &ps->cols[j];
        if (c->num) c->num = cpr_realloc(c->num, cap * sizeof *c->num);
        if (c->text) {
            c->text = cpr_realloc(c->text, cap * sizeof *c->text);
            memset(c->text + ps->cap, 0, (cap - ps->cap) * sizeof *c->text);
        }
    }
    if (ps->ent_col >= 0) { /* a cross-section needs no keys */
        ps->keys.entity = cpr_realloc(ps->keys.entity, cap * sizeof(int));
        ps->keys.time = cpr_realloc(ps->keys.time, cap * sizeof(int));
        ps->keys.line = cpr_realloc(ps->keys.line, cap * sizeof(size_t));
    }
    if (ps->is_long) {
        ps->long_ind = cpr_realloc(ps->long_ind, cap * sizeof(int));
        ps->long_val = cpr_realloc(ps->long_val, cap * sizeof(double));
    }
    ps->cap = cap;
}

/* A plain year such as "2015" (up to 9 digits, optional sign), the common
 * time key; anything else goes through the general number parser. */
static int plain_int(const char *s, size_t len, int *out)
{
    size_t i = 0;
    int neg = 0;
    if (len && (s[0] == '-' || s[0] == '+')) { neg = s[0] == '-'; i = 1; }
    if (i == len || len - i > 9) return 0;
    int v = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9) return 0;
        v = v * 10 + (int)d;
    }
    *out = neg ? -v : v;
    return 1;
}

static void key_field(parse_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->time_col && plain_int(s, len, &ps->cur_time)) {
        ps->have_time = 1;
        return;
    }
    /* Rows of one entity usually come together: the last label first. */
    if ((long)j == ps->ent_col && ps->have_last_entity && len == ps->last_entity_len &&
        memcmp(ps->keys.labels.keys[ps->last_entity], s, len) == 0) {
        ps->cur_entity = ps->last_entity;
        ps->have_entity = 1;
        return;
    }
    if (cpr_is_missing_token(s, len)) {
        fail_at(ps, CPR_E_NONNUMERIC, "%s:%zu: column '%s': the %s key is missing", col_name(ps, j),
                (long)j == ps->ent_col ? "entity" : "time");
        return;
    }
    if ((long)j == ps->ent_col) {
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\r')) len--;
        while (len && *s == ' ') { s++; len--; }
        /* Rows of one entity usually come together: check the last label first. */
        if (ps->have_last_entity) {
            const char *last = ps->keys.labels.keys[ps->last_entity];
            if (len == ps->last_entity_len && memcmp(last, s, len) == 0) {
                ps->cur_entity = ps->last_entity;
                ps->have_entity = 1;
                return;
            }
        }
        ps->cur_entity = cpr_strmap_intern(&ps->keys.labels, s, len);
        ps->last_entity = ps->cur_entity;
        ps->last_entity_len = len;
        ps->have_last_entity = 1;
        ps->have_entity = 1;
        return;
    }
    double v;
    int ok = cpr_number_quick(s, len, &v) ? 1 : cpr_parse_double(s, len, &v);
    if (ok != 1 || v != floor(v) || fabs(v) > 1e9) {
        char *cell = cpr_strndup(s, len > 40 ? 40 : len);
        fail_at(ps, CPR_E_NONNUMERIC, "%s:%zu: column '%s': time value '%s' is not a whole number (e.g. a year)",
                col_name(ps, j), cell);
        free(cell);
        return;
    }
    ps->cur_time = (int)v;
    ps->have_time = 1;
}

static void value_field(parse_state *ps, size_t j, const char *s, size_t len)
{
    col_build *c = &ps->cols[j];
    size_t r = ps->nrow;
    double v = NAN;
    /* Numbers are the common case: parse first, test for NA words only when
     * the cell is not a number. */
    int parsed = cpr_parse_double(s, len, &v);
    int missing = parsed == 0 && cpr_is_missing_token(s, len);
    if (!c->typed && !missing) {
        c->typed = 1;
        if (parsed == 0) {
            /* First value is text: a label column. Back-fill earlier rows. */
            c->type = CPR_COL_TEXT;
            free(c->num);
            c->num = NULL;
            c->text = cpr_calloc(ps->cap, sizeof *c->text);
        }
    }
    if (c->type == CPR_COL_TEXT) {
        if (!missing) c->text[r] = cpr_strndup(s, len);
        return;
    }
    if (missing) { c->num[r] = NAN; return; }
    if (parsed != 1) {
        char *cell = cpr_strndup(s, len > 40 ? 40 : len);
        fail_at(ps, CPR_E_NONNUMERIC,
                parsed < 0 ? "%s:%zu: column '%s': value '%s' is not finite (use NA for missing)"
                           : "%s:%zu: column '%s': '%s' is not a number (missing values: empty, NA, .., ., NaN, #N/A)",
                col_name(ps, j), cell);
        free(cell);
        return;
    }
    c->num[r] = v;
}

static void long_field(parse_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->ind_col) {
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\r')) len--;
        ps->cur_ind = cpr_strmap_intern(&ps->indicators, s, len);
    } else if ((long)j == ps->val_col) {
        ps->cur_val = NAN;
        if (cpr_is_missing_token(s, len)) return;
        int ok = cpr_parse_double(s, len, &ps->cur_val);
        if (ok != 1) {
            char *cell = cpr_strndup(s, len > 40 ? 40 : len);
            fail_at(ps, CPR_E_NONNUMERIC, ok < 0 ? "%s:%zu: column '%s': value '%s' is not finite"
                                                 : "%s:%zu: column '%s': '%s' is not a number",
                    col_name(ps, j), cell);
            free(cell);
        }
    }
}

/* Field j (< ncol) of a data row, with room for the row. */
static inline void data_field(parse_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->ent_col || (long)j == ps->time_col) { key_field(ps, j, s, len); return; }
    if (ps->is_long) { long_field(ps, j, s, len); return; }
    col_build *c = &ps->cols[j];
    double v;
    /* The common case: a number in a numeric column (same value as
     * value_field's cpr_parse_double gives). */
    if (c->typed && c->type == CPR_COL_NUM && cpr_number_quick(s, len, &v)) { c->num[ps->nrow] = v; return; }
    value_field(ps, j, s, len);
}

static void on_field(void *s, size_t len, void *data)
{
    parse_state *ps = data;
    if (ps->status) return;
    if (!ps->row_started) { ps->row_started = 1; ps->row_line = ps->line; }
    size_t j = ps->field++;
    if (!ps->header_done) { header_field(ps, s, len); return; }
    if (j >= ps->ncol) return; /* counted; reported at the end of the row */
    if (ps->nrow == ps->cap) grow_rows(ps);
    data_field(ps, j, s, len);
}

static int setup_columns(parse_state *ps);

static void on_row(int c, void *data)
{
    (void)c;
    parse_state *ps = data;
    if (ps->status) return;
    size_t nf = ps->field;
    ps->field = 0;
    ps->row_started = 0;
    if (!ps->header_done) {
        ps->header_done = 1;
        setup_columns(ps);
        return;
    }
    if (nf == 1 && ps->ncol > 1 && ps->nrow < ps->cap) {
        /* A line holding only blanks: libcsv gives one empty field. */
        int blank = 1;
        for (size_t j = 0; j < ps->ncol && blank; j++)
            if (ps->cols[j].type == CPR_COL_TEXT && ps->cols[j].text && ps->cols[j].text[ps->nrow]) blank = 0;
        if (blank) { for (size_t j = 0; j < ps->ncol; j++) if (ps->cols[j].text) { free(ps->cols[j].text[ps->nrow]); ps->cols[j].text[ps->nrow] = NULL; } ps->have_entity = ps->have_time = 0; return; }
    }
    if (nf != ps->ncol) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", nf);
        snprintf(b, sizeof b, "%zu", ps->ncol);
        fail_at(ps, CPR_E_RAGGED, "%s:%zu: ragged row: %s fields, the header has %s", a, b);
        return;
    }
    size_t r = ps->nrow;
    if (ps->ent_col >= 0) {
        ps->keys.entity[r] = ps->cur_entity;
        ps->keys.time[r] = ps->cur_time;
        ps->keys.line[r] = ps->row_line;
    }
    if (ps->is_long) {
        ps->long_ind[r] = ps->cur_ind;
        ps->long_val[r] = ps->cur_val;
    }
    ps->nrow++;
}

static int setup_columns(parse_state *ps)
{
    /* Duplicate names, found with a hash (a pairwise check is quadratic in
     * wide files); the message names the earliest column that is repeated. */
    {
        cpr_strmap seen;
        cpr_strmap_init(&seen);
        size_t *first = cpr_malloc((ps->ncol ? ps->ncol : 1) * sizeof *first), dup = ps->ncol;
        for (size_t b = 0; b < ps->ncol; b++) {
            size_t before = seen.n;
            int id = cpr_strmap_intern(&seen, ps->names[b], strlen(ps->names[b]));
            if (seen.n > before) first[id] = b;
            else if (first[id] < dup) dup = first[id];
        }
        cpr_strmap_free(&seen);
        free(first);
        if (dup < ps->ncol) {
            ps->row_line = 1;
            return fail_at(ps, CPR_E_RAGGED, "%s:%zu: column name '%s' appears twice in the header%s", ps->names[dup], "");
        }
    }
    const cpr_load_opts *o = ps->opts;
    ps->ent_col = cpr_key_find_entity(ps->names, ps->ncol, o ? o->entity : NULL);
    ps->time_col = cpr_key_find_time(ps->names, ps->ncol, o ? o->time : NULL);
    const char *want[2] = {o ? o->entity : NULL, o ? o->time : NULL};
    long got[2] = {ps->ent_col, ps->time_col};
    for (int w = 0; w < 2; w++) {
        if (want[w] && got[w] < 0) {
            const char *hint = cpr_closest(want[w], (const char *const *)ps->names, ps->ncol);
            ps->row_line = 1;
            return fail_at(ps, CPR_E_NOKEY, hint ? "%s:%zu: no column '%s' for the panel key; did you mean '%s'?"
                                               : "%s:%zu: no column '%s' for the panel key%s",
                           want[w], hint ? hint : "");
        }
    }
    if (o && o->no_key) ps->ent_col = ps->time_col = -1;
    if (ps->ent_col < 0 || ps->time_col < 0) {
        if (o && o->require_panel) {
            ps->row_line = 1;
            return fail_at(ps, CPR_E_NOKEY,
                           "%s:%zu: no %s column found (looked for %s); name it with --entity/--time",
                           ps->ent_col < 0 ? "entity" : "time",
                           ps->ent_col < 0 ? "iso3, country, id, firm, entity, ..." : "year, time, period, date");
        }
        ps->ent_col = ps->time_col = -1; /* a cross-section */
    }
    ps->ind_col = ps->val_col = -1;
    if (ps->ent_col >= 0 && cpr_key_find_long(ps->names, ps->ncol, &ps->ind_col, &ps->val_col)) ps->is_long = 1;
    ps->cols = cpr_calloc(ps->ncol, sizeof *ps->cols);
    for (size_t j = 0; j < ps->ncol; j++) ps->cols[j].type = CPR_COL_NUM;
    ps->cap = 0;
    for (size_t j = 0; j < ps->ncol; j++) ps->cols[j].num = cpr_malloc(sizeof(double));
    grow_rows(ps);
    return CPR_OK;
}

static void state_free(parse_state *ps)
{
    for (size_t j = 0; j < ps->ncol; j++) {
        if (ps->cols) {
            free(ps->cols[j].num);
            if (ps->cols[j].text) {
                for (size_t i = 0; i < ps->cap; i++) free(ps->cols[j].text[i]);
                free(ps->cols[j].text);
            }
        }
        free(ps->names[j]);
    }
    free(ps->cols);
    free(ps->names);
    free(ps->keys.entity);
    free(ps->keys.time);
    free(ps->keys.line);
    cpr_strmap_free(&ps->keys.labels);
    cpr_strmap_free(&ps->indicators);
    free(ps->long_ind);
    free(ps->long_val);
}

/* ---- reading: a large buffer, plain lines split here, the rest by libcsv ----
 *
 * The file is read in CHUNK pieces. Every complete physical line is checked
 * as text (cpr_text_check_span) and then parsed. A line without a quote and
 * without a carriage return other than the one of a CRLF ending is split
 * right here: each field (with the blanks libcsv trims from unquoted fields
 * trimmed) goes to on_field and the line ends with on_row, exactly the
 * events libcsv would give. Lines with quotes, stray carriage returns, the
 * lines of a field that spans lines and a last line without a newline go to
 * libcsv, one physical line at a time as before. Memory is one buffer (as
 * large as the longest line, at least CHUNK) plus the columns. */

enum { CHUNK = 1 << 20, PAD = 16 };

static int force_libcsv = -1; /* -1: not decided yet (CPR_CSV_LIBCSV) */
static size_t chunk_size = CHUNK;

void cpr_csv_force_libcsv(int on) { force_libcsv = on; }
/* At least 4 bytes: the first read must see a whole BOM. */
void cpr_csv_set_chunk(size_t bytes) { chunk_size = bytes == 0 ? CHUNK : bytes < 4 ? 4 : bytes; }

static int use_libcsv_only(void)
{
    if (force_libcsv < 0) {
        const char *e = getenv("CPR_CSV_LIBCSV");
        force_libcsv = e && *e && strcmp(e, "0") != 0;
    }
    return force_libcsv;
}

typedef struct {
    FILE *fp;
    char *buf;
    size_t cap, len;
    int eof, err;
} reader;

static void reader_fill(reader *r)
{
    while (!r->eof && r->len < r->cap) {
        size_t got = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
        r->len += got;
        if (got == 0) {
            r->eof = 1;
            r->err = ferror(r->fp);
        }
    }
    memset(r->buf + r->len, 0, PAD); /* fast_line reads 8 or 16 bytes at a time */
}

typedef struct {
    struct csv_parser p;
    int idle_state;     /* libcsv's pstate between rows */
    int busy;           /* libcsv holds part of a row (a quoted field spans lines) */
    int libcsv_only;
    char sep;
    size_t *off;        /* separator offsets in the current line */
    size_t off_cap;
} splitter;

static int is_blank(const splitter *sp, char c) { return (c == ' ' || c == '\t') && c != sp->sep; }

static void emit_field(parse_state *ps, const splitter *sp, const char *a, const char *b)
{
    while (a < b && is_blank(sp, *a)) a++;
    while (b > a && is_blank(sp, b[-1])) b--;
    on_field((void *)(uintptr_t)a, (size_t)(b - a), ps);
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

/* The physical line that starts at s, if it can be split here: returns its
 * length with the '\n' after giving on_field/on_row the events libcsv would
 * give, or 0 (nothing done) when it needs libcsv: a quote, a CR other than
 * a CRLF ending, or no '\n' before end. Reads up to 15 bytes past the
 * newline: the buffer is padded. */
static size_t fast_line(parse_state *ps, splitter *sp, const char *s, const char *end)
{
    size_t k = 0, ncr = 0, last_cr = 0, nl = 0;
#ifdef __SSE2__
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
        on_row(0, ps);
        return nl + 1;
    }
    /* A data row: what on_field does for each field, without the per-field
     * bookkeeping. Fields beyond the header's are only counted. */
    ps->row_started = 1;
    ps->row_line = ps->line;
    if (ps->nrow == ps->cap) grow_rows(ps);
    size_t nf = k + 1, use = nf < ps->ncol ? nf : ps->ncol;
    if (!sp->off) {
        sp->off_cap = 64;
        sp->off = cpr_malloc(sp->off_cap * sizeof *sp->off);
    }
    sp->off[k] = stop; /* the scan keeps k < off_cap */
    for (size_t f = 0; f < use && !ps->status; f++) {
        const char *a = p, *b = s + sp->off[f];
        p = b + 1;
        while (a < b && is_blank(sp, *a)) a++;
        while (b > a && is_blank(sp, b[-1])) b--;
        data_field(ps, f, a, (size_t)(b - a));
    }
    ps->field = nf;
    on_row(0, ps);
    return nl + 1;
}

/* Parse the complete lines in [s, s + n); the last one may lack its '\n'
 * only at the end of the file. */
static void parse_span(parse_state *ps, splitter *sp, const char *s, size_t n)
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
        if (csv_parse(&sp->p, s, len, on_field, on_row, ps) != len) {
            ps->row_line = ps->line;
            fail_at(ps, CPR_E_RAGGED, "%s:%zu: malformed CSV (%s)%s", csv_strerror(csv_error(&sp->p)), "");
            return;
        }
        sp->busy = sp->p.pstate != sp->idle_state;
        s += len;
        ps->line++;
    }
}

int cpr_long_pivot(cpr_frame *f, parse_state *ps);
int cpr_wide_move(cpr_frame *f, parse_state *ps);

/* Where the header line ends (just after its first newline outside quotes),
 * or 0 when the text read so far holds no such newline. */
static size_t header_end(const char *s, size_t n)
{
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') quoted = !quoted;
        else if (s[i] == '\n' && !quoted) return i + 1;
    }
    return 0;
}

static int read_error(const char *path, int clear)
{
    if (clear) cpr_error_clear();
    return cpr_fail(CPR_E_OPEN, "%s: read error", path);
}

int cpr_frame_read_csv(const char *path, const cpr_load_opts *opts, cpr_frame **out)
{
    *out = NULL;
    /* A text or read error found after a parse error replaces it (the whole
     * file used to be checked before parsing); only clear what we recorded. */
    int clear_ok = cpr_last_code() == 0;
    FILE *fp;
    int rc = cpr_text_open(path, &fp);
    if (rc) return rc;
    reader r = {fp, cpr_malloc(chunk_size + PAD), chunk_size, 0, 0, 0};
    reader_fill(&r);
    size_t start = r.len >= 3 && memcmp(r.buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    /* Enough text for the separator guess: the whole header line. */
    while (!r.err && !r.eof && !header_end(r.buf + start, r.len - start)) {
        r.cap *= 2;
        r.buf = cpr_realloc(r.buf, r.cap + PAD);
        reader_fill(&r);
    }
    if (r.err) {
        if (fp != stdin) fclose(fp);
        free(r.buf);
        return read_error(path, 0);
    }
    if (r.eof && r.len == start) {
        if (fp != stdin) fclose(fp);
        free(r.buf);
        return cpr_fail(CPR_E_EMPTY, "%s: empty file", path);
    }

    splitter *sp = cpr_calloc(1, sizeof *sp);
    if (csv_init(&sp->p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        if (fp != stdin) fclose(fp);
        free(r.buf);
        free(sp);
        return cpr_fail(CPR_E_NOMEM, "out of memory");
    }
    cpr_text head = {r.buf, r.len, start};
    char sep = opts && opts->sep ? opts->sep : cpr_text_guess_sep(&head);
    csv_set_delim(&sp->p, (unsigned char)sep);
    sp->idle_state = sp->p.pstate;
    sp->libcsv_only = use_libcsv_only();
    sp->sep = sep;

    parse_state ps;
    memset(&ps, 0, sizeof ps);
    ps.path = path;
    ps.opts = opts;
    ps.ent_col = ps.time_col = ps.ind_col = ps.val_col = -1;
    ps.line = 1;
    cpr_strmap_init(&ps.keys.labels);
    cpr_strmap_init(&ps.indicators);

    /* a file over 100 MB shows its progress by bytes (terminal only) */
    struct stat st;
    cpr_progress *prog = NULL;
    if (fp != stdin && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 100000000) {
        const char *base = strrchr(path, '/');
        char *what = cpr_asprintf("reading %s (MB)", base ? base + 1 : path);
        prog = cpr_progress_start(what, (size_t)(st.st_size / 1000000));
        free(what);
    }
    size_t nread = r.len;
    size_t pos = start, tline = 1;
    for (;;) {
        size_t end = r.len;
        if (!r.eof) {
            end = r.len;
            while (end > pos && r.buf[end - 1] != '\n') end--;
        }
        if (end > pos) {
            if ((rc = cpr_text_check_span(path, r.buf + pos, end - pos, &tline)) != CPR_OK) {
                if (ps.status && clear_ok) {
                    /* The text error is the one to report: redo it on a clean slot. */
                    cpr_error_clear();
                    size_t l2 = tline;
                    rc = cpr_text_check_span(path, r.buf + pos, end - pos, &l2);
                }
                /* The old loader read the whole file first: a read error wins. */
                while (!r.eof) { r.len = 0; reader_fill(&r); }
                if (r.err) rc = read_error(path, clear_ok);
                break;
            }
            if (!ps.status) parse_span(&ps, sp, r.buf + pos, end - pos);
        }
        pos = end;
        if (r.eof) break;
        size_t rest = r.len - pos;
        memmove(r.buf, r.buf + pos, rest);
        r.len = rest;
        pos = 0;
        if (rest == r.cap) {
            r.cap *= 2;
            r.buf = cpr_realloc(r.buf, r.cap + PAD);
        }
        size_t before = r.len;
        reader_fill(&r);
        nread += r.len - before;
        cpr_progress_update(prog, nread / 1000000);
        if (r.err) { rc = read_error(path, clear_ok); break; }
    }
    cpr_progress_finish(prog);
    if (fp != stdin) fclose(fp);
    free(r.buf);
    if (!rc) {
        rc = ps.status;
        if (!rc && csv_fini(&sp->p, on_field, on_row, &ps) != 0) {
            ps.row_line = ps.line;
            rc = fail_at(&ps, CPR_E_RAGGED, "%s:%zu: malformed CSV at end of file (%s)%s", csv_strerror(csv_error(&sp->p)), "");
        }
        if (!rc) rc = ps.status;
    }
    csv_free(&sp->p);
    free(sp->off);
    free(sp);
    if (!rc && !ps.header_done) rc = cpr_fail(CPR_E_EMPTY, "%s: empty file (no header row)", path);
    if (!rc && ps.nrow == 0) rc = cpr_fail(CPR_E_NODATA, "%s:2: header row only, no data rows", path);
    cpr_frame *f = NULL;
    if (!rc) {
        f = cpr_frame_alloc();
        f->source = cpr_strdup(path);
        rc = ps.is_long ? cpr_long_pivot(f, &ps) : cpr_wide_move(f, &ps);
    }
    state_free(&ps);
    if (rc) { cpr_frame_free(f); return rc; }
    *out = f;
    return CPR_OK;
}

/* ---- moving parsed columns into the frame ---- */

static void set_keys(cpr_frame *f, parse_state *ps)
{
    if (ps->ent_col < 0) return;
    f->entity_name = cpr_strdup(ps->names[ps->ent_col]);
    f->time_name = cpr_strdup(ps->names[ps->time_col]);
}

int cpr_wide_move(cpr_frame *f, parse_state *ps)
{
    size_t n = ps->nrow;
    f->nrow = n;
    for (size_t j = 0; j < ps->ncol; j++) {
        if ((long)j == ps->ent_col || (long)j == ps->time_col) continue;
        col_build *c = &ps->cols[j];
        if (f->ncol == f->cap_col) {
            f->cap_col = f->cap_col ? 2 * f->cap_col : 16;
            f->cols = cpr_realloc(f->cols, f->cap_col * sizeof *f->cols);
        }
        cpr_column *dst = &f->cols[f->ncol++];
        memset(dst, 0, sizeof *dst);
        dst->name = cpr_strdup(ps->names[j]);
        dst->type = c->type;
        if (c->type == CPR_COL_NUM) {
            dst->num = cpr_realloc(c->num, (n ? n : 1) * sizeof(double));
            c->num = NULL;
        } else {
            for (size_t i = n; i < ps->cap; i++) free(c->text[i]); /* spare capacity */
            dst->text = cpr_realloc(c->text, (n ? n : 1) * sizeof(char *));
            c->text = NULL;
        }
    }
    ps->cap = n;
    ps->keys.nrow = n;
    set_keys(f, ps);
    if (ps->ent_col < 0) return CPR_OK;
    return cpr_frame_finish(f, &ps->keys, ps->path);
}

/* Long layout: one row per (entity, time, indicator). Rows become variables
 * by indicator; the result goes through the same finishing as wide files. */
typedef struct { int e, t, ind; size_t line; double v; } long_row;

static int cmp_long(const void *a, const void *b)
{
    const long_row *x = a, *y = b;
    if (x->e != y->e) return x->e < y->e ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (x->ind != y->ind) return x->ind < y->ind ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

int cpr_long_pivot(cpr_frame *f, parse_state *ps)
{
    size_t n = ps->nrow;
    long_row *rows = cpr_malloc(n * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = (long_row){ps->keys.entity[i], ps->keys.time[i], ps->long_ind[i], ps->keys.line[i], ps->long_val[i]};
    qsort(rows, n, sizeof *rows, cmp_long);
    size_t nvar = ps->indicators.n, nkey = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && rows[i].e == rows[i - 1].e && rows[i].t == rows[i - 1].t && rows[i].ind == rows[i - 1].ind) {
            cpr_fail(CPR_E_DUPKEY, "%s:%zu: duplicate row for (%s, %d, %s); first seen on line %zu", ps->path,
                     rows[i].line, ps->keys.labels.keys[rows[i].e], rows[i].t, ps->indicators.keys[rows[i].ind], rows[i - 1].line);
            free(rows);
            return CPR_E_DUPKEY;
        }
        if (i == 0 || rows[i].e != rows[i - 1].e || rows[i].t != rows[i - 1].t) nkey++;
    }
    double **vals = cpr_malloc((nvar ? nvar : 1) * sizeof *vals);
    for (size_t v = 0; v < nvar; v++) {
        vals[v] = cpr_malloc((nkey ? nkey : 1) * sizeof(double));
        for (size_t r = 0; r < nkey; r++) vals[v][r] = NAN;
    }
    cpr_keys *k = &ps->keys;
    size_t r = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || rows[i].e != rows[i - 1].e || rows[i].t != rows[i - 1].t) {
            r++;
            k->entity[r] = rows[i].e;
            k->time[r] = rows[i].t;
            k->line[r] = rows[i].line;
        }
        vals[rows[i].ind][r] = rows[i].v;
    }
    free(rows);
    k->nrow = nkey;
    f->nrow = nkey;
    for (size_t v = 0; v < nvar; v++) cpr_frame_add_numeric(f, ps->indicators.keys[v], vals[v]);
    free(vals);
    set_keys(f, ps);
    return cpr_frame_finish(f, k, ps->path);
}
