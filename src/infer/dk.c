/* Driscoll-Kraay (1998) variance: cross-sectional sums of the scores per
 * period, h_t = sum_i x_it e_it, then a Newey-West (Bartlett) long-run
 * covariance over periods, S = sum_t h_t h_t' + sum_{l=1..m} (1 - l/(m+1))
 * sum_t (h_t h_{t-l}' + h_{t-l} h_t'); V = B S B with no small-sample
 * factor (plm::vcovSCC type "HC0"). Lags count positions in the sorted
 * list of periods present (the design's time codes). */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cpr_dk_default_lag(size_t n_times)
{
    return (int)floor(4.0 * pow((double)n_times / 100.0, 2.0 / 9.0));
}

int cpr_vcov_dk(const cpr_vcov_in *in, int lag, double *V)
{
    size_t n = in->n, k = in->k, T = in->n_times;
    double *H = cpr_calloc(T * k, sizeof *H);
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < n; i++) H[(size_t)in->time[i] * k + j] += in->X[j * n + i] * in->resid[i];
    double *S = cpr_calloc(k * k, sizeof *S);
    for (int l = 0; l <= lag && (size_t)l < T; l++) {
        double w = l == 0 ? 1.0 : 1.0 - l / (lag + 1.0);
        for (size_t t = (size_t)l; t < T; t++)
            for (size_t a = 0; a < k; a++)
                for (size_t b = 0; b < k; b++) {
                    double v = H[t * k + a] * H[(t - l) * k + b];
                    S[a * k + b] += w * v;
                    if (l > 0) S[b * k + a] += w * v;
                }
    }
    cpr_sandwich(in->bread, S, k, 1.0, V);
    free(H); free(S);
    return CPR_OK;
}
