/* The transformed arrays of an IV model (src/model/iv_data.c): y, X and the
 * excluded instruments, within-transformed when the model absorbs fixed
 * effects (FWL holds for every IV estimator and diagnostic when the effects
 * enter both stages). Shared by the estimators (src/model/iv*.c) and the
 * IV diagnostics in src/infer. */
#ifndef CPR_IV_DATA_H
#define CPR_IV_DATA_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/model.h"

typedef struct {
    size_t n, k, kex, ke, kz;  /* rows, regressors, exogenous, endogenous (last ke of X), excluded instruments */
    double *M;                 /* n*(1+k+kz) owned: y | X | Z */
    double *y, *X, *Z;         /* views into M */
    double absorbed;           /* fixed-effect parameters absorbed (0 without FE) */
    int fe;
} cpr_iv_data;

/* Build the arrays of d for spec s. CPR_E_NUMERIC when a column does not
 * vary within the absorbed effects. */
int cpr_iv_data_build(const cpr_design *d, const cpr_model_spec *s, cpr_iv_data *v);
void cpr_iv_data_clear(cpr_iv_data *v);
/* [exogenous | excluded instruments] as one n*(kex+kz) array (caller frees). */
double *cpr_iv_data_instruments(const cpr_iv_data *v);
/* y - X beta for the n*k array X (column after column), with the sum of
 * squares in *rss; both accumulated in long double (caller frees). */
double *cpr_iv_residuals(const double *y, const double *X, size_t n, size_t k, const double *beta, double *rss);

#endif
