/* The input stream of the CSV reader: gzip (zlib), preamble, footer and
 * decimal-comma handling. Internal to src/load/. */
#ifndef CPR_LOAD_SOURCE_H
#define CPR_LOAD_SOURCE_H

#include <stddef.h>
#include <stdio.h>

typedef struct cpr_source cpr_source;

typedef struct {
    size_t skip_lines;   /* preamble lines dropped before the header */
    int footer;          /* drop trailing blank / "Data from database" lines */
    int decimal_comma;   /* 1,5 -> 1.5 in fields that are such numbers */
    char sep;            /* the separator (for decimal_comma) */
} cpr_source_plan;

/* Wrap an open file; gunzips when it starts with the gzip magic. */
int cpr_source_open(const char *path, FILE *raw, cpr_source **out);
/* The first decoded bytes (at least `want` unless the file is shorter),
 * without consuming them; returns how many there are. */
size_t cpr_source_peek(cpr_source *src, size_t want, const char **text);
int cpr_source_is_gzip(const cpr_source *src);
/* A stream of the processed text; close it (fclose) before cpr_source_free. */
FILE *cpr_source_stream(cpr_source *src, const cpr_source_plan *plan);
/* After reading: a decoding error (truncated/corrupt gzip) or NULL, and
 * what was done. */
const char *cpr_source_error(const cpr_source *src);
size_t cpr_source_footer_count(const cpr_source *src);
size_t cpr_source_comma_count(const cpr_source *src);
void cpr_source_free(cpr_source *src);
/* 1 for a line that can end a World Bank file: blank, separators only, or
 * "Data from database: ...", "Last Updated: ...". */
int cpr_source_footer_line(const char *s, size_t n);
/* In the text after its first line: how many fields are numbers with a
 * decimal comma (returned) and with a decimal point (*points). */
size_t cpr_source_count_decimals(const char *s, size_t n, char sep, size_t *points);

#endif
