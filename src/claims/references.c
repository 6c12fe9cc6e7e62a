/* The bibliography of the source papers (datasets/references.csv: id,
 * authors, year, title, published, note), read with libcsv, so the report
 * cites "Lin Hua (n.d., after 2021)" and lists each paper by author, year
 * and title instead of the manifest's bare "000, part 1". */
#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    cpr_references *r;
    char *f[6];
    size_t col, row;
} rd;

static void on_field(void *s, size_t len, void *data)
{
    rd *d = data;
    if (d->col < 6) d->f[d->col] = cpr_strndup(s ? s : "", s ? len : 0);
    d->col++;
}

static void on_row(int c, void *data)
{
    (void)c;
    rd *d = data;
    if (d->row++ > 0 && d->f[0] && *d->f[0]) { /* row 0 is the header */
        cpr_references *r = d->r;
        r->refs = cpr_realloc(r->refs, (r->n + 1) * sizeof *r->refs);
        cpr_reference *x = &r->refs[r->n++];
        x->id = d->f[0]; x->authors = d->f[1]; x->year = d->f[2];
        x->title = d->f[3]; x->published = d->f[4]; x->note = d->f[5];
        for (size_t i = 0; i < 6; i++)
            if (!d->f[i]) { char **slot = i == 1 ? &x->authors : i == 2 ? &x->year : i == 3 ? &x->title : i == 4 ? &x->published : &x->note; *slot = cpr_strdup(""); }
    } else {
        for (size_t i = 0; i < 6; i++) free(d->f[i]);
    }
    memset(d->f, 0, sizeof d->f);
    d->col = 0;
}

int cpr_references_load(const char *path, cpr_references **out)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) return cpr_fail(CPR_E_OPEN, "%s: cannot open the bibliography", path);
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    rd d = {cpr_calloc(1, sizeof(cpr_references)), {0}, 0, 0};
    char chunk[4096];
    size_t got;
    int bad = 0;
    while (!bad && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        bad = csv_parse(&p, chunk, got, on_field, on_row, &d) != got;
    if (!bad) csv_fini(&p, on_field, on_row, &d);
    csv_free(&p);
    fclose(fp);
    for (size_t i = 0; i < 6; i++) free(d.f[i]);
    if (bad) {
        cpr_references_free(d.r);
        return cpr_fail(CPR_E_MANIFEST, "%s:%zu: malformed CSV in the bibliography", path, d.row + 1);
    }
    *out = d.r;
    return CPR_OK;
}

void cpr_references_free(cpr_references *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        cpr_reference *x = &r->refs[i];
        free(x->id); free(x->authors); free(x->year); free(x->title); free(x->published); free(x->note);
    }
    free(r->refs);
    free(r);
}

const cpr_reference *cpr_references_find(const cpr_references *r, const char *id, size_t len)
{
    for (size_t i = 0; r && i < r->n; i++)
        if (strlen(r->refs[i].id) == len && strncmp(r->refs[i].id, id, len) == 0) return &r->refs[i];
    return NULL;
}
