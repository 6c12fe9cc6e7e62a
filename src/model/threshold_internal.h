/* Shared by the threshold files: the within-transformed problem and the
 * SSR of one split of the sample into regimes. */
#ifndef CPR_THRESHOLD_INTERNAL_H
#define CPR_THRESHOLD_INTERNAL_H

#include "cpr/threshold.h"

typedef struct {
    const cpr_threshold_spec *s;
    cpr_absorb ab;
    double *zw;        /* n*kc demeaned controls */
    double *grid;      /* ng candidate thresholds, ascending */
    size_t ng;
    size_t lo;         /* floor(trim n): observations trimmed from each end */
    double dof;        /* absorbed levels */
    double *work;      /* n * (3 kr + kc) */
} thr_ctx;

/* Regression of the demeaned yw on x split at cuts (nc ascending, 0-2)
 * and the controls: its SSR, or the whole fit in *g when g != NULL
 * (names: x:q<=c, ...). */
int thr_fit_cuts(thr_ctx *c, const double *yw, const double *cuts, size_t nc, double *ssr, cpr_reg *g);
/* SSR over the grid: one threshold (fix = NAN) or a second one given fix;
 * S[i] = NAN where not allowed; returns the index of the minimum. */
int thr_search(thr_ctx *c, const double *yw, double fix, double *S, size_t *imin);
/* Bootstrap p-values of F1 (and F2 when nthresh = 2). */
int thr_bootstrap(thr_ctx *c, const double *yw, cpr_threshold_info *in);
/* Demean a copy of v (n) with the design's effects. */
int thr_demean(thr_ctx *c, double *v, size_t ncols);

#endif
