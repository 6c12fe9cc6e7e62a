/* LaTeX backend: booktabs tabulars (\toprule, \midrule, \bottomrule), one
 * per table or statistics block; every text is escaped. The first line says
 * which package the fragment needs. */
#include "cpr/report.h"
#include "cpr/status.h"

#define NA "--"

static void put_tex(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '_': case '%': case '&': case '#': case '$': case '{': case '}':
            fputc('\\', out);
            fputc(*s, out);
            break;
        case '\\': fputs("\\textbackslash{}", out); break;
        case '~': fputs("\\textasciitilde{}", out); break;
        case '^': fputs("\\textasciicircum{}", out); break;
        case '<': fputs("\\textless{}", out); break;
        case '|': fputs("\\textbar{}", out); break;
        case '>': fputs("\\textgreater{}", out); break;
        default: fputc(*s, out);
        }
    }
}

static void render_entries(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    fputs("\\begin{tabular}{lr}\n\\toprule\n", out);
    if (b->title) {
        fputs("\\multicolumn{2}{l}{", out);
        put_tex(out, b->title);
        fputs("} \\\\\n\\midrule\n", out);
    }
    for (size_t i = 0; i < b->nrow; i++) {
        const cpr_doc_entry *e = &b->entries[i];
        if (!cpr_show_human(e->show)) continue;
        put_tex(out, e->label);
        fputs(" & ", out);
        put_tex(out, cpr_cell_format(&e->cell, NA, buf, sizeof buf));
        fputs(" \\\\\n", out);
    }
    fputs("\\bottomrule\n\\end{tabular}\n", out);
}

static void render_table(FILE *out, const cpr_doc_block *b)
{
    char buf[64];
    if (b->title) { fputs("% ", out); put_tex(out, b->title); fputc('\n', out); }
    fputs("\\begin{tabular}{", out);
    int first = 1;
    for (size_t j = 0; j < b->ncol; j++)
        if (cpr_show_human(b->cols[j].show)) { fputc(first ? 'l' : 'r', out); first = 0; }
    fputs("}\n\\toprule\n", out);
    for (size_t r = 0; r <= b->nrow; r++) {
        first = 1;
        for (size_t j = 0; j < b->ncol; j++) {
            if (!cpr_show_human(b->cols[j].show)) continue;
            if (!first) fputs(" & ", out);
            first = 0;
            put_tex(out, r == 0 ? b->cols[j].label
                                : cpr_cell_format(&b->cells[(r - 1) * b->ncol + j], NA, buf, sizeof buf));
        }
        fputs(" \\\\\n", out);
        if (r == 0) fputs("\\midrule\n", out);
    }
    fputs("\\bottomrule\n\\end{tabular}\n", out);
}

static int render(FILE *out, const cpr_doc *d)
{
    fputs("% cpr-stats output; requires \\usepackage{booktabs}\n", out);
    if (d->title) { fputs("% ", out); put_tex(out, d->title); fputc('\n', out); }
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_human(b->show)) continue;
        if (b->type != CPR_BLOCK_TABLE && b->nrow == 0) continue;
        fputc('\n', out);
        if (b->type == CPR_BLOCK_ENTRIES) render_entries(out, b);
        else if (b->type == CPR_BLOCK_TABLE) render_table(out, b);
        else
            for (size_t k = 0; k < b->nrow; k++) {
                put_tex(out, b->lines[k]);
                fputs("\\par\n", out);
            }
    }
    return CPR_OK;
}

const cpr_backend cpr_backend_latex = {"latex", render};
