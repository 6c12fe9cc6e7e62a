/* Internals shared by the IV diagnostics (iv_overid.c, weakiv.c,
 * anderson_rubin.c): the model's arrays with the included exogenous
 * regressors (and absorbed effects) partialled out, and a Wald test of
 * coefficients on the partialled instruments with the model's variance. */
#ifndef CPR_IV_INTERNAL_H
#define CPR_IV_INTERNAL_H

#include <stddef.h>

#include "cpr/infer.h"
#include "cpr/iv_data.h"

typedef struct {
    cpr_iv_data v;          /* transformed y | X | Z (owned) */
    size_t n, K, L1;        /* rows, endogenous, excluded instruments */
    double *y, *x, *z;      /* n, n*K, n*L1: M_W y, M_W X_endog, M_W Z_excl (owned) */
    double *zzinv;          /* L1*L1 row-major (z'z)^-1 */
    double dfr;             /* N - L - absorbed: residual df of the first stage */
    double k_stata;         /* K of Stata's (N-1)/(N-K) in the first stage */
    cpr_se_kind se;         /* the model's variance, --asymptotic applied */
    cpr_ssc ssc;
    int asymptotic;
    int cr1_instead;        /* the model asked for CR2/CR3: the diagnostics use CR1 */
    const cpr_design *d;
} iv_part;

int iv_part_build(const cpr_design *d, const cpr_model_spec *s, iv_part *p);
void iv_part_clear(iv_part *p);
/* OLS of e (n) on the partialled instruments z: coefficients b (L1) and
 * residuals r (n). */
void iv_part_ols(const iv_part *p, const double *e, double *b, double *r);
/* Wald statistic b'V^-1 b for the coefficients b of the regression of some
 * variable on z with residuals r, V the model's variance type (iid, HC,
 * cluster; small-sample factors of the first stage unless asymptotic). */
int iv_part_wald(const iv_part *p, const double *b, const double *r, double *W);
/* Inference df of that Wald test: 0 (chi2) when asymptotic, G-1 when
 * clustered, else dfr. */
double iv_part_df(const iv_part *p);

/* The diagnostics, each adding stats/tests/notes to r. */
int iv_weak_add(const iv_part *p, const cpr_model_spec *s, cpr_result *r);
int iv_overid_add(const iv_part *p, const cpr_model_spec *s, const cpr_result *fit, cpr_result *r);
int iv_ar_add(const iv_part *p, double level, cpr_result *r);

#endif
