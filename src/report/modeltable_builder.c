/* The row builder of the multi-model table (see modeltable_builder.h). */
#include "modeltable_builder.h"

#include <stdlib.h>

void cpr_mt_row_start(builder *t, const char *label)
{
    for (size_t j = 0; j < t->ncol; j++) t->row[j] = cpr_cell_text("");
    free(t->row[0].text);
    t->row[0] = cpr_cell_text(label);
}

void cpr_mt_row_set(builder *t, size_t col, char *owned)
{
    free(t->row[col + 1].text);
    t->row[col + 1] = cpr_cell_text(owned);
    free(owned);
}

void cpr_mt_row_end(builder *t) { cpr_doc_table_row(t->b, t->row); }
