/* GitHub Markdown backend: header fields as a bullet list, tables and
 * statistics as pipe tables; '|' and '*' are escaped so stars and
 * interaction terms do not turn into markup. */
#include "cpr/report.h"
#include "cpr/status.h"

#define NA "NA"

static void put_md(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '*' || *s == '\\') fputc('\\', out);
        fputc(*s, out);
    }
}

static void render_entries(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    if (b->key) {
        if (b->title) { fputs("**", out); put_md(out, b->title); fputs("**\n\n", out); }
        fputs("| statistic | value |\n|:---|---:|\n", out);
    }
    for (size_t i = 0; i < b->nrow; i++) {
        const cpr_doc_entry *e = &b->entries[i];
        if (!cpr_show_human(e->show)) continue;
        const char *v = cpr_cell_format(&e->cell, NA, buf, sizeof buf);
        if (b->key) {
            fputs("| ", out); put_md(out, e->label); fputs(" | ", out); put_md(out, v); fputs(" |\n", out);
        } else {
            fputs("- **", out); put_md(out, e->label); fputs(":** ", out); put_md(out, v); fputc('\n', out);
        }
    }
}

static void render_table(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    if (b->title) { fputs("**", out); put_md(out, b->title); fputs("**\n\n", out); }
    for (size_t r = 0; r <= b->nrow + 1; r++) {
        int first = 1;
        fputc('|', out);
        for (size_t j = 0; j < b->ncol; j++) {
            if (!cpr_show_human(b->cols[j].show)) continue;
            if (r == 1) { fputs(first ? ":---|" : "---:|", out); first = 0; continue; }
            const char *s = r == 0 ? b->cols[j].label
                                   : cpr_cell_format(&b->cells[(r - 2) * b->ncol + j], NA, buf, sizeof buf);
            fputc(' ', out);
            put_md(out, s);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}

static int render(FILE *out, const cpr_doc *d)
{
    int any = 0;
    if (d->title) { fputs("### ", out); put_md(out, d->title); fputc('\n', out); any = 1; }
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_human(b->show)) continue;
        if (b->type != CPR_BLOCK_TABLE && b->nrow == 0) continue;
        if (any) fputc('\n', out);
        any = 1;
        if (b->type == CPR_BLOCK_ENTRIES) render_entries(out, b);
        else if (b->type == CPR_BLOCK_TABLE) render_table(out, b);
        else {
            if (b->title) { fputs("**", out); put_md(out, b->title); fputs("**\n\n", out); }
            /* a trailing backslash is a hard line break in GitHub Markdown */
            for (size_t k = 0; k < b->nrow; k++) {
                put_md(out, b->lines[k]);
                fputs(k + 1 < b->nrow ? "\\\n" : "\n", out);
            }
        }
    }
    return CPR_OK;
}

const cpr_backend cpr_backend_md = {"md", render};
