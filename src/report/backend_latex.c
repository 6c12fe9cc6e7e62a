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
        case '\xc2':
            /* UTF-8 superscript two (R²) and the multiplication sign stay printable in any LaTeX setup */
            if ((unsigned char)s[1] == 0xb2) { fputs("$^2$", out); s++; break; }
            fputc(*s, out);
            break;
        case '\xc3':
            if ((unsigned char)s[1] == 0x97) { fputs("$\\times$", out); s++; break; }
            fputc(*s, out);
            break;
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

/* Notes of a table (an attached LINES block) as full-width rows under the
 * bottom rule, so they stay with the table when it floats. */
static void render_notes(FILE *out, const cpr_doc_block *b, size_t ncol)
{
    for (size_t k = 0; k < b->nrow; k++) {
        fprintf(out, "\\multicolumn{%zu}{l}{\\footnotesize ", ncol);
        put_tex(out, b->lines[k]);
        fputs("} \\\\\n", out);
    }
}

static void render_table(FILE *out, const cpr_doc_block *b, const cpr_doc_block *notes)
{
    char buf[64];
    size_t shown = 0;
    if (b->title) { fputs("% ", out); put_tex(out, b->title); fputc('\n', out); }
    fputs("\\begin{tabular}{", out);
    int first = 1;
    for (size_t j = 0; j < b->ncol; j++)
        if (cpr_show_human(b->cols[j].show)) { fputc(first ? 'l' : b->center ? 'c' : 'r', out); first = 0; shown++; }
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
        if (r == b->nhead || (r > b->nhead && r < b->nrow && cpr_doc_table_has_rule(b, r))) fputs("\\midrule\n", out);
    }
    fputs("\\bottomrule\n", out);
    if (notes) render_notes(out, notes, shown);
    fputs("\\end{tabular}\n", out);
}

static int render(FILE *out, const cpr_doc *d)
{
    fputs("% cpr-stats output; requires \\usepackage{booktabs}\n", out);
    if (d->latex_float) {
        fputs("\\begin{table}[htbp]\n\\centering\n", out);
        if (d->title) { fputs("\\caption{", out); put_tex(out, d->title); fputs("}\n", out); }
    } else if (d->title) { fputs("% ", out); put_tex(out, d->title); fputc('\n', out); }
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_human(b->show)) continue;
        if (b->type != CPR_BLOCK_TABLE && b->nrow == 0) continue;
        if (b->type == CPR_BLOCK_LINES && b->attach && i > 0 && d->blocks[i - 1].type == CPR_BLOCK_TABLE &&
            cpr_show_human(d->blocks[i - 1].show))
            continue; /* set inside the table */
        if (!d->latex_float) fputc('\n', out);
        if (b->type == CPR_BLOCK_ENTRIES) render_entries(out, b);
        else if (b->type == CPR_BLOCK_TABLE) {
            const cpr_doc_block *nx = i + 1 < d->nblock ? &d->blocks[i + 1] : NULL;
            render_table(out, b, nx && nx->type == CPR_BLOCK_LINES && nx->attach && cpr_show_human(nx->show) ? nx : NULL);
        } else
            for (size_t k = 0; k < b->nrow; k++) {
                put_tex(out, b->lines[k]);
                fputs("\\par\n", out);
            }
    }
    if (d->latex_float) fputs("\\end{table}\n", out);
    return CPR_OK;
}

const cpr_backend cpr_backend_latex = {"latex", render};
