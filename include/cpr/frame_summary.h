/* What is in a frame before any model (src/panel/frame_summary.c): the
 * panel layout (entities, periods, balance) and, per column, the count of
 * values, the first and last period with one, min, mean and max. The
 * numbers of `cpr-stats describe`. */
#ifndef CPR_FRAME_SUMMARY_H
#define CPR_FRAME_SUMMARY_H

#include <stddef.h>

#include "cpr/frame.h"

typedef struct {
    size_t n_entities, n_periods, nrow;
    int first_period, last_period;     /* 0 when there are none */
    size_t min_per_entity, max_per_entity;
    int balanced;                      /* every entity has every period */
} cpr_panel_summary;

/* f must be a panel (f->entity non-NULL). */
void cpr_panel_summarize(const cpr_frame *f, cpr_panel_summary *s);

typedef struct {
    int is_text;       /* a text column: only n is set */
    size_t n;          /* non-missing values */
    int has_periods;   /* the frame has a time column and n > 0 */
    int first, last;   /* first and last period with a value */
    double min, mean, max;   /* NAN when n == 0; mean NAN when it is not finite */
} cpr_column_summary;

void cpr_column_summarize(const cpr_frame *f, size_t j, cpr_column_summary *s);

#endif
