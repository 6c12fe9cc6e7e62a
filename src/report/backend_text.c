/* Plain-text backend: aligned columns (first column left, the rest right),
 * "label: value" header blocks, dashed rules around tables. */
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

#define NA "NA"

static void rule(FILE *out, size_t width)
{
    for (size_t i = 0; i < width; i++) fputc('-', out);
    fputc('\n', out);
}

static void render_entries(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    size_t w = 0;
    if (b->title) fprintf(out, "%s\n", b->title);
    for (size_t i = 0; i < b->nrow; i++)
        if (cpr_show_human(b->entries[i].show) && strlen(b->entries[i].label) > w)
            w = strlen(b->entries[i].label);
    for (size_t i = 0; i < b->nrow; i++) {
        const cpr_doc_entry *e = &b->entries[i];
        if (!cpr_show_human(e->show)) continue;
        const char *v = cpr_cell_format(&e->cell, NA, buf, sizeof buf);
        /* header fields read "Label: value"; titled sections "Label  value" */
        if (b->key) fprintf(out, "  %-*s  %s\n", (int)w, e->label, v);
        else fprintf(out, "%s:%*s %s\n", e->label, (int)(w - strlen(e->label)), "", v);
    }
}

static void render_table(FILE *out, const cpr_doc_block *b)
{
    size_t nc = b->ncol, nr = b->nrow;
    size_t *w = cpr_calloc(nc, sizeof *w);
    char **txt = cpr_calloc(nr * nc + 1, sizeof *txt);
    char buf[64];
    for (size_t j = 0; j < nc; j++) w[j] = strlen(b->cols[j].label);
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) {
            txt[i * nc + j] = cpr_strdup(cpr_cell_format(&b->cells[i * nc + j], NA, buf, sizeof buf));
            if (strlen(txt[i * nc + j]) > w[j]) w[j] = strlen(txt[i * nc + j]);
        }
    size_t total = 0, first = 1;
    for (size_t j = 0; j < nc; j++)
        if (cpr_show_human(b->cols[j].show)) { total += w[j] + (first ? 0 : 2); first = 0; }
    if (b->title) fprintf(out, "%s\n", b->title);
    rule(out, total);
    size_t last = 0;
    for (size_t j = 0; j < nc; j++)
        if (cpr_show_human(b->cols[j].show)) last = j;
    for (size_t r = 0; r <= nr; r++) {
        first = 1;
        /* no trailing blanks: stop after the last non-empty shown cell */
        size_t stop = 0;
        for (size_t j = 0; j <= last; j++) {
            if (!cpr_show_human(b->cols[j].show)) continue;
            const char *s = r == 0 ? b->cols[j].label : txt[(r - 1) * nc + j];
            if (s[0] != '\0') stop = j;
        }
        for (size_t j = 0; j < nc; j++) {
            if (!cpr_show_human(b->cols[j].show)) continue;
            const char *s = r == 0 ? b->cols[j].label : txt[(r - 1) * nc + j];
            if (j > stop && !first) break;
            if (!first) fputs("  ", out);
            if (first && j == stop) fputs(s, out);
            else if (first) fprintf(out, "%-*s", (int)w[j], s);  /* first shown column: left */
            else fprintf(out, "%*s", (int)w[j], s);
            first = 0;
        }
        fputc('\n', out);
        /* the rule under the header comes after its extra rows (nhead) */
        if (r == b->nhead || (r > b->nhead && r < nr && cpr_doc_table_has_rule(b, r))) rule(out, total);
    }
    rule(out, total);
    for (size_t i = 0; i < nr * nc; i++) free(txt[i]);
    free(txt);
    free(w);
}

/* A listing (b->listing): header and rows left-aligned, each column padded
 * to b->listing[j], text longer than that running over, two spaces
 * between columns, the last shown column unpadded, no rules. */
static void render_listing(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    size_t last = 0;
    for (size_t j = 0; j < b->ncol; j++)
        if (cpr_show_human(b->cols[j].show)) last = j;
    if (b->title) fprintf(out, "%s\n", b->title);
    for (size_t r = 0; r <= b->nrow; r++) {
        int first = 1;
        for (size_t j = 0; j <= last; j++) {
            if (!cpr_show_human(b->cols[j].show)) continue;
            const char *s = r == 0 ? b->cols[j].label : cpr_cell_format(&b->cells[(r - 1) * b->ncol + j], NA, buf, sizeof buf);
            if (!first) fputs("  ", out);
            if (j == last) fputs(s, out);
            else fprintf(out, "%-*s", (int)b->listing[j], s);
            first = 0;
        }
        fputc('\n', out);
    }
}

static int render(FILE *out, const cpr_doc *d)
{
    int any = 0;
    if (d->title) { fprintf(out, "%s\n", d->title); any = 1; }
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_human(b->show)) continue;
        if (b->type != CPR_BLOCK_TABLE && b->nrow == 0) continue;
        if (any) fputc('\n', out);
        any = 1;
        if (b->type == CPR_BLOCK_ENTRIES) render_entries(out, b);
        else if (b->type == CPR_BLOCK_TABLE && b->listing) render_listing(out, b);
        else if (b->type == CPR_BLOCK_TABLE) render_table(out, b);
        else {
            if (b->title) fprintf(out, "%s\n", b->title);
            for (size_t k = 0; k < b->nrow; k++) fprintf(out, "%s\n", b->lines[k]);
        }
    }
    return CPR_OK;
}

const cpr_backend cpr_backend_text = {"text", render};
