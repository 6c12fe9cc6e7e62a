/* CSV backend: the document's first machine-readable table only (for a
 * model, the coefficient rows), keys as the header, RFC 4180 quoting,
 * numbers in the shortest form that reads back exactly, NA for missing. */
#include "cpr/report.h"
#include "cpr/status.h"

#include <math.h>
#include <string.h>

static void put_field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\n\r") == NULL && s[0] != ' ' && (s[0] == '\0' || s[strlen(s) - 1] != ' ')) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static int render(FILE *out, const cpr_doc *d)
{
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (b->type != CPR_BLOCK_TABLE || !cpr_show_machine(b->show)) continue;
        for (size_t r = 0; r <= b->nrow; r++) {
            int first = 1;
            for (size_t j = 0; j < b->ncol; j++) {
                if (!cpr_show_machine(b->cols[j].show)) continue;
                if (!first) fputc(',', out);
                first = 0;
                if (r == 0) { put_field(out, b->cols[j].key); continue; }
                const cpr_cell *c = &b->cells[(r - 1) * b->ncol + j];
                char buf[40];
                if (c->type == CPR_CELL_TEXT) put_field(out, c->text);
                else if (c->type == CPR_CELL_NA || !isfinite(c->num)) fputs("NA", out);
                else { cpr_format_roundtrip(c->num, buf, sizeof buf); fputs(buf, out); }
            }
            fputc('\n', out);
        }
        return CPR_OK;
    }
    return CPR_OK;
}

const cpr_backend cpr_backend_csv = {"csv", render};
