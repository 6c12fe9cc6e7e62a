/* Stock-Yogo (2005) critical values for the Cragg-Donald F statistic
 * (src/infer/stock_yogo.c). */
#ifndef CPR_STOCK_YOGO_H
#define CPR_STOCK_YOGO_H

#include <stddef.h>

typedef enum {
    CPR_SY_2SLS_BIAS,   /* maximal 2SLS bias relative to OLS: 5, 10, 20, 30 % */
    CPR_SY_2SLS_SIZE,   /* maximal size of a nominal 5% 2SLS Wald test: 10, 15, 20, 25 % */
    CPR_SY_LIML_SIZE    /* the same for LIML */
} cpr_sy_kind;

/* Critical value for K1 endogenous regressors and L1 excluded instruments
 * at column col (0..3 of the percentages above); NAN where Stock and Yogo
 * tabulate none (bias: K1 <= 3 and L1 >= K1 + 2; size: K1 <= 2) or beyond
 * the rows tabulated here (L1 <= 10). */
double cpr_stock_yogo_cv(cpr_sy_kind kind, size_t K1, size_t L1, int col);
/* "5%" etc.: the percentage of column col for kind. */
int cpr_stock_yogo_pct(cpr_sy_kind kind, int col);

#endif
