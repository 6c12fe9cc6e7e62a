/* The one loader: looks at the first bytes of a file and sends it to the
 * right reader. Stata and SPSS files go to ReadStat; spreadsheets and
 * Parquet get a conversion hint; text (plain or gzip) goes to the CSV
 * reader, through cpr_source when a preamble, a footer, decimal commas or
 * compression need handling, and World Bank / SDMX layouts are then
 * reshaped. Notes on what was done go to stderr. */
#define _GNU_SOURCE /* memmem */
#include "load_internal.h"
#include "reshape.h"
#include "source.h"
#include "statfile.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PEEK = 1 << 16 };

static int has_suffix(const char *path, const char *suf)
{
    size_t n = strlen(path), m = strlen(suf);
    return n >= m && cpr_strcasecmp(path + n - m, suf) == 0;
}

/* Spreadsheets and Parquet: not read here; say how to convert. */
static int binary_hint(const char *path, const char *s, size_t n)
{
    const char *what = NULL, *how = NULL;
    if (n >= 4 && memcmp(s, "PK\003\004", 4) == 0) {
        int ods = memmem(s, n, "opendocument.spreadsheet", 24) != NULL || has_suffix(path, ".ods");
        what = ods ? "an OpenDocument spreadsheet (.ods)" : has_suffix(path, ".xlsx") || memmem(s, n, "xl/", 3) ? "an Excel workbook (.xlsx)" : "a ZIP archive";
        how = ods || what[3] == 'E' ? "convert a sheet with `libreoffice --headless --convert-to csv FILE`, `ssconvert FILE out.csv` (gnumeric) or `xlsx2csv FILE > out.csv`"
                                    : "unpack it (unzip) and load the CSV inside";
    } else if (n >= 8 && memcmp(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        what = "an Excel 97-2003 workbook (.xls)";
        how = "convert a sheet with `libreoffice --headless --convert-to csv FILE` or `ssconvert FILE out.csv` (gnumeric)";
    } else if (n >= 4 && memcmp(s, "PAR1", 4) == 0) {
        what = "a Parquet file";
        how = "write it out as CSV first, e.g. `duckdb -c \"COPY (FROM 'FILE') TO 'out.csv'\"` or pandas' read_parquet(...).to_csv(...)";
    }
    if (!what) return CPR_OK;
    return cpr_fail(CPR_E_BINARY, "%s: %s, which cpr-stats does not read; %s", path, what, how);
}

void cpr_load_notes_add(cpr_load_notes *notes, const char *fmt, ...)
{
    if (!notes) return;
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *line = cpr_malloc(len > 0 ? (size_t)len + 1 : 1);
    line[0] = '\0';
    if (len > 0) vsnprintf(line, (size_t)len + 1, fmt, ap2);
    va_end(ap2);
    notes->lines = cpr_realloc(notes->lines, (notes->n + 1) * sizeof *notes->lines);
    notes->lines[notes->n++] = line;
}

void cpr_load_notes_clear(cpr_load_notes *notes)
{
    for (size_t i = 0; i < notes->n; i++) free(notes->lines[i]);
    free(notes->lines);
    notes->lines = NULL;
    notes->n = 0;
}

static void note(const cpr_load_opts *o, const char *path, const char *msg)
{
    if (o && !o->quiet) cpr_load_notes_add(o->notes, "note: %s: %s", path, msg);
}

/* The header's fields (quotes removed, blanks trimmed). */
static size_t header_fields(const char *s, size_t n, char sep, char ***out)
{
    size_t nf = 0, cap = 16;
    char **f = cpr_malloc(cap * sizeof *f);
    /* One buffer as long as the header line (quotes may hide newlines). */
    size_t len = 0;
    for (int q = 0; len < n && (q || (s[len] != '\n' && s[len] != '\r')); len++)
        if (s[len] == '"') q = !q;
    n = len;
    char *buf = cpr_malloc(n + 1);
    size_t i = 0;
    for (;;) {
        size_t b = 0;
        int q = 0;
        for (; i < n; i++) {
            char c = s[i];
            if (c == '"') {
                if (q && i + 1 < n && s[i + 1] == '"') { buf[b++] = '"'; i++; }
                else q = !q;
            } else if (!q && (c == sep || c == '\n' || c == '\r')) break;
            else buf[b++] = c;
        }
        while (b && (buf[b - 1] == ' ' || buf[b - 1] == '\t')) b--;
        size_t a = 0;
        while (a < b && (buf[a] == ' ' || buf[a] == '\t')) a++;
        buf[b] = '\0';
        if (nf == cap) f = cpr_realloc(f, (cap *= 2) * sizeof *f);
        f[nf++] = cpr_strdup(buf + a);
        if (i >= n || s[i] != sep) break;
        i++;
    }
    free(buf);
    *out = f;
    return nf;
}

/* The World Bank's bulk download starts with "Data Source","World
 * Development Indicators", "Last Updated Date",... and blank lines before
 * the header "Country Name",...: the number of lines before that header. */
static size_t wb_preamble(const char *s, size_t n)
{
    const char *p = s;
    while (p < s + n && *p == '"') p++;
    if ((size_t)(s + n - p) < 11 || memcmp(p, "Data Source", 11) != 0) return 0;
    size_t line = 0;
    const char *l = s;
    while (l < s + n && line < 30) {
        const char *q = l;
        while (q < s + n && *q == '"') q++;
        if ((size_t)(s + n - q) >= 12 && (memcmp(q, "Country Name", 12) == 0 || memcmp(q, "Country Code", 12) == 0)) return line;
        const char *nl = memchr(l, '\n', (size_t)(s + n - l));
        if (!nl) break;
        l = nl + 1;
        line++;
    }
    return 0;
}

static int load_text(const char *path, FILE *fp, const cpr_load_opts *opts, cpr_frame **out)
{
    cpr_source *src;
    int rc = cpr_source_open(path, fp, &src);
    if (rc) return rc;
    const char *head;
    size_t n = cpr_source_peek(src, PEEK, &head);
    if ((rc = binary_hint(path, head, n)) != CPR_OK) { cpr_source_free(src); return rc; }
    if (cpr_source_is_gzip(src) && cpr_statfile_kind(head, n)) {
        cpr_source_free(src);
        return cpr_fail(CPR_E_BINARY, "%s: a compressed Stata/SPSS file; decompress it first (gunzip)", path);
    }
    size_t bom = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    cpr_source_plan plan = {0, 0, 0, 0};
    plan.skip_lines = wb_preamble(head + bom, n - bom);
    /* The header line as the CSV reader will see it. */
    size_t hoff = bom;
    for (size_t k = 0; k < plan.skip_lines; k++) hoff = (size_t)((const char *)memchr(head + hoff, '\n', n - hoff) - head) + 1;
    cpr_text ht = {(char *)head, n, hoff};
    char sep = opts && opts->sep ? opts->sep : cpr_text_guess_sep(&ht);
    plan.sep = sep;
    char **names;
    size_t nn = header_fields(head + hoff, n - hoff, sep, &names);
    cpr_layout lay = cpr_layout_detect(names, nn);
    for (size_t j = 0; j < nn; j++) free(names[j]);
    free(names);
    plan.footer = lay != CPR_LAYOUT_PLAIN;

    char dec = opts ? opts->decimal : 0;
    /* Decimal commas are guessed only in a ';' file without --decimal. */
    size_t points = 0, commas = dec == 0 && sep == ';' ? cpr_source_count_decimals(head + hoff, n - hoff, sep, &points) : 0;
    if (dec == ',' && sep == ',') {
        cpr_source_free(src);
        return cpr_fail(CPR_E_USAGE, "%s: --decimal , needs another field separator than ','; give --sep ';' or --sep tab", path);
    }
    int auto_comma = dec == 0 && sep == ';' && commas > 0 && points == 0;
    plan.decimal_comma = dec == ',' || auto_comma;

    cpr_load_opts inner = opts ? *opts : (cpr_load_opts){0};
    inner.sep = sep;
    if (lay != CPR_LAYOUT_PLAIN) {
        inner.no_key = 1;
        inner.require_panel = 0;
        inner.entity = inner.time = NULL;
        inner.want = NULL; /* the variables are made by the reshape */
        inner.nwant = 0;
    }
    cpr_frame *f = NULL;
    int plain = !cpr_source_is_gzip(src) && !plan.skip_lines && !plan.footer && !plan.decimal_comma &&
                fp != stdin && fseek(fp, 0, SEEK_SET) == 0;
    if (plain) {
        cpr_source_free(src);
        return cpr_csv_read_stream(path, fp, 1, &inner, out);
    }
    FILE *st = cpr_source_stream(src, &plan);
    if (!st) { cpr_source_free(src); return cpr_fail(CPR_E_NOMEM, "%s: could not open a stream", path); }
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    rc = cpr_csv_read_stream(path, st, plan.skip_lines + 1, &inner, &f);
    fclose(st);
    if (cpr_source_error(src)) {
        /* The decoder's message says more than the reader's "read error". */
        cpr_error_scope_end(&es);
        rc = cpr_fail(CPR_E_BINARY, "%s: %s", path, cpr_source_error(src));
        cpr_frame_free(f);
        f = NULL;
    } else cpr_error_scope_return(&es, rc);
    size_t footer = cpr_source_footer_count(src), ncomma = cpr_source_comma_count(src);
    cpr_source_free(src);
    if (rc) return rc;
    if (lay != CPR_LAYOUT_PLAIN) {
        cpr_frame *g = NULL;
        char *msg = NULL;
        rc = cpr_reshape(f, lay, opts, path, plan.skip_lines + 1, &g, &msg);
        cpr_frame_free(f);
        if (rc) return rc;
        f = g;
        note(opts, path, msg);
        free(msg);
    }
    if (plan.skip_lines || footer) {
        char *m = cpr_asprintf("skipped %zu preamble line%s before the header and %zu footer line%s after the data",
                               plan.skip_lines, plan.skip_lines == 1 ? "" : "s", footer, footer == 1 ? "" : "s");
        note(opts, path, m);
        free(m);
    }
    if (auto_comma) {
        char *m = cpr_asprintf("decimal commas: ';'-separated with numbers such as 1,5; read %zu of them as decimal points (--decimal . turns this off)", ncomma);
        note(opts, path, m);
        free(m);
    }
    *out = f;
    return CPR_OK;
}

int cpr_frame_load(const char *path, const cpr_load_opts *opts, cpr_frame **out)
{
    *out = NULL;
    FILE *fp;
    int rc = cpr_text_open(path, &fp);
    if (rc) return rc;
    /* Stata/SPSS files are read by ReadStat from the path: only a file
     * that can be rewound is looked at (a pipe is read as text). */
    if (fp != stdin && fseek(fp, 0, SEEK_SET) == 0) {
        char magic[16];
        size_t got = fread(magic, 1, sizeof magic, fp);
        int kind = cpr_statfile_kind(magic, got);
        if (kind) {
            fclose(fp);
            return cpr_statfile_read(path, kind, opts, out);
        }
        if (fseek(fp, 0, SEEK_SET) != 0) {
            fclose(fp);
            return cpr_fail(CPR_E_OPEN, "%s: read error", path);
        }
    }
    rc = load_text(path, fp, opts, out);
    if (fp != stdin) fclose(fp);
    return rc;
}
