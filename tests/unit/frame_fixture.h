/* Hand-built frames for unit tests (the CSV loader lives elsewhere): fills
 * the cpr_frame fields directly as frame.h documents them. Rows must be
 * given sorted by entity label, then time. Test-only code, not in src/. */
#ifndef CPR_TEST_FRAME_FIXTURE_H
#define CPR_TEST_FRAME_FIXTURE_H

#include "cpr/frame.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

/* entity_of[i] indexes labels[]; labels must be strcmp-sorted. Pass
 * labels == NULL and time == NULL for a cross-section. */
static inline cpr_frame *fixture_frame(size_t nrow, const char *ename, const char *const *labels,
                                       size_t nlab, const int *entity_of, const char *tname,
                                       const int *time)
{
    cpr_frame *f = cpr_calloc(1, sizeof *f);
    f->nrow = nrow;
    if (labels) {
        f->entity_name = cpr_strdup(ename);
        f->entity = cpr_malloc(nrow * sizeof *f->entity);
        memcpy(f->entity, entity_of, nrow * sizeof *f->entity);
        f->entity_labels = cpr_calloc(nlab, sizeof *f->entity_labels);
        for (size_t i = 0; i < nlab; i++) f->entity_labels[i] = cpr_strdup(labels[i]);
        f->n_entities = nlab;
    }
    if (time) {
        f->time_name = cpr_strdup(tname);
        f->time = cpr_malloc(nrow * sizeof *f->time);
        memcpy(f->time, time, nrow * sizeof *f->time);
    }
    f->source = cpr_strdup("fixture.csv");
    return f;
}

static inline cpr_column *fixture_add_col(cpr_frame *f, const char *name)
{
    f->cols = cpr_realloc(f->cols, (f->ncol + 1) * sizeof *f->cols);
    cpr_column *c = &f->cols[f->ncol++];
    memset(c, 0, sizeof *c);
    c->name = cpr_strdup(name);
    f->cap_col = f->ncol;
    return c;
}

static inline void fixture_num(cpr_frame *f, const char *name, const double *v)
{
    cpr_column *c = fixture_add_col(f, name);
    c->type = CPR_COL_NUM;
    c->num = cpr_malloc(f->nrow * sizeof *c->num);
    memcpy(c->num, v, f->nrow * sizeof *c->num);
}

static inline void fixture_text(cpr_frame *f, const char *name, const char *const *v)
{
    cpr_column *c = fixture_add_col(f, name);
    c->type = CPR_COL_TEXT;
    c->text = cpr_calloc(f->nrow, sizeof *c->text);
    for (size_t i = 0; i < f->nrow; i++) c->text[i] = v[i] ? cpr_strdup(v[i]) : NULL;
}

static inline void fixture_free(cpr_frame *f)
{
    if (!f) return;
    for (size_t j = 0; j < f->ncol; j++) {
        free(f->cols[j].name);
        free(f->cols[j].num);
        if (f->cols[j].text)
            for (size_t i = 0; i < f->nrow; i++) free(f->cols[j].text[i]);
        free(f->cols[j].text);
    }
    free(f->cols);
    free(f->entity_name);
    free(f->time_name);
    free(f->entity);
    free(f->time);
    for (size_t i = 0; i < f->n_entities; i++) free(f->entity_labels[i]);
    free(f->entity_labels);
    free(f->source);
    free(f);
}

#endif
