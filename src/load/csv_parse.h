/* The CSV reader's shared state, between its files: csv_read.c (the
 * entry point and the read buffer), csv_split.c (splitting plain lines, or
 * handing them to libcsv), csv_fields.c (each field converted into its
 * column as it arrives) and csv_layout.c (wide or long columns into the
 * frame). Not part of the public API. */
#ifndef CPR_CSV_PARSE_H
#define CPR_CSV_PARSE_H

#include "load_internal.h"
#include "cpr/status.h"

#include <csv.h>
#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct {
    cpr_col_type type;
    int typed;          /* type decided by the first non-missing value */
    double *num;
    char **text;        /* both NULL: a column not wanted (cpr_load_opts.want), checked but not kept */
} cpr_csv_col;

typedef struct {
    const char *path;
    const cpr_load_opts *opts;
    size_t line, row_line;
    int row_started;
    size_t field;           /* index of the next field in the current row */
    int status;             /* first error, CPR_OK while fine */
    /* A piece parsed on a thread (csv_pieces.c) writes into a room of the
     * whole parse's arrays: it can neither grow them nor change a column's
     * type; where it would have to, it stops with CPR_E_LIMIT (no message)
     * and the serial parse takes over from there. */
    int borrowed;

    int header_done;
    char **names;
    size_t ncol, names_cap;

    long ent_col, time_col; /* -1 = none */
    long ind_col, val_col;  /* long layout, else -1 */
    int is_long;

    size_t nrow, cap;
    size_t rows_hint;       /* rows the file probably holds (0: unknown): the first room */
    cpr_csv_col *cols;
    cpr_keys keys;
    /* current row's key / long-layout fields */
    int cur_entity, cur_time, cur_ind, have_entity, have_time;
    int last_entity, have_last_entity;
    size_t last_entity_len;
    char last_label[16];    /* its first 16 bytes, zero-padded (cpr_csv_set_last_entity) */
    double cur_val;
    cpr_strmap indicators;
    size_t skipped_text;    /* nrow + 1 when the row's field 0 is text in a column not kept (blank-line test) */
    int *long_ind;          /* long layout: indicator id per row */
    double *long_val;       /* long layout: value per row */
} cpr_csv_state;


typedef struct {
    struct csv_parser p;
    int idle_state;     /* libcsv's pstate between rows */
    int busy;           /* libcsv holds part of a row (a quoted field spans lines) */
    int libcsv_only;
    char sep;
    size_t *off;        /* separator offsets in the current line */
    size_t off_cap;
} cpr_csv_splitter;

/* Record the first error of the parse (message with the file, the row's
 * line and up to two strings); returns the status kept. */
int cpr_csv_fail_at(cpr_csv_state *ps, int code, const char *fmt, const char *a, const char *b);
/* libcsv's callbacks (also called by the line splitter): one field, the end
 * of one row. `data` is the cpr_csv_state. */
void cpr_csv_on_field(void *s, size_t len, void *data);
void cpr_csv_on_row(int c, void *data);
void cpr_csv_state_free(cpr_csv_state *ps);
/* Room for one more row in every column. */
void cpr_csv_grow_rows(cpr_csv_state *ps);
/* Room for `cap` rows in every column (nothing when there is already). */
void cpr_csv_reserve_rows(cpr_csv_state *ps, size_t cap);
/* Field j (< ncol) of a data row, the general case: a key, a long-layout
 * field or a value whose column type may still be open. */
void cpr_csv_field_convert(cpr_csv_state *ps, size_t j, const char *s, size_t len);

/* A value column that is not wanted (cpr_load_opts.want): no array. */
static inline int cpr_csv_col_skipped(const cpr_csv_col *c) { return !c->num && !c->text; }

/* Field s[0, len) of column c not kept, followed by at least 16 readable
 * bytes: 1 when it needs nothing more, because it is empty (missing), or
 * c already holds text and is not column 0 (only column 0's text is looked
 * at again, by the blank-line test), or c holds numbers and this is a
 * plain decimal [+-]digits[.digits] shorter than 128 bytes, which
 * cpr_parse_double always reads as a finite number (src/util/number.c:
 * strtod takes up to 127 bytes). Else 0: the field goes through
 * cpr_csv_field_convert, which checks it as for a kept column. */
/* Bits of the first m (1..16) bytes at p that are digits and that are '.'. */
static inline void cpr_csv_digits16(const char *p, size_t m, unsigned *dig, unsigned *dot)
{
    unsigned in = m >= 16 ? 0xFFFFu : (1u << m) - 1;
#ifdef __SSE2__
    __m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i d = _mm_sub_epi8(w, _mm_set1_epi8('0'));
    *dig = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)) & in;
    *dot = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8('.'))) & in;
#else
    *dig = *dot = 0;
    for (size_t k = 0; k < m && k < 16; k++) {
        *dig |= (unsigned)((unsigned char)(p[k] - '0') < 10) << k;
        *dot |= (unsigned)(p[k] == '.') << k;
    }
    (void)in;
#endif
}

static inline int cpr_csv_skip_done(const cpr_csv_col *c, size_t j, const char *s, size_t len)
{
    if (len == 0) return 1;
    if (!c->typed) return 0;
    if (c->type == CPR_COL_TEXT) return j != 0;
    const char *p = s + (*s == '-' || *s == '+');
    size_t n = len - (size_t)(p - s);
    unsigned dig, dot;
    if (n - 1 < 16) { /* the common case: one block */
        cpr_csv_digits16(p, n, &dig, &dot);
        return (dig | dot) == (n >= 16 ? 0xFFFFu : (1u << n) - 1) && !(dot & (dot - 1)) && dig;
    }
    if (n == 0 || len >= 128) return 0;
    size_t ndot = 0;
    for (size_t i = 0; i < n; i += 16) {
        size_t m = n - i < 16 ? n - i : 16;
        cpr_csv_digits16(p + i, m, &dig, &dot);
        if ((dig | dot) != (m >= 16 ? 0xFFFFu : (1u << m) - 1) || (dot & (dot - 1))) return 0;
        ndot += dot != 0;
    }
    return ndot <= 1;
}

/* The last entity label seen (rows of one entity usually come together). */
void cpr_csv_set_last_entity(cpr_csv_state *ps, int id, size_t len);

/* Parse the complete lines in [s, s + n); the last one may lack its '\n'
 * only at the end of the file. The buffer must be readable 16 bytes past
 * s + n (padding). */
void cpr_csv_parse_span(cpr_csv_state *ps, cpr_csv_splitter *sp, const char *s, size_t n);
/* One read of the file: the state, the splitter, the line the next span
 * starts on (for text messages) and the read's error scope. */
typedef struct {
    const char *path;
    cpr_csv_state *ps;
    cpr_csv_splitter *sp;
    size_t tline;
    cpr_error_scope *scope;  /* the read's: a text error replaces a parse error (NULL: not) */
    size_t file_bytes;  /* size of a regular file, else 0 */
    size_t done_bytes;  /* bytes parsed so far */
    void *pieces;       /* csv_pieces.c: kept from span to span */
    size_t npieces;
    /* Work to run beside the parse of a span (the next read), or NULL; the
     * parallel parse runs it as one of its tasks and sets side_done. */
    void (*side)(void *arg);
    void *side_arg;
    int side_done;
} cpr_csv_run;
/* Check [s, s + n) as text, then parse it (unless the parse already
 * failed); returns the text check's status. csv_pieces.c. */
int cpr_csv_span_serial(cpr_csv_run *run, const char *s, size_t n);
/* The same on several threads, with the same result (csv_pieces.c). */
int cpr_csv_span_parallel(cpr_csv_run *run, const char *s, size_t n);
void cpr_csv_pieces_free(cpr_csv_run *run);
/* Move the parsed columns into f: wide layout as they are, long layout
 * (entity, time, indicator, value) pivoted to one variable per indicator. */
int cpr_wide_move(cpr_frame *f, cpr_csv_state *ps);
int cpr_long_pivot(cpr_frame *f, cpr_csv_state *ps);

#endif
