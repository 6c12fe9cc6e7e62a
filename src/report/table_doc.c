/* The generic rows x columns printer (used by `describe`). */
#include "cpr/report.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

int cpr_report_table(FILE *out, const char *title, const char *key,
                     size_t nrow, size_t ncol, const char *const *colnames,
                     const char *const *text, const double *num, cpr_format fmt)
{
    cpr_doc *d = cpr_doc_alloc(title);
    cpr_doc_col *cols = cpr_calloc(ncol ? ncol : 1, sizeof *cols);
    for (size_t j = 0; j < ncol; j++) {
        cols[j].key = (char *)colnames[j];
        cols[j].label = (char *)colnames[j];
        cols[j].show = CPR_SHOW_ALL;
    }
    cpr_doc_block *b = cpr_doc_add_table(d, key ? key : "rows", NULL, CPR_SHOW_ALL, ncol, cols);
    free(cols);
    cpr_cell *row = cpr_calloc(ncol ? ncol : 1, sizeof *row);
    for (size_t i = 0; i < nrow; i++) {
        for (size_t j = 0; j < ncol; j++) {
            size_t at = i * ncol + j;
            if (text && text[at]) row[j] = cpr_cell_text(text[at]);
            else if (num) {
                /* whole numbers (counts) print without decimals */
                double v = num[at];
                int whole = isfinite(v) && v == floor(v) && fabs(v) < 1e15;
                row[j] = cpr_cell_num(v, whole ? CPR_NUM_INT : CPR_NUM_G);
            } else row[j] = cpr_cell_na();
        }
        cpr_doc_table_row(b, row);
    }
    free(row);
    int rc = cpr_doc_render(out, d, fmt);
    cpr_doc_free(d);
    return rc;
}
