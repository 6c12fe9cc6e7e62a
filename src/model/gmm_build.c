/* Difference GMM: the differenced equations and the instrument matrix per
 * entity, laid out as plm's pgmm does (GMM-style block, time dummies, then
 * the exogenous regressors in differences); freeing the system and the GMM
 * part of a fit that holds it (cpr_fit_free calls that). */
#include "gmm_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double cell(const double *v, size_t T, size_t i, long t)
{
    return t < 0 ? NAN : v[i * T + (size_t)t];
}

/* GMM-style columns of period t: lags lag_min..lag_max of z (periods >= 0). */
static size_t gmm_width(const cpr_gmm_spec *s, long t)
{
    long hi = t - s->lag_min, lo = t - s->lag_max < 0 ? 0 : t - s->lag_max;
    return hi < lo ? 0 : (size_t)(hi - lo + 1);
}

/* Fill the GMM-style part of row (i, t) into w (ncols wide). Block layout:
 * period t's lags sit after the earlier periods' (ascending period order);
 * collapsed: column c holds lag lag_min + c. Missing levels become 0. */
static void gmm_fill(const cpr_gmm_spec *s, size_t i, long t, size_t offset, double *w)
{
    if (s->collapse) {
        for (long c = 0; t - s->lag_min - c >= 0 && c <= s->lag_max - s->lag_min; c++) {
            double v = cell(s->z, s->T, i, t - s->lag_min - c);
            w[c] = isnan(v) ? 0 : v;
        }
        return;
    }
    long lo = t - s->lag_max < 0 ? 0 : t - s->lag_max;
    for (long p = lo; p <= t - s->lag_min; p++) {
        double v = cell(s->z, s->T, i, p);
        w[offset + (size_t)(p - lo)] = isnan(v) ? 0 : v;
    }
}

/* Drop all-zero columns of a row-major (rows x *ncol) matrix in place;
 * keep[] (ncol) gets 1 for kept columns. */
static size_t drop_zero_cols(double *A, size_t rows, size_t ncol, unsigned char *keep)
{
    size_t kk = 0;
    for (size_t j = 0; j < ncol; j++) {
        keep[j] = 0;
        for (size_t r = 0; r < rows && !keep[j]; r++) keep[j] = A[r * ncol + j] != 0;
    }
    for (size_t r = 0; r < rows; r++) {
        size_t c = 0;
        for (size_t j = 0; j < ncol; j++) if (keep[j]) A[r * ncol + c++] = A[r * ncol + j];
    }
    for (size_t j = 0; j < ncol; j++) kk += keep[j];
    /* compact rows: row r now starts at r*ncol; move to r*kk */
    for (size_t r = 0; r < rows; r++) memmove(A + r * kk, A + r * ncol, kk * sizeof *A);
    return kk;
}

int gmm_sys_build(const cpr_gmm_spec *s, cpr_gmm_sys *g)
{
    memset(g, 0, sizeof *g);
    if (s->first < 1 || (size_t)s->first >= s->T || s->T - (size_t)s->first < 3)
        return cpr_fail(CPR_E_NUMERIC, "gmm: too few periods: %zu periods, equations start at period %d; "
                        "the AR(2) test needs at least 3 differenced periods", s->T, s->first + 1);
    size_t G = s->G, T = s->T, m = T - (size_t)s->first, k = s->k;
    size_t nd = s->time_effects ? m : 0, K = k + nd;
    size_t ngmm = 0, nexo = 0;
    if (s->collapse) {
        long a = (long)T - s->lag_min, b = (long)s->lag_max - s->lag_min + 1;
        ngmm = (size_t)(a < b ? a : b);
    } else {
        for (size_t r = 0; r < m; r++) ngmm += gmm_width(s, s->first + (long)r);
    }
    for (size_t j = 0; j < k; j++) nexo += s->exog[j] ? 1 : 0;
    size_t L = ngmm + nd + nexo;
    double *X = cpr_calloc(G * m * K, sizeof *X), *W = cpr_calloc(G * m * L, sizeof *W);
    g->y = cpr_calloc(G * m, sizeof *g->y);
    g->used = cpr_calloc(G * m, sizeof *g->used);
    for (size_t i = 0; i < G; i++) {
        size_t offset = 0;
        for (size_t r = 0; r < m; r++) {
            long t = s->first + (long)r;
            size_t row = i * m + r;
            double *x = X + row * K, *w = W + row * L;
            int ok = 1;
            double dy = cell(s->y, T, i, t) - cell(s->y, T, i, t - 1);
            ok &= !isnan(dy);
            for (size_t j = 0; j < k; j++) {
                const double *col = s->X + j * G * T;
                x[j] = cell(col, T, i, t) - cell(col, T, i, t - 1);
                ok &= !isnan(x[j]);
            }
            size_t width = gmm_width(s, t);
            if (ok) {
                g->y[row] = dy;
                g->used[row] = 1;
                if (nd) {
                    x[k + r] = w[ngmm + r] = 1;
                    if (r > 0) x[k + r - 1] = w[ngmm + r - 1] = -1;
                }
                gmm_fill(s, i, t, offset, w);
                size_t e = ngmm + nd;
                for (size_t j = 0; j < k; j++) if (s->exog[j]) w[e++] = x[j];
                g->nobs++;
            } else {
                memset(x, 0, K * sizeof *x);
            }
            offset += width;
        }
    }
    if (g->nobs == 0) {
        free(X); free(W); free(g->y); free(g->used); g->y = NULL; g->used = NULL;
        return cpr_fail(CPR_E_NUMERIC, "gmm: no usable observations (every differenced equation has a missing value)");
    }
    /* Time dummies of periods without observations, empty instrument
     * columns: dropped (plm keeps them and falls back to a generalized
     * inverse, which gives the same estimates). */
    unsigned char *keepx = cpr_malloc(K), *keepw = cpr_malloc(L);
    size_t Kk = drop_zero_cols(X, G * m, K, keepx), Lk = drop_zero_cols(W, G * m, L, keepw);
    g->names = cpr_calloc(Kk ? Kk : 1, sizeof *g->names);
    size_t c = 0;
    g->dropped = cpr_calloc(k ? k : 1, sizeof *g->dropped);
    for (size_t j = 0; j < K; j++) {
        if (!keepx[j]) {
            if (j < k) g->dropped[g->ndropped++] = cpr_strdup(s->names[j]);
            continue;
        }
        if (j < k) g->names[c++] = cpr_strdup(s->names[j]);
        else {
            g->names[c++] = cpr_asprintf("%s_%d", s->time_name ? s->time_name : "time",
                                         s->time_values ? s->time_values[s->first + (long)(j - k)] : (int)(j - k));
            g->n_dummies++;
        }
    }
    for (size_t j = 0; j < ngmm; j++) g->n_gmm_cols += keepw[j];
    free(keepx); free(keepw);
    g->G = G; g->m = m; g->K = Kk; g->L = Lk; g->T = T; g->first = s->first;
    g->X = cpr_realloc(X, G * m * (Kk ? Kk : 1) * sizeof *X);
    g->W = cpr_realloc(W, G * m * (Lk ? Lk : 1) * sizeof *W);
    if (Kk == 0) { gmm_sys_clear(g); return cpr_fail(CPR_E_NUMERIC, "gmm: no regressor varies over time"); }
    if (Lk < Kk) {
        size_t kk = Kk, ll = Lk;
        gmm_sys_clear(g);
        return cpr_fail(CPR_E_NUMERIC, "gmm: under-identified: %zu instruments for %zu coefficients", ll, kk);
    }
    return CPR_OK;
}

void gmm_sys_clear(cpr_gmm_sys *g)
{
    if (!g) return;
    for (size_t j = 0; j < g->K; j++) free(g->names[j]);
    for (size_t j = 0; j < g->ndropped; j++) free(g->dropped[j]);
    free(g->dropped);
    free(g->names); free(g->X); free(g->y); free(g->W); free(g->used);
    memset(g, 0, sizeof *g);
}

void cpr_gmm_part_free(cpr_gmm_part *w)
{
    if (!w) return;
    gsl_matrix *ms[] = {w->WX, w->A1, w->A2, w->S2, w->M1, w->M2, w->B2};
    for (size_t j = 0; j < sizeof ms / sizeof *ms; j++) if (ms[j]) gsl_matrix_free(ms[j]);
    if (w->Wy) gsl_vector_free(w->Wy);
    if (w->b1) gsl_vector_free(w->b1);
    if (w->b2) gsl_vector_free(w->b2);
    free(w->e1); free(w->e2); free(w->c1);
    gmm_sys_clear(&w->sys);
    free(w);
}
