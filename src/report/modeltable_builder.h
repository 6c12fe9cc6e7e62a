/* The row builder of the multi-model table's displayed block, shared by
 * the coefficient rows (modeltable.c) and the model rows beneath them
 * (modeltable_rows.c): one row buffer of ncol cells, filled and appended. */
#ifndef CPR_MODELTABLE_BUILDER_H
#define CPR_MODELTABLE_BUILDER_H

#include "cpr/modeltable.h"

typedef const cpr_result *const *models_t;

/* The displayed table under construction: one row buffer of ncol cells. */
typedef struct {
    cpr_doc_block *b;
    size_t ncol;
    cpr_cell *row;
} builder;

/* Start a row labelled `label` with every model's cell empty. */
void cpr_mt_row_start(builder *t, const char *label);
/* Cell of model `col` (0-based); takes ownership of `owned`. */
void cpr_mt_row_set(builder *t, size_t col, char *owned);
/* Append the row to the table. */
void cpr_mt_row_end(builder *t);

#endif
