/* Loading the variable catalogue with the ordinary CSV loader. */
#include "cpr/catalogue.h"
#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cell (j, row) as text, taken out of the frame (no copy): text as it is,
 * a number as %.15g, missing or no such column as "". */
static char *cell_take(cpr_frame *f, long j, size_t row)
{
    if (j < 0) return cpr_strdup("");
    cpr_column *c = &f->cols[j];
    if (c->type == CPR_COL_TEXT) {
        char *s = c->text[row];
        c->text[row] = NULL;
        return s ? s : cpr_strdup("");
    }
    if (isnan(c->num[row])) return cpr_strdup("");
    return cpr_asprintf("%.15g", c->num[row]);
}

static int catalogue_read(const char *path, const char *const *want, size_t nwant, cpr_catalogue **out)
{
    *out = NULL;
    cpr_frame *f = NULL;
    /* The catalogue is a plain table: no panel key, whatever its columns say. */
    cpr_load_opts o = {0};
    o.no_key = 1;
    o.want = want;
    o.nwant = nwant;
    int rc = cpr_frame_read_csv(path, &o, &f);
    if (rc) return rc;
    if (cpr_frame_find(f, "name") < 0 || cpr_frame_find(f, "label") < 0) {
        cpr_frame_free(f);
        return cpr_fail(CPR_E_NOKEY, "%s: a catalogue needs columns 'name' and 'label'", path);
    }
    enum { NFIELD = 8 };
    static const char *const fields[NFIELD] = {"name", "label", "unit", "source", "source_code", "licence", "transform", "file"};
    long col[NFIELD];
    for (size_t k = 0; k < NFIELD; k++) col[k] = cpr_frame_find(f, fields[k]);
    cpr_catalogue *c = cpr_calloc(1, sizeof *c);
    c->n = f->nrow;
    c->vars = cpr_calloc(f->nrow ? f->nrow : 1, sizeof *c->vars);
    for (size_t i = 0; i < f->nrow; i++) {
        cpr_var_info *v = &c->vars[i];
        char **dst[NFIELD] = {&v->name, &v->label, &v->unit, &v->source, &v->source_code, &v->licence, &v->transform, &v->file};
        for (size_t k = 0; k < NFIELD; k++) *dst[k] = cell_take(f, col[k], i);
    }
    cpr_frame_free(f);
    *out = c;
    return CPR_OK;
}

int cpr_catalogue_load(const char *path, cpr_catalogue **out)
{
    return catalogue_read(path, NULL, 0, out);
}

int cpr_catalogue_load_labels(const char *path, cpr_catalogue **out)
{
    static const char *const want[] = {"name", "label", "unit", "source"};
    return catalogue_read(path, want, sizeof want / sizeof *want, out);
}

void cpr_catalogue_free(cpr_catalogue *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) {
        cpr_var_info *v = &c->vars[i];
        free(v->name); free(v->label); free(v->unit); free(v->source);
        free(v->source_code); free(v->licence); free(v->transform); free(v->file);
    }
    free(c->vars);
    free(c);
}

const cpr_var_info *cpr_catalogue_find(const cpr_catalogue *c, const char *name)
{
    if (!c) return NULL;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->vars[i].name, name) == 0) return &c->vars[i];
    return NULL;
}

char *cpr_catalogue_axis_label(const cpr_catalogue *c, const char *name)
{
    const cpr_var_info *v = cpr_catalogue_find(c, name);
    if (!v || !*v->label) return cpr_strdup(name);
    if (*v->unit) return cpr_asprintf("%s (%s)", v->label, v->unit);
    return cpr_strdup(v->label);
}
