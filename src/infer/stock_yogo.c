/* Stock-Yogo critical values for weak-instrument tests on the Cragg-Donald
 * F statistic.
 *
 * Source: Stock, J. H. and M. Yogo (2005), "Testing for Weak Instruments in
 * Linear IV Regression", in D. W. K. Andrews and J. H. Stock (eds.),
 * Identification and Inference for Econometric Models: Essays in Honor of
 * Thomas Rothenberg, Cambridge University Press, 80-108: Table 5.1 (2SLS
 * relative bias), Table 5.2 (2SLS size) and Table 5.4 (LIML size), rows
 * L1 = 1..10 excluded instruments, columns K1 = 1..3 (bias) and 1..2 (size)
 * endogenous regressors; the values as transcribed in ivreg2's cdsy tables
 * (Baum, Schaffer and Stillman). They assume iid errors; with robust or
 * clustered errors they are only indicative (ivreg2 prints the same caveat).
 */
#include "cpr/stock_yogo.h"

#include <math.h>

#define NA NAN
#define ROWS 10

/* [pct col][L1-1][K1-1] */
static const double bias[4][ROWS][3] = {
    { {NA, NA, NA}, {NA, NA, NA}, {13.91, NA, NA}, {16.85, 11.04, NA}, {18.37, 13.97, 9.53},
      {19.28, 15.72, 12.20}, {19.86, 16.88, 13.95}, {20.25, 17.70, 15.18}, {20.53, 18.30, 16.10}, {20.74, 18.76, 16.80} },
    { {NA, NA, NA}, {NA, NA, NA}, {9.08, NA, NA}, {10.27, 7.56, NA}, {10.83, 8.78, 6.61},
      {11.12, 9.48, 7.77}, {11.29, 9.92, 8.50}, {11.39, 10.22, 9.01}, {11.46, 10.43, 9.37}, {11.49, 10.58, 9.64} },
    { {NA, NA, NA}, {NA, NA, NA}, {6.46, NA, NA}, {6.71, 5.57, NA}, {6.77, 5.91, 4.99},
      {6.76, 6.08, 5.35}, {6.73, 6.16, 5.56}, {6.69, 6.20, 5.69}, {6.65, 6.22, 5.78}, {6.61, 6.23, 5.83} },
    { {NA, NA, NA}, {NA, NA, NA}, {5.39, NA, NA}, {5.34, 4.73, NA}, {5.25, 4.79, 4.30},
      {5.15, 4.78, 4.40}, {5.07, 4.76, 4.44}, {4.99, 4.73, 4.46}, {4.92, 4.69, 4.46}, {4.86, 4.66, 4.45} },
};

static const double size2sls[4][ROWS][2] = {
    { {16.38, NA}, {19.93, 7.03}, {22.30, 13.43}, {24.58, 16.87}, {26.87, 19.45},
      {29.18, 21.68}, {31.50, 23.72}, {33.84, 25.64}, {36.19, 27.51}, {38.54, 29.32} },
    { {8.96, NA}, {11.59, 4.58}, {12.83, 8.18}, {13.96, 9.93}, {15.09, 11.22},
      {16.23, 12.33}, {17.38, 13.34}, {18.54, 14.31}, {19.71, 15.24}, {20.88, 16.16} },
    { {6.66, NA}, {8.75, 3.95}, {9.54, 6.40}, {10.26, 7.54}, {10.98, 8.38},
      {11.72, 9.10}, {12.48, 9.77}, {13.24, 10.41}, {14.01, 11.03}, {14.78, 11.65} },
    { {5.53, NA}, {7.25, 3.63}, {7.80, 5.45}, {8.31, 6.28}, {8.84, 6.89},
      {9.38, 7.42}, {9.93, 7.91}, {10.50, 8.39}, {11.07, 8.85}, {11.65, 9.31} },
};

static const double sizeliml[4][ROWS][2] = {
    { {16.38, NA}, {8.68, 7.03}, {6.46, 5.44}, {5.44, 4.72}, {4.84, 4.32},
      {4.45, 4.06}, {4.18, 3.90}, {3.97, 3.78}, {3.81, 3.70}, {3.68, 3.64} },
    { {8.96, NA}, {5.33, 4.58}, {4.36, 3.81}, {3.87, 3.39}, {3.56, 3.13},
      {3.34, 2.95}, {3.18, 2.83}, {3.04, 2.73}, {2.93, 2.66}, {2.84, 2.60} },
    { {6.66, NA}, {4.42, 3.95}, {3.69, 3.32}, {3.30, 2.99}, {3.05, 2.78},
      {2.87, 2.63}, {2.73, 2.52}, {2.63, 2.43}, {2.54, 2.36}, {2.46, 2.30} },
    { {5.53, NA}, {3.92, 3.63}, {3.32, 3.09}, {2.98, 2.79}, {2.77, 2.60},
      {2.61, 2.46}, {2.49, 2.35}, {2.39, 2.27}, {2.32, 2.20}, {2.25, 2.14} },
};

double cpr_stock_yogo_cv(cpr_sy_kind kind, size_t K1, size_t L1, int col)
{
    if (col < 0 || col > 3 || L1 < 1 || L1 > ROWS || K1 < 1) return NAN;
    switch (kind) {
    case CPR_SY_2SLS_BIAS: return K1 <= 3 ? bias[col][L1 - 1][K1 - 1] : NAN;
    case CPR_SY_2SLS_SIZE: return K1 <= 2 ? size2sls[col][L1 - 1][K1 - 1] : NAN;
    case CPR_SY_LIML_SIZE: return K1 <= 2 ? sizeliml[col][L1 - 1][K1 - 1] : NAN;
    }
    return NAN;
}

int cpr_stock_yogo_pct(cpr_sy_kind kind, int col)
{
    static const int b[4] = { 5, 10, 20, 30 }, s[4] = { 10, 15, 20, 25 };
    return kind == CPR_SY_2SLS_BIAS ? b[col & 3] : s[col & 3];
}
