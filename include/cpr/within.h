/* The within transformation: fixed effects absorbed by demeaning, one-way
 * or two-way, without dummy matrices. Layer linalg: uses util only. */
#ifndef CPR_WITHIN_H
#define CPR_WITHIN_H

#include <stddef.h>

typedef enum { CPR_EFFECTS_ENTITY, CPR_EFFECTS_TIME, CPR_EFFECTS_TWOWAY } cpr_effects;

/* Default tolerance of the two-way absorption (see cpr_within_transform):
 * small enough that the residuals, hence the SEs, agree with an exact
 * (LSDV) solution to about 1e-13; Irons-Tuck gets there in a few sweeps. */
#define CPR_FE_TOL 1e-13

typedef struct {
    size_t n;
    const int *entity;   /* n codes < n_entities (may be NULL for TIME) */
    const int *time;     /* n codes < n_times (may be NULL for ENTITY) */
    size_t n_entities, n_times;
    cpr_effects effects;
    double tol;          /* <= 0: CPR_FE_TOL */
    int maxiter;         /* <= 0: 10000 */
} cpr_absorb;

/* Subtract the fixed effects from ncols columns (each n long, at cols +
 * j*n) in place. One-way: group means (exact). Two-way balanced (each
 * entity-time cell once): x - mean_i - mean_t + mean (exact). Two-way
 * unbalanced: alternating projections on the vector of time effects (one
 * sweep = two gathers over the codes) with Irons-Tuck acceleration, until
 * every time mean of the result is below tol * (sup-norm of the column);
 * its entity means are zero by construction. Fails with CPR_E_NOCONV after
 * maxiter sweeps. O(n) extra memory (codes grouped by time), no dummies. */
int cpr_within_transform(const cpr_absorb *a, double *cols, size_t ncols, int *iters);
/* The same for ncols columns anywhere (cols[j], each n long). The columns
 * are transformed in parallel, one task per column on up to
 * cpr_threads_get() threads; each column's arithmetic is the same on any
 * number of threads, so results are identical bit for bit. */
int cpr_within_transform_cols(const cpr_absorb *a, double *const *cols, size_t ncols, int *iters);
/* Number of absorbed parameters: G, T or G + T - (connected components). */
size_t cpr_absorb_dof(const cpr_absorb *a);

#endif
