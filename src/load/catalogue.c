/* Loading the variable catalogue with the ordinary CSV loader. */
#include "cpr/catalogue.h"
#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *cell(const cpr_frame *f, const char *col, size_t row)
{
    long j = cpr_frame_find(f, col);
    if (j < 0) return cpr_strdup("");
    const cpr_column *c = &f->cols[j];
    if (c->type == CPR_COL_TEXT) return cpr_strdup(c->text[row] ? c->text[row] : "");
    if (isnan(c->num[row])) return cpr_strdup("");
    return cpr_asprintf("%.15g", c->num[row]);
}

int cpr_catalogue_load(const char *path, cpr_catalogue **out)
{
    *out = NULL;
    cpr_frame *f = NULL;
    /* The catalogue is a plain table: no panel key, whatever its columns say. */
    cpr_load_opts o = {0};
    o.no_key = 1;
    int rc = cpr_frame_read_csv(path, &o, &f);
    if (rc) return rc;
    if (cpr_frame_find(f, "name") < 0 || cpr_frame_find(f, "label") < 0) {
        cpr_frame_free(f);
        return cpr_fail(CPR_E_NOKEY, "%s: a catalogue needs columns 'name' and 'label'", path);
    }
    cpr_catalogue *c = cpr_calloc(1, sizeof *c);
    c->n = f->nrow;
    c->vars = cpr_calloc(f->nrow, sizeof *c->vars);
    for (size_t i = 0; i < f->nrow; i++) {
        cpr_var_info *v = &c->vars[i];
        v->name = cell(f, "name", i);
        v->label = cell(f, "label", i);
        v->unit = cell(f, "unit", i);
        v->source = cell(f, "source", i);
        v->source_code = cell(f, "source_code", i);
        v->licence = cell(f, "licence", i);
        v->transform = cell(f, "transform", i);
        v->file = cell(f, "file", i);
    }
    cpr_frame_free(f);
    *out = c;
    return CPR_OK;
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
