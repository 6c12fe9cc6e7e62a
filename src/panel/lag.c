/* Panel-aware lags, leads and differences. Rows are sorted by entity then
 * time with unique keys, so the row holding (e, t-1), if any, is the row
 * just before (e, t): one pass finds every neighbour and a lag of k periods
 * follows k links. A gap in the periods gives a missing value, never the
 * previous row's value. */
#include "cpr/lag.h"
#include "cpr/util.h"

#include <math.h>

void cpr_panel_neighbours(const int *entity, const int *time, size_t n,
                          long **prev, long **next)
{
    long *pv = cpr_malloc(n * sizeof *pv), *nx = cpr_malloc(n * sizeof *nx);
    for (size_t i = 0; i < n; i++) pv[i] = nx[i] = -1;
    if (time) {
        for (size_t i = 1; i < n; i++) {
            int same = !entity || entity[i] == entity[i - 1];
            if (same && (long)time[i] - (long)time[i - 1] == 1) {
                pv[i] = (long)i - 1;
                nx[i - 1] = (long)i;
            }
        }
    }
    *prev = pv;
    *next = nx;
}

void cpr_panel_shift(const double *x, size_t n, const long *prev,
                     const long *next, int k, double *out)
{
    const long *link = k >= 0 ? prev : next;
    int steps = k >= 0 ? k : -k;
    for (size_t i = 0; i < n; i++) {
        long r = (long)i;
        for (int s = 0; s < steps && r >= 0; s++) r = link[r];
        out[i] = r >= 0 ? x[r] : NAN;
    }
}

void cpr_panel_diff(const double *x, size_t n, const long *prev, double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = prev[i] >= 0 ? x[i] - x[prev[i]] : NAN;
}
