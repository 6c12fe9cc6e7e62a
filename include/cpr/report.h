/* Output printers. Like gretl's PRN (one printing sink that knows its
 * format), but split in two steps: a printer first describes what to show
 * as a small format-neutral document (header entries, tables, key/value
 * sections, note lines), then one backend per format renders that document.
 * Model results, correlations, `describe`, `stat` and model tables all go
 * through the same backends, so a format is fixed in exactly one file.
 *
 * Formats:
 *   text   aligned plain text (Stata/fixest style), stars with a legend
 *   md     GitHub Markdown tables
 *   csv    the document's first table only, machine columns, RFC 4180
 *          quoting, numbers in shortest round-trip form, NA for missing
 *   json   one object (jansson, 2-space indent, 17 significant digits,
 *          NaN -> null)
 *   latex  booktabs tabulars (needs \usepackage{booktabs}), text escaped
 *   html   a standalone HTML5 page (tables with thead/tbody, notes below)
 * Missing numbers never print as numbers: NA (text, md, csv), null (json),
 * -- (latex). */
#ifndef CPR_REPORT_H
#define CPR_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "cpr/catalogue.h"
#include "cpr/correlate.h"
#include "cpr/group_stat.h"
#include "cpr/result.h"

typedef enum {
    CPR_FMT_TEXT, CPR_FMT_MD, CPR_FMT_CSV, CPR_FMT_JSON, CPR_FMT_LATEX, CPR_FMT_HTML
} cpr_format;

/* "text", "md" (or "markdown"), "csv", "json", "latex" (or "tex"), "html";
 * -1 when unknown. */
int cpr_format_parse(const char *name);
const char *cpr_format_name(cpr_format fmt);

/* ---- the document model ------------------------------------------------ */

/* CPR_CELL_EMPTY: nothing applies here (the minimum of a text column, the
 * first year of a variable with no values): blank in the human formats,
 * missing (NA, null) in the machine ones. */
typedef enum { CPR_CELL_NA, CPR_CELL_TEXT, CPR_CELL_NUM, CPR_CELL_EMPTY } cpr_cell_type;

/* How a number is shown by the human formats (machine formats always keep
 * full precision). */
typedef enum {
    CPR_NUM_G,    /* %.6g */
    CPR_NUM_INT,  /* no decimals */
    CPR_NUM_P,    /* p-value: %.4g, "<2.2e-16" below that */
    CPR_NUM_F3,   /* %.3f */
    CPR_NUM_G8    /* %.8g (the values `stat` reports) */
} cpr_numfmt;

/* Which formats show an item: human = text, md, latex; machine = csv, json. */
typedef enum { CPR_SHOW_ALL, CPR_SHOW_HUMAN, CPR_SHOW_MACHINE } cpr_show;

typedef struct {
    cpr_cell_type type;
    char *text;       /* CPR_CELL_TEXT */
    double num;       /* CPR_CELL_NUM; a NAN number prints as missing */
    cpr_numfmt fmt;
} cpr_cell;

typedef struct {
    char *key;        /* machine name: JSON key, CSV header */
    char *label;      /* human header */
    cpr_show show;
} cpr_doc_col;

typedef struct {
    char *key;
    char *label;
    cpr_show show;
    cpr_cell cell;
} cpr_doc_entry;

typedef enum {
    CPR_BLOCK_ENTRIES, /* key -> value list; key NULL = top-level header fields */
    CPR_BLOCK_TABLE,   /* rows x columns */
    CPR_BLOCK_LINES    /* free text lines (notes, legends) */
} cpr_block_type;

typedef struct {
    cpr_block_type type;
    char *key;         /* JSON member name (NULL only for top-level entries) */
    char *title;       /* human heading, may be NULL */
    cpr_show show;
    size_t ncol;       /* TABLE */
    cpr_doc_col *cols;
    size_t nrow;       /* TABLE: rows; ENTRIES: entries; LINES: lines */
    cpr_cell *cells;   /* TABLE: nrow * ncol, row-major */
    cpr_doc_entry *entries;
    char **lines;
    /* Layout hints for tables meant for a paper (the multi-model table):
     * the first `nhead` rows belong to the header (after the column labels),
     * rule[i] != 0 draws a rule above row i (text, LaTeX, HTML), `center`
     * centres the value columns (LaTeX, HTML). For a LINES block, `attach`
     * makes the lines the notes of the table just before it (LaTeX: set
     * under the \bottomrule inside the tabular). */
    size_t nhead;
    unsigned char *rule;
    size_t nrule;      /* entries of rule[] */
    int center;
    int attach;
    /* Text only, set by cpr_doc_table_listing: a listing rather than a
     * table (`vars`). NULL: an ordinary table. */
    size_t *listing;
} cpr_doc_block;

typedef struct {
    char *title;       /* first line of the human formats, may be NULL */
    size_t nblock;
    cpr_doc_block *blocks;
    int latex_float;   /* LaTeX: wrap in a table float with the title as caption */
    int fragment;      /* HTML: only the blocks, no page around them (to embed in a page) */
} cpr_doc;

cpr_doc *cpr_doc_alloc(const char *title);
void cpr_doc_free(cpr_doc *d);

cpr_cell cpr_cell_text(const char *s);   /* NULL -> missing */
cpr_cell cpr_cell_num(double v, cpr_numfmt fmt);
cpr_cell cpr_cell_na(void);
cpr_cell cpr_cell_empty(void);

/* Builders; the returned block pointer stays valid until the next add. */
cpr_doc_block *cpr_doc_add_entries(cpr_doc *d, const char *key, const char *title, cpr_show show);
void cpr_doc_entry_add(cpr_doc_block *b, const char *key, const char *label, cpr_show show, cpr_cell cell);
cpr_doc_block *cpr_doc_add_table(cpr_doc *d, const char *key, const char *title, cpr_show show,
                                 size_t ncol, const cpr_doc_col *cols);
/* Append a row of ncol cells (ownership of cell texts passes to the table). */
void cpr_doc_table_row(cpr_doc_block *b, const cpr_cell *cells);
/* Draw a rule above the next row appended (or below the last row, when
 * none follows). */
void cpr_doc_table_rule(cpr_doc_block *b);
/* Text shows table b as a listing: no rules, every column left-aligned and
 * padded to width[j] (ncol entries; longer text runs over, as printf's
 * %-*s), the last shown column unpadded. Other formats are unchanged. */
void cpr_doc_table_listing(cpr_doc_block *b, const size_t *width);
/* 1 when a rule goes above row i (i == nrow: below the last row). */
int cpr_doc_table_has_rule(const cpr_doc_block *b, size_t i);
cpr_doc_block *cpr_doc_add_lines(cpr_doc *d, const char *key, const char *title, cpr_show show);
void cpr_doc_line_add(cpr_doc_block *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Render with the backend of `fmt`. Returns CPR_OK or CPR_E_WRITE. */
int cpr_doc_render(FILE *out, const cpr_doc *d, cpr_format fmt);

/* Word (.docx) through pandoc (CPR_PANDOC, default "pandoc"): the HTML
 * rendering converted by `pandoc -f html -t docx`, written atomically.
 * CPR_E_PANDOC with what to do when pandoc is missing or fails. */
int cpr_doc_write_docx(const cpr_doc *d, const char *path);

/* Number formatting shared by the backends: the human form of a cell (buf
 * gets "NA"/`na` for missing), and the shortest "%.Ng" that reads back to v. */
const char *cpr_cell_format(const cpr_cell *c, const char *na, char *buf, size_t size);
void cpr_format_roundtrip(double v, char *buf, size_t size);
int cpr_show_human(cpr_show s);
int cpr_show_machine(cpr_show s);

/* One backend per format (src/report/backend_*.c). */
typedef struct {
    const char *name;
    int (*render)(FILE *out, const cpr_doc *d);
} cpr_backend;

extern const cpr_backend cpr_backend_text, cpr_backend_md, cpr_backend_csv,
    cpr_backend_json, cpr_backend_latex, cpr_backend_html;

/* HTML text escaping (& < > " '), shared by the HTML backend and pages. */
void cpr_html_put(FILE *out, const char *s);

/* ---- printers ------------------------------------------------------------ */

/* Model results. JSON keys: model, formula, estimator, nobs, n_dropped,
 * n_groups, n_periods, se_type, se_label, n_clusters, conf_level,
 * coefficients [{term, estimate, std_error, statistic, p_value, conf_low,
 * conf_high}], stats {name: value}, tests [{name, label, statistic, df1,
 * df2, p_value, note}], notes [..]. CSV: header
 * term,estimate,std_error,statistic,p_value,conf_low,conf_high. When the
 * result has a wild bootstrap (cpr_result_has_boot) each coefficient also
 * gets boot_p_value, boot_conf_low, boot_conf_high (human: "boot p" and
 * "[boot 95% CI]"). */
cpr_doc *cpr_result_doc(const cpr_result *r);
int cpr_report_result(FILE *out, const cpr_result *r, cpr_format fmt);

/* Correlations: one row per method (method, estimate, statistic, df,
 * p_value, conf_low, conf_high), plus x, y, nobs, n_dropped, conf_level. */
cpr_doc *cpr_correlation_doc(const cpr_correlation *c);
int cpr_report_correlation(FILE *out, const cpr_correlation *c, cpr_format fmt);

/* `stat` (stat_doc.c): a row per group (entity, year, value, n, ...), and
 * for the machine formats the top-level variable, function and by, a
 * summary over the groups and "value" when there is one group; the keys are
 * listed in stat_doc.c (`run` and `reproduce` read them by path). */
cpr_doc *cpr_stat_doc(const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g, size_t ng);
int cpr_report_stat(FILE *out, const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g,
                    size_t ng, cpr_format fmt);

/* `describe` (describe_doc.c): the data file, the panel layout (entities,
 * periods, balance) and one row per column of f (only those named in vars
 * when nvars > 0, in the frame's order): n, first and last period with a
 * value, min, mean, max; then the labels the file gave its columns. */
cpr_doc *cpr_describe_doc(const cpr_frame *f, const char *const *vars, size_t nvars);

/* `vars` (vars_doc.c): the catalogue entries v[0..n-1] as one table
 * "variables" (name, unit, source, label; the machine formats also code,
 * licence, transform, file). Text shows it as a listing; with `full` the
 * human formats show one block per variable with every field instead. */
cpr_doc *cpr_vars_doc(const cpr_var_info *const *v, size_t n, int full);

#endif
