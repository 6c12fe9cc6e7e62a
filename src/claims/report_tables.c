/* A claim's tables in the report (Table 1 of paper 001, the leave-one-
 * country-out refits of C01): each JSON table {title, columns, rows, note}
 * becomes a cpr_doc table and is rendered by the Markdown and HTML backends
 * of src/report, so the report's tables look like every other table of the
 * tool. Cells are text (the manifest's templates fix their digits). */
#include "cpr/claims.h"
#include "cpr/report.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cpr_doc *table_doc(const json_t *t)
{
    const json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
    size_t nc = json_array_size(cols);
    if (nc == 0) return NULL;
    cpr_doc *d = cpr_doc_alloc(NULL);
    d->fragment = 1;
    cpr_doc_col *dc = cpr_calloc(nc, sizeof *dc);
    for (size_t j = 0; j < nc; j++) {
        const char *c = json_string_value(json_array_get(cols, j));
        dc[j].key = dc[j].label = (char *)(c ? c : "");
        dc[j].show = CPR_SHOW_ALL;
    }
    cpr_doc_block *b = cpr_doc_add_table(d, "rows", json_string_value(json_object_get(t, "title")), CPR_SHOW_ALL, nc, dc);
    free(dc);
    cpr_cell *cell = cpr_calloc(nc, sizeof *cell);
    size_t i;
    const json_t *row;
    json_array_foreach(rows, i, row) {
        for (size_t j = 0; j < nc; j++) cell[j] = cpr_cell_text(json_string_value(json_array_get(row, j)));
        cpr_doc_table_row(b, cell);
    }
    free(cell);
    const char *note = json_string_value(json_object_get(t, "note"));
    if (note) {
        cpr_doc_block *nb = cpr_doc_add_lines(d, "notes", NULL, CPR_SHOW_ALL);
        cpr_doc_line_add(nb, "%s", note);
        nb->attach = 1;
    }
    return d;
}

/* Render into a string (open_memstream: POSIX 2008). */
static char *render(const cpr_doc *d, cpr_format fmt)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f) return cpr_strdup("");
    cpr_doc_render(f, d, fmt);
    fclose(f);
    return s ? s : cpr_strdup("");
}

static void append(char **dst, const char *s)
{
    char *t = cpr_asprintf("%s%s", *dst ? *dst : "", s);
    free(*dst);
    *dst = t;
}

void cpr_claims_tables_render(const json_t *tables, char **md, char **html)
{
    size_t i;
    const json_t *t;
    json_array_foreach(tables, i, t) {
        cpr_doc *d = table_doc(t);
        if (!d) continue;
        if (md) {
            char *s = render(d, CPR_FMT_MD);
            append(md, "\n");
            append(md, s);
            free(s);
        }
        if (html) {
            char *s = render(d, CPR_FMT_HTML);
            append(html, s);
            free(s);
        }
        cpr_doc_free(d);
    }
}
