/* Private to the multi-model table (modeltable.c builds the coefficient
 * rows and the document, modeltable_rows.c the model rows beneath them):
 * the row builder and the per-model statistics both need. */
#ifndef CPR_MODELTABLE_INTERNAL_H
#define CPR_MODELTABLE_INTERNAL_H

#include "cpr/modeltable.h"

#include <stdlib.h>

typedef const cpr_result *const *models_t;

/* The displayed table under construction: one row buffer of ncol cells. */
typedef struct {
    cpr_doc_block *b;
    size_t ncol;
    cpr_cell *row;
} builder;

static inline void row_start(builder *t, const char *label)
{
    for (size_t j = 0; j < t->ncol; j++) t->row[j] = cpr_cell_text("");
    free(t->row[0].text);
    t->row[0] = cpr_cell_text(label);
}

/* Cell of model `col` (0-based); takes ownership of `owned`. */
static inline void row_set(builder *t, size_t col, char *owned)
{
    free(t->row[col + 1].text);
    t->row[col + 1] = cpr_cell_text(owned);
    free(owned);
}

static inline void row_end(builder *t) { cpr_doc_table_row(t->b, t->row); }

/* The number of bootstrap draws from the notes the bootstrap wrote; 0 when
 * not found. */
double cpr_mt_boot_draws(const cpr_result *r);
/* Some coefficient has a wild bootstrap p. */
int cpr_mt_has_boot(const cpr_result *r);
/* R² as fits the model (overall for RE, between for BE) and within R². */
double cpr_mt_r2(const cpr_result *r);
double cpr_mt_r2_within(const cpr_result *r);
/* N, entities, R², fixed effects, estimator, SEs, clusters, bootstrap. */
void cpr_mt_model_rows(builder *t, models_t m, size_t n);

#endif
