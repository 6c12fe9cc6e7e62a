/* Simple regression y = a + b x: the closed form, in two passes (means,
 * then centred sums), over the pairs where both values are finite. */
#include "cpr/linalg.h"

#include <math.h>

void cpr_line_fit(const double *x, const double *y, size_t n, cpr_line *fit)
{
    size_t m = 0;
    double sx = 0, sy = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        m++;
        sx += x[i];
        sy += y[i];
    }
    *fit = (cpr_line){ .n = m, .xbar = NAN, .ybar = NAN, .slope = NAN, .intercept = NAN, .r = NAN };
    if (m == 0) return;
    double xbar = sx / (double)m, ybar = sy / (double)m;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        double dx = x[i] - xbar, dy = y[i] - ybar;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    fit->xbar = xbar;
    fit->ybar = ybar;
    fit->sxx = sxx;
    fit->syy = syy;
    fit->sxy = sxy;
    if (m < 2 || !(sxx > 0)) return;
    fit->slope = sxy / sxx;
    fit->intercept = ybar - fit->slope * xbar;
    fit->r = syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
    double ssr = syy - fit->slope * sxy;
    fit->ssr = ssr > 0 ? ssr : 0;
}
