/* HTML backend: a standalone HTML5 page (so a table opens in a browser or
 * a word processor as it is); header fields as a definition list, tables
 * with <thead> (column labels and the `nhead` header rows) and <tbody>,
 * rules as a class, notes of a table in its <tfoot>. Every text is escaped. */
#include "cpr/report.h"
#include "cpr/status.h"

#define NA "NA"

void cpr_html_put(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

static void render_entries(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    if (b->title) { fputs("<h2>", out); cpr_html_put(out, b->title); fputs("</h2>\n", out); }
    fputs("<dl>\n", out);
    for (size_t i = 0; i < b->nrow; i++) {
        const cpr_doc_entry *e = &b->entries[i];
        if (!cpr_show_human(e->show)) continue;
        fputs("<dt>", out);
        cpr_html_put(out, e->label);
        fputs("</dt><dd>", out);
        cpr_html_put(out, cpr_cell_format(&e->cell, NA, buf, sizeof buf));
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n", out);
}

static void put_row(FILE *out, const cpr_doc_block *b, size_t r, int head)
{
    char buf[64];
    int first = 1;
    fputs(r > 0 && cpr_doc_table_has_rule(b, r - 1) && r - 1 > b->nhead ? "<tr class=\"rule\">" : "<tr>", out);
    for (size_t j = 0; j < b->ncol; j++) {
        if (!cpr_show_human(b->cols[j].show)) continue;
        const char *s = r == 0 ? b->cols[j].label
                               : cpr_cell_format(&b->cells[(r - 1) * b->ncol + j], NA, buf, sizeof buf);
        const char *tag = head || first ? "th" : "td";
        fprintf(out, "<%s%s>", tag, head ? "" : first ? " scope=\"row\"" : "");
        cpr_html_put(out, s);
        fprintf(out, "</%s>", tag);
        first = 0;
    }
    fputs("</tr>\n", out);
}

static void render_table(FILE *out, const cpr_doc_block *b, const cpr_doc_block *notes)
{
    size_t shown = 0;
    for (size_t j = 0; j < b->ncol; j++) shown += cpr_show_human(b->cols[j].show) != 0;
    fprintf(out, "<table%s>\n", b->center ? " class=\"models\"" : "");
    if (b->title) { fputs("<caption>", out); cpr_html_put(out, b->title); fputs("</caption>\n", out); }
    fputs("<thead>\n", out);
    for (size_t r = 0; r <= b->nhead && r <= b->nrow; r++) put_row(out, b, r, 1);
    fputs("</thead>\n<tbody>\n", out);
    for (size_t r = b->nhead + 1; r <= b->nrow; r++) put_row(out, b, r, 0);
    fputs("</tbody>\n", out);
    if (notes && notes->nrow) {
        fprintf(out, "<tfoot>\n");
        for (size_t k = 0; k < notes->nrow; k++) {
            fprintf(out, "<tr><td colspan=\"%zu\">", shown);
            cpr_html_put(out, notes->lines[k]);
            fputs("</td></tr>\n", out);
        }
        fputs("</tfoot>\n", out);
    }
    fputs("</table>\n", out);
}

static void page_head(FILE *out, const cpr_doc *d)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    cpr_html_put(out, d->title ? d->title : "cpr-stats output");
    fputs("</title>\n<style>\n"
          "body{font-family:serif;margin:2em}\n"
          "table{border-collapse:collapse;border-top:2px solid #000;border-bottom:2px solid #000;margin:1em 0}\n"
          "th,td{padding:.15em .8em;text-align:right}\n"
          "th[scope=row],thead th:first-child{text-align:left;font-weight:normal}\n"
          "table.models td,table.models thead th{text-align:center}\n"
          "thead tr:last-child th{border-bottom:1px solid #000}\n"
          "tr.rule>*{border-top:1px solid #000}\n"
          "tfoot td{text-align:left;font-size:85%;border-top:2px solid #000}\n"
          "tfoot tr+tr td{border-top:0}\n"
          "</style>\n</head>\n<body>\n", out);
    if (d->title) { fputs("<h1>", out); cpr_html_put(out, d->title); fputs("</h1>\n", out); }
}

static void render_blocks(FILE *out, const cpr_doc *d)
{
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_human(b->show)) continue;
        if (b->type != CPR_BLOCK_TABLE && b->nrow == 0) continue;
        if (b->type == CPR_BLOCK_LINES && b->attach && i > 0 && d->blocks[i - 1].type == CPR_BLOCK_TABLE &&
            cpr_show_human(d->blocks[i - 1].show))
            continue; /* in the table's footer */
        if (b->type == CPR_BLOCK_ENTRIES) render_entries(out, b);
        else if (b->type == CPR_BLOCK_TABLE) {
            const cpr_doc_block *nx = i + 1 < d->nblock ? &d->blocks[i + 1] : NULL;
            render_table(out, b, nx && nx->type == CPR_BLOCK_LINES && nx->attach && cpr_show_human(nx->show) ? nx : NULL);
        } else {
            if (b->title) { fputs("<h2>", out); cpr_html_put(out, b->title); fputs("</h2>\n", out); }
            fputs("<p>", out);
            for (size_t k = 0; k < b->nrow; k++) {
                if (k) fputs("<br>\n", out);
                cpr_html_put(out, b->lines[k]);
            }
            fputs("</p>\n", out);
        }
    }
}

static int render(FILE *out, const cpr_doc *d)
{
    if (!d->fragment) page_head(out, d);
    render_blocks(out, d);
    if (!d->fragment) fputs("</body>\n</html>\n", out);
    return CPR_OK;
}

const cpr_backend cpr_backend_html = {"html", render};
