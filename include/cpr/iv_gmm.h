/* Two-step efficient linear IV-GMM (src/model/iv_gmm.c). */
#ifndef CPR_IV_GMM_H
#define CPR_IV_GMM_H

#include <stddef.h>

#include "cpr/iv_kclass.h"

/* The moment covariance the weight matrix is built from, following the
 * variance asked for (Stata: wmatrix follows vce). */
typedef enum { CPR_IV_WM_IID, CPR_IV_WM_HC, CPR_IV_WM_CLUSTER } cpr_iv_wmatrix;

/* Second step of efficient GMM from first-step (2SLS) residuals u1:
 * S = sum u1_i^2 z_i z_i' (HC), sum_g (Z_g'u1_g)(Z_g'u1_g)' (cluster) or
 * u1'u1/N Z'Z (iid, which gives 2SLS back); beta = (Q'S^-1 Q)^-1 Q'S^-1 Z'y
 * with Q = Z'X. out gets the sandwich pieces (Xs = Z W Q, B = (Q'WQ)^-1;
 * W = (Z'Z)^-1 for iid so that s^2 B is the classical variance) and *J
 * Hansen's J = g'S^-1 g, g = Z'u2, with the weight matrix of the
 * estimation (as gretl, ivreg2 and R gmm). */
int cpr_iv_gmm(const double *y, const double *X, size_t k, const double *Z, size_t L, size_t n,
               const double *u1, cpr_iv_wmatrix wm, const int *cluster, size_t G,
               cpr_iv_est *out, double *J);

#endif
