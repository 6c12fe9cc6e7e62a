/* Internals of the least-squares core, shared by ols_qr.c, ols_select.c
 * and ols_xtx.c; not part of the public API. */
#ifndef CPR_LS_INTERNAL_H
#define CPR_LS_INTERNAL_H

#include "cpr/linalg.h"

/* On scaled columns Xs:
 * keep the columns (in order) not within tol of the span of earlier kept
 * ones; returns how many. cpr_ls_xtx fills out->keep/k/beta/bread/resid
 * for the scaled problem X / scale, reading the columns of X in place;
 * it fills scale (k) with the power-of-two column scales of cpr_ols_qr
 * (from the diagonal of X'X), or works unscaled when scale is NULL. */
size_t cpr_ls_select(const double *Xs, size_t n, size_t k, double tol, size_t *keep);
int cpr_ls_xtx(const double *X, double *scale, size_t n, size_t k, const double *y, double tol, cpr_ls *out);

#endif
