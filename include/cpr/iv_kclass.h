/* k-class IV estimators (src/model/iv_kclass.c): LIML, Fuller and, with
 * kappa = 1, 2SLS. Pure numerics on already transformed (e.g. within)
 * columns; the variance is computed by the caller from the pieces below. */
#ifndef CPR_IV_KCLASS_H
#define CPR_IV_KCLASS_H

#include <stddef.h>

/* One IV fit in sandwich form: V = B Xs' Omega Xs B, and with iid errors
 * V = s^2 B. Xs are the "score regressors" ((I - kappa M_Z) X for k-class,
 * Z W Z'X for GMM) and B = (Xs'X)^-1. */
typedef struct {
    size_t n, k;
    double *beta;    /* k */
    double *Xs;      /* n*k column-major */
    double *bread;   /* k*k row-major */
    double *resid;   /* n: y - X beta with the actual X */
    double rss;
    double kappa;    /* k-class kappa used (NAN for GMM) */
} cpr_iv_est;

void cpr_iv_est_clear(cpr_iv_est *e);

/* out (n*m) = residuals of the m columns of V on the L columns of Z
 * (V itself when L = 0). */
int cpr_iv_resid_on(const double *Z, size_t n, size_t L, const double *V, size_t m, double *out);

/* LIML kappa: the smallest root of det(Y'M_W Y - kappa Y'M_Z Y) = 0 with
 * Y = [y, endogenous], W the included exogenous columns (kw, may be 0) and
 * Z = [W, excluded instruments] (L columns). */
int cpr_iv_liml_kappa(const double *y, const double *Xen, size_t ke, const double *W, size_t kw,
                      const double *Z, size_t L, size_t n, double *kappa);

/* beta = (X'(I - kappa M_Z) X)^-1 X'(I - kappa M_Z) y for the k columns of
 * X (n*k) and the L instruments Z (n*L, exogenous regressors included). */
int cpr_iv_kclass(const double *y, const double *X, size_t k, const double *Z, size_t L, size_t n,
                  double kappa, cpr_iv_est *out);

#endif
