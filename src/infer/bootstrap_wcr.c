/* Restricted wild cluster bootstrap (WCR) by the algebra of Roodman et al.
 * (2019): see include/cpr/bootstrap.h. Notation (X'X)^-1 = A, a = row j
 * of A, u_r = u0 - r u1 the restricted residuals (u0 = M_{-j} y,
 * u1 = M_{-j} x_j). For a draw v:
 *   beta*_j - r = sum_g v_g c_g,            c_g = a' X_g' u_r,g
 *   CR score h  = v_h c_h - w_h' sum_g v_g A X_g' u_r,g,   w_h = X_h'X_h a
 * Both are linear in r, so the numerator is N0 - r N1 and the squared
 * score sum is qa - 2 r qb + r^2 qc: five numbers per draw. */
#include "cpr/bootstrap.h"
#include "cpr/linalg.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TIE_TOL 1e-9        /* |t*| within this relative distance of |t|: a tie */
#define BISECT_ITER 200

struct cpr_wcr {
    size_t B;
    int exact;
    double beta, se;        /* unrestricted beta_j and CR0 se */
    double *d;              /* 5 per draw: N0, N1, qa, qb, qc */
};

int cpr_wcr_enumerates(size_t G, size_t B, cpr_boot_weights wt)
{
    return wt == CPR_BOOT_RADEMACHER && G < 63 && ((size_t)1 << G) <= B;
}

/* Residuals of y on the columns of X other than j (y itself when k == 1). */
static int resid_minus_j(const double *X, size_t n, size_t k, size_t j, const double *y, double *u)
{
    if (k == 1) { memcpy(u, y, n * sizeof *u); return CPR_OK; }
    double *Xr = cpr_malloc(n * (k - 1) * sizeof *Xr);
    for (size_t c = 0, a = 0; c < k; c++)
        if (c != j) memcpy(Xr + (a++) * n, X + c * n, n * sizeof *Xr);
    cpr_ls ls;
    int rc = cpr_ols_qr(Xr, n, k - 1, y, 0, CPR_LS_QR, &ls);
    if (rc == CPR_OK) memcpy(u, ls.resid, n * sizeof *u);
    cpr_ls_clear(&ls);
    free(Xr);
    return rc;
}

static double webb_value(unsigned long u)
{
    static const double w[6] = { -1.2247448713915890, -1.0, -0.70710678118654752,
                                 0.70710678118654752, 1.0, 1.2247448713915890 };
    return w[u];
}

/* Per-cluster pieces: C0, C1 (G), T0, T1, W (G*k, row per cluster). */
typedef struct {
    size_t G, k;
    double *C0, *C1, *T0, *T1, *W;
} pieces;

static void pieces_free(pieces *p) { free(p->C0); free(p->C1); free(p->T0); free(p->T1); free(p->W); }

static void draw_stats(const pieces *p, const double *v, double *TV, double *out)
{
    size_t G = p->G, k = p->k;
    double N0 = 0, N1 = 0, qa = 0, qb = 0, qc = 0;
    for (size_t g = 0; g < G; g++) { N0 += v[g] * p->C0[g]; N1 += v[g] * p->C1[g]; }
    memset(TV, 0, 2 * k * sizeof *TV);
    for (size_t g = 0; g < G; g++)
        for (size_t c = 0; c < k; c++) { TV[c] += v[g] * p->T0[g * k + c]; TV[k + c] += v[g] * p->T1[g * k + c]; }
    for (size_t h = 0; h < G; h++) {
        double P = v[h] * p->C0[h], Q = v[h] * p->C1[h];
        for (size_t c = 0; c < k; c++) { P -= p->W[h * k + c] * TV[c]; Q -= p->W[h * k + c] * TV[k + c]; }
        qa += P * P; qb += P * Q; qc += Q * Q;
    }
    out[0] = N0; out[1] = N1; out[2] = qa; out[3] = qb; out[4] = qc;
}

int cpr_wcr_alloc(const double *X, size_t n, size_t k, const double *y,
                  const int *cluster, size_t G, size_t j,
                  const cpr_boot_spec *spec, cpr_wcr **out)
{
    *out = NULL;
    if (G < 2) return cpr_fail(CPR_E_NUMERIC, "wild cluster bootstrap: needs at least 2 clusters");
    if (j >= k || spec->B == 0) return cpr_fail(CPR_E_INTERNAL, "wild cluster bootstrap: bad coefficient or B");
    cpr_ls ls;
    int rc = cpr_ols_qr(X, n, k, y, 0, CPR_LS_QR, &ls);
    if (rc == CPR_OK && ls.k != k) rc = cpr_fail(CPR_E_NUMERIC, "wild cluster bootstrap: collinear regressors");
    if (rc != CPR_OK) { cpr_ls_clear(&ls); return rc; }
    const double *A = ls.bread, *a = ls.bread + j * k;
    double *u0 = cpr_malloc(n * sizeof *u0), *u1 = cpr_malloc(n * sizeof *u1);
    rc = resid_minus_j(X, n, k, j, y, u0);
    if (rc == CPR_OK) rc = resid_minus_j(X, n, k, j, X + j * n, u1);
    if (rc != CPR_OK) { free(u0); free(u1); cpr_ls_clear(&ls); return rc; }

    pieces p = { G, k, cpr_calloc(G, sizeof(double)), cpr_calloc(G, sizeof(double)),
                 cpr_calloc(G * k, sizeof(double)), cpr_calloc(G * k, sizeof(double)), cpr_calloc(G * k, sizeof(double)) };
    double *S0 = cpr_calloc(G * k, sizeof *S0), *S1 = cpr_calloc(G * k, sizeof *S1), *sc = cpr_calloc(G, sizeof *sc);
    for (size_t i = 0; i < n; i++) {
        size_t g = (size_t)cluster[i];
        double xa = 0;
        for (size_t c = 0; c < k; c++) xa += X[c * n + i] * a[c];
        sc[g] += xa * ls.resid[i];   /* unrestricted CR score of beta_j */
        for (size_t c = 0; c < k; c++) {
            double x = X[c * n + i];
            S0[g * k + c] += x * u0[i];
            S1[g * k + c] += x * u1[i];
            p.W[g * k + c] += x * xa;
        }
    }
    double se2 = 0;
    for (size_t g = 0; g < G; g++) {
        se2 += sc[g] * sc[g];
        for (size_t c = 0; c < k; c++) {
            p.C0[g] += a[c] * S0[g * k + c];
            p.C1[g] += a[c] * S1[g * k + c];
            for (size_t e = 0; e < k; e++) {
                p.T0[g * k + c] += A[c * k + e] * S0[g * k + e];
                p.T1[g * k + c] += A[c * k + e] * S1[g * k + e];
            }
        }
    }
    cpr_wcr *w = cpr_calloc(1, sizeof *w);
    w->beta = ls.beta[j];
    w->se = sqrt(se2);
    w->exact = cpr_wcr_enumerates(G, spec->B, spec->weights);
    w->B = w->exact ? (size_t)1 << G : spec->B;
    w->d = cpr_malloc(5 * w->B * sizeof *w->d);
    double *v = cpr_malloc(G * sizeof *v), *TV = cpr_malloc(2 * k * sizeof *TV);
    gsl_rng *rng = w->exact ? NULL : gsl_rng_alloc(gsl_rng_mt19937);
    if (rng) gsl_rng_set(rng, spec->seed);
    cpr_progress *prog = cpr_progress_start("wild cluster bootstrap", w->B);
    for (size_t b = 0; b < w->B; b++) {
        if ((b & 255) == 0) cpr_progress_update(prog, b);
        for (size_t g = 0; g < G; g++) {
            if (w->exact) v[g] = (b >> g) & 1 ? -1.0 : 1.0;
            else if (spec->weights == CPR_BOOT_WEBB) v[g] = webb_value(gsl_rng_uniform_int(rng, 6));
            else v[g] = gsl_rng_uniform_int(rng, 2) ? 1.0 : -1.0;
        }
        draw_stats(&p, v, TV, w->d + 5 * b);
    }
    cpr_progress_finish(prog);
    if (rng) gsl_rng_free(rng);
    free(v); free(TV); free(S0); free(S1); free(sc); free(u0); free(u1);
    pieces_free(&p);
    cpr_ls_clear(&ls);
    *out = w;
    return CPR_OK;
}

void cpr_wcr_free(cpr_wcr *w)
{
    if (!w) return;
    free(w->d);
    free(w);
}

double cpr_wcr_pvalue(const cpr_wcr *w, double r)
{
    double t = fabs(w->beta - r) / w->se, lim = t * (1.0 + TIE_TOL);
    size_t count = 0;
    for (size_t b = 0; b < w->B; b++) {
        const double *s = w->d + 5 * b;
        double num = s[0] - r * s[1], den2 = s[2] - 2.0 * r * s[3] + r * r * s[4];
        if (!(den2 > 0)) continue;   /* degenerate draw: t* undefined, not counted */
        if (fabs(num) > lim * sqrt(den2)) count++;
    }
    return (double)count / (double)w->B;
}

/* Walk outward from beta in steps of se/4 (40 steps, then doubling) to the
 * first r with p(r) < alpha, then bisect between it and the last r inside. */
static double ci_end(const cpr_wcr *w, double alpha, double dir)
{
    double in = w->beta, step = w->se > 0 ? w->se / 4 : fabs(w->beta) + 1.0, out = NAN;
    for (int m = 1; m <= 100; m++) {
        double r = w->beta + dir * step * (m <= 40 ? m : 40.0 * ldexp(1.0, m - 40));
        if (!isfinite(r)) break;
        if (cpr_wcr_pvalue(w, r) < alpha) { out = r; break; }
        in = r;
    }
    if (isnan(out)) return NAN;
    for (int it = 0; it < BISECT_ITER; it++) {
        double mid = 0.5 * (in + out);
        if (mid == in || mid == out) break;
        if (cpr_wcr_pvalue(w, mid) < alpha) out = mid; else in = mid;
    }
    return 0.5 * (in + out);
}

void cpr_wcr_ci(const cpr_wcr *w, double level, double *low, double *high)
{
    double alpha = 1.0 - level;
    *low = ci_end(w, alpha, -1.0);
    *high = ci_end(w, alpha, 1.0);
}

int cpr_wcr_test(const double *X, size_t n, size_t k, const double *y,
                 const int *cluster, size_t G, size_t j,
                 const cpr_boot_spec *spec, cpr_boot_out *out)
{
    cpr_wcr *w;
    int rc = cpr_wcr_alloc(X, n, k, y, cluster, G, j, spec, &w);
    if (rc != CPR_OK) return rc;
    out->B = w->B;
    out->exact = w->exact;
    out->estimate = w->beta;
    out->se = w->se;
    out->t = w->beta / w->se;
    out->p = cpr_wcr_pvalue(w, 0.0);
    cpr_wcr_ci(w, spec->conf_level, &out->low, &out->high);
    cpr_wcr_free(w);
    return CPR_OK;
}
