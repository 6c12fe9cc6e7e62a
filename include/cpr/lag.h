/* Panel operators on one column: neighbours in time, lags, leads and
 * differences within an entity. Layer panel. */
#ifndef CPR_LAG_H
#define CPR_LAG_H

#include <stddef.h>

/* Panel operators on one column (src/panel/lag.c). prev[i] is the row of the
 * same entity at time[i] - 1, next[i] the row at time[i] + 1, -1 when that
 * period is absent; a cross-section (entity == NULL, time == NULL) has none,
 * a single time series (entity == NULL) is one entity. Caller frees both. */
void cpr_panel_neighbours(const int *entity, const int *time, size_t n,
                          long **prev, long **next);
/* out[i] = x at k periods before row i (k < 0: after); NAN when absent. */
void cpr_panel_shift(const double *x, size_t n, const long *prev,
                     const long *next, int k, double *out);
/* out[i] = x[i] - x at the previous period (NAN when absent). */
void cpr_panel_diff(const double *x, size_t n, const long *prev, double *out);

#endif
