/* Shared between the loader's files; not part of the public API. */
#ifndef CPR_LOAD_INTERNAL_H
#define CPR_LOAD_INTERNAL_H

#include "cpr/frame.h"
#include "cpr/strmap.h"

#include <stddef.h>
#include <stdio.h>

/* Whole file in memory, with the UTF-8 BOM skipped. */
typedef struct {
    char *buf;
    size_t len;
    size_t start;   /* 3 when a BOM was skipped */
} cpr_text;

int cpr_text_read(const char *path, cpr_text *t);
/* The CSV reader on an open stream whose first line is line `first_line`
 * of `path` (messages count from there); the caller closes fp. */
int cpr_csv_read_stream(const char *path, FILE *fp, size_t first_line, const cpr_load_opts *opts, cpr_frame **out);
/* Open `path` ("-" = stdin) for reading; a directory is refused. */
int cpr_text_open(const char *path, FILE **fp);
/* NUL bytes, control characters or invalid UTF-8 -> CPR_E_BINARY. */
int cpr_text_check(const char *path, const cpr_text *t);
/* The same check on a piece of the text that starts at the beginning of
 * line *line and ends after a '\n' (or at the end of the file); *line is
 * advanced past every newline, so consecutive pieces give the same
 * messages as one check of the whole text. */
int cpr_text_check_span(const char *path, const char *text, size_t n, size_t *line);
/* The separator that occurs most often outside quotes in the first line. */
char cpr_text_guess_sep(const cpr_text *t);

/* Index of the entity / time column in `names`, or -1. `wanted` is the
 * user's --entity/--time (exact name) or NULL for auto-detection. */
long cpr_key_find_entity(char *const *names, size_t n, const char *wanted);
long cpr_key_find_time(char *const *names, size_t n, const char *wanted);
/* Long layout (iso3, year, indicator, value): index of indicator/value. */
int cpr_key_find_long(char *const *names, size_t n, long *ind, long *val);

/* Rows collected in file order, before sorting. */
typedef struct {
    size_t nrow;
    int *entity;       /* codes in first-seen order (strmap ids) */
    int *time;
    size_t *line;      /* source line of each row, for messages, or NULL: */
    /* then the lines come from breaks, where line - row changes (a blank
     * line, a quoted field over several lines): row i is on line
     * brk_line[b] + i - brk_row[b], b the last break with brk_row[b] <= i.
     * A CSV file of plain rows has one break instead of 8 bytes a row. */
    size_t *brk_row, *brk_line;
    size_t nbrk, brk_cap;
    cpr_strmap labels;
} cpr_keys;

/* Row `row` is on line `line` (rows in increasing order): a break when
 * line - row differs from the last break's. */
void cpr_keys_note_line(cpr_keys *k, size_t row, size_t line);
/* The source line of row i. */
size_t cpr_keys_line(const cpr_keys *k, size_t i);

/* Sort labels naturally, recode, order rows by (entity, time), reject
 * duplicate keys (naming both lines), and move everything into `f`. */
int cpr_frame_finish(cpr_frame *f, cpr_keys *k, const char *path);
/* Total order for labels: integers by value first, then text by strcmp. */
int cpr_label_cmp(const char *a, const char *b);
/* 1 when the whole label is a decimal integer (value in *v). */
int cpr_label_is_integer(const char *s, long long *v);
/* The integer part of that order, for callers that test each label once:
 * integers before text, then by value; 0 when strcmp must decide. */
static inline int cpr_label_int_order(int xi, long long x, int yi, long long y)
{
    if (xi != yi) return xi ? -1 : 1;
    if (xi && x != y) return x < y ? -1 : 1;
    return 0;
}

/* The longest physical line the CSV reader accepts is one byte shorter:
 * a line that reaches it fails with CPR_E_LIMIT as soon as it is read. */
#define CPR_CSV_LINE_MAX (16 << 20)

/* Feed every line to libcsv (on != 0) instead of splitting plain lines in
 * the loader; both give the same frames. The default comes from the
 * environment variable CPR_CSV_LIBCSV=1. For tests and comparisons. */
void cpr_csv_force_libcsv(int on);
/* Read buffer size (0 = the default 1 MiB); tests use tiny buffers so that
 * lines and quoted fields straddle the reads. */
void cpr_csv_set_chunk(size_t bytes);
/* Smallest piece parsed on its own thread (0 = the default 256 KiB); tests
 * use tiny pieces so that cuts fall everywhere. */
void cpr_csv_set_min_piece(size_t bytes);

#endif
