/* The format-neutral document the printers build and the backends render,
 * and the number formatting every backend shares (so "NA", p-values and
 * integers look the same in text, Markdown and LaTeX). */
#include "cpr/report.h"
#include "cpr/util.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s) { return s ? cpr_strdup(s) : NULL; }

cpr_doc *cpr_doc_alloc(const char *title)
{
    cpr_doc *d = cpr_calloc(1, sizeof *d);
    d->title = dup_or_null(title);
    return d;
}

static void free_block(cpr_doc_block *b)
{
    free(b->key);
    free(b->title);
    for (size_t j = 0; j < b->ncol; j++) { free(b->cols[j].key); free(b->cols[j].label); }
    free(b->cols);
    free(b->listing);
    if (b->type == CPR_BLOCK_TABLE)
        for (size_t i = 0; i < b->nrow * b->ncol; i++) free(b->cells[i].text);
    free(b->cells);
    if (b->type == CPR_BLOCK_ENTRIES)
        for (size_t i = 0; i < b->nrow; i++) {
            free(b->entries[i].key);
            free(b->entries[i].label);
            free(b->entries[i].cell.text);
        }
    free(b->entries);
    if (b->type == CPR_BLOCK_LINES)
        for (size_t i = 0; i < b->nrow; i++) free(b->lines[i]);
    free(b->lines);
    free(b->rule);
}

void cpr_doc_free(cpr_doc *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->nblock; i++) free_block(&d->blocks[i]);
    free(d->blocks);
    free(d->title);
    free(d);
}

cpr_cell cpr_cell_text(const char *s)
{
    cpr_cell c = {s ? CPR_CELL_TEXT : CPR_CELL_NA, dup_or_null(s), NAN, CPR_NUM_G};
    return c;
}

cpr_cell cpr_cell_num(double v, cpr_numfmt fmt)
{
    cpr_cell c = {CPR_CELL_NUM, NULL, v, fmt};
    return c;
}

cpr_cell cpr_cell_na(void)
{
    cpr_cell c = {CPR_CELL_NA, NULL, NAN, CPR_NUM_G};
    return c;
}

cpr_cell cpr_cell_empty(void)
{
    cpr_cell c = {CPR_CELL_EMPTY, NULL, NAN, CPR_NUM_G};
    return c;
}

static cpr_doc_block *add_block(cpr_doc *d, cpr_block_type type, const char *key,
                                const char *title, cpr_show show)
{
    d->blocks = cpr_realloc(d->blocks, (d->nblock + 1) * sizeof *d->blocks);
    cpr_doc_block *b = &d->blocks[d->nblock++];
    memset(b, 0, sizeof *b);
    b->type = type;
    b->key = dup_or_null(key);
    b->title = dup_or_null(title);
    b->show = show;
    return b;
}

cpr_doc_block *cpr_doc_add_entries(cpr_doc *d, const char *key, const char *title, cpr_show show)
{
    return add_block(d, CPR_BLOCK_ENTRIES, key, title, show);
}

void cpr_doc_entry_add(cpr_doc_block *b, const char *key, const char *label, cpr_show show, cpr_cell cell)
{
    b->entries = cpr_realloc(b->entries, (b->nrow + 1) * sizeof *b->entries);
    cpr_doc_entry *e = &b->entries[b->nrow++];
    e->key = cpr_strdup(key);
    e->label = cpr_strdup(label ? label : key);
    e->show = show;
    e->cell = cell;
}

cpr_doc_block *cpr_doc_add_table(cpr_doc *d, const char *key, const char *title, cpr_show show,
                                 size_t ncol, const cpr_doc_col *cols)
{
    cpr_doc_block *b = add_block(d, CPR_BLOCK_TABLE, key, title, show);
    b->ncol = ncol;
    b->cols = cpr_calloc(ncol, sizeof *b->cols);
    for (size_t j = 0; j < ncol; j++) {
        b->cols[j].key = cpr_strdup(cols[j].key);
        b->cols[j].label = cpr_strdup(cols[j].label ? cols[j].label : cols[j].key);
        b->cols[j].show = cols[j].show;
    }
    return b;
}

void cpr_doc_table_listing(cpr_doc_block *b, const size_t *width)
{
    free(b->listing);
    b->listing = cpr_malloc((b->ncol + 1) * sizeof *b->listing);
    memcpy(b->listing, width, b->ncol * sizeof *width);
}

void cpr_doc_table_row(cpr_doc_block *b, const cpr_cell *cells)
{
    b->cells = cpr_realloc(b->cells, (b->nrow + 1) * b->ncol * sizeof *b->cells);
    memcpy(b->cells + b->nrow * b->ncol, cells, b->ncol * sizeof *cells);
    b->nrow++;
}

void cpr_doc_table_rule(cpr_doc_block *b)
{
    /* rule[i]: a rule above row i; i == nrow is below the last row so far */
    if (b->nrule < b->nrow + 1) {
        b->rule = cpr_realloc(b->rule, b->nrow + 1);
        memset(b->rule + b->nrule, 0, b->nrow + 1 - b->nrule);
        b->nrule = b->nrow + 1;
    }
    b->rule[b->nrow] = 1;
}

int cpr_doc_table_has_rule(const cpr_doc_block *b, size_t i)
{
    return b->rule && i < b->nrule && b->rule[i];
}

cpr_doc_block *cpr_doc_add_lines(cpr_doc *d, const char *key, const char *title, cpr_show show)
{
    return add_block(d, CPR_BLOCK_LINES, key, title, show);
}

void cpr_doc_line_add(cpr_doc_block *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = cpr_malloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    b->lines = cpr_realloc(b->lines, (b->nrow + 1) * sizeof *b->lines);
    b->lines[b->nrow++] = s;
}

int cpr_show_human(cpr_show s) { return s != CPR_SHOW_MACHINE; }
int cpr_show_machine(cpr_show s) { return s != CPR_SHOW_HUMAN; }

const char *cpr_cell_format(const cpr_cell *c, const char *na, char *buf, size_t size)
{
    if (c->type == CPR_CELL_TEXT) return c->text;
    if (c->type == CPR_CELL_EMPTY) return "";
    if (c->type == CPR_CELL_NA || !isfinite(c->num)) return na;
    double v = c->num == 0 ? 0.0 : c->num; /* no "-0" */
    switch (c->fmt) {
    case CPR_NUM_INT: snprintf(buf, size, "%.0f", v); break;
    case CPR_NUM_F3: snprintf(buf, size, "%.3f", v); break;
    case CPR_NUM_G8: snprintf(buf, size, "%.8g", v); break;
    case CPR_NUM_P:
        if (v < 2.2e-16) snprintf(buf, size, "<2.2e-16");
        else snprintf(buf, size, "%.4g", v);
        break;
    case CPR_NUM_G:
    default: snprintf(buf, size, "%.6g", v); break;
    }
    return buf;
}

void cpr_format_roundtrip(double v, char *buf, size_t size)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) return;
    }
}
