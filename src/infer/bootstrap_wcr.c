/* Wild cluster bootstrap by the algebra of Roodman et al. (2019) and, for
 * the CV3 variants, of MacKinnon, Nielsen & Webb (2023): see
 * include/cpr/bootstrap.h.
 *
 * WCR31 / WCU33 (CV3 t statistics). With A_g = X'X - X_g'X_g, c_g = A_g^-1 e_j,
 * a bootstrap sample y* = X b0 + w.v (w: restricted residuals u0 - r u1 for
 * WCR31, jackknife residuals y_g - X_g b_(g) for WCU33), s_h = X_h'w_h and
 * S = sum_h v_h s_h:
 *   beta*_j - b0_j        = a'S
 *   beta*_(g)j - beta*_j  = (c_g - a)'S - v_g c_g's_g,
 * linear in r again, so the same five numbers per draw serve p(r) for every
 * r; each draw costs O(G k).
 *
 * WCR (CV1 t). Notation (X'X)^-1 = A, a = row j
 * of A, u_r = u0 - r u1 the restricted residuals (u0 = M_{-j} y,
 * u1 = M_{-j} x_j). For a draw v:
 *   beta*_j - r = sum_g v_g c_g,            c_g = a' X_g' u_r,g
 *   CR score h  = v_h c_h - w_h' sum_g v_g A X_g' u_r,g,   w_h = X_h'X_h a
 * Both are linear in r, so the numerator is N0 - r N1 and the squared
 * score sum is qa - 2 r qb + r^2 qc: five numbers per draw. */
#include "cpr/bootstrap.h"
#include "jk_internal.h"
#include "boot_draws.h"
#include "cpr/threads.h"
#include "cpr/linalg.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TIE_TOL 1e-9        /* |t*| within this relative distance of |t|: a tie, counted as extreme */
#define BISECT_ITER 200

struct cpr_wcr {
    size_t B;
    int exact;
    double floor;           /* smallest p the draws can resolve */
    double beta, se;        /* unrestricted beta_j and its CR0 (WCR) or CV3 (WCR31, WCU33; no (G-1)/G) se */
    int centred;            /* WCU: t* centred on beta, so p(r) moves only through t */
    double *d;              /* 5 per draw: N0, N1, qa, qb, qc */
};

/* Number of weight vectors of G clusters, 0 when above max. */
static size_t n_vectors(size_t G, cpr_boot_weights wt, size_t max)
{
    size_t base = wt == CPR_BOOT_WEBB ? 6 : 2, m = 1;
    for (size_t g = 0; g < G; g++) {
        if (m > max / base) return 0;
        m *= base;
    }
    return m;
}

int cpr_wcr_enumerates(size_t G, size_t B, cpr_boot_weights wt)
{
    return n_vectors(G, wt, B) != 0;
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

/* CV3 pieces: per cluster c_g (k), s0_g, s1_g (k), e0_g = c_g's0_g, e1_g. */
typedef struct {
    size_t G, k;
    double *a, *ca, *S0, *S1, *E0, *E1;   /* a (k); ca = c_g - a (G*k); S (G*k); E (G) */
} jpieces;

static void jpieces_free(jpieces *p) { free(p->a); free(p->ca); free(p->S0); free(p->S1); free(p->E0); free(p->E1); }

static void draw_stats_cv3(const jpieces *p, const double *v, double *S, double *out)
{
    size_t G = p->G, k = p->k;
    double *S1 = S + k;
    memset(S, 0, 2 * k * sizeof *S);
    for (size_t h = 0; h < G; h++)
        for (size_t c = 0; c < k; c++) { S[c] += v[h] * p->S0[h * k + c]; S1[c] += v[h] * p->S1[h * k + c]; }
    double N0 = 0, N1 = 0, qa = 0, qb = 0, qc = 0;
    for (size_t c = 0; c < k; c++) { N0 += p->a[c] * S[c]; N1 += p->a[c] * S1[c]; }
    for (size_t g = 0; g < G; g++) {
        double P = -v[g] * p->E0[g], Q = -v[g] * p->E1[g];
        for (size_t c = 0; c < k; c++) { P += p->ca[g * k + c] * S[c]; Q += p->ca[g * k + c] * S1[c]; }
        qa += P * P; qb += P * Q; qc += Q * Q;
    }
    out[0] = N0; out[1] = N1; out[2] = qa; out[3] = qb; out[4] = qc;
}

/* The draws, on several threads: draws [first, first + count) cut into
 * ntask runs of consecutive draws, each task with its own buffers, writing
 * only its own rows of d. Draw b's weights depend on (seed, b) alone. */
typedef struct {
    const pieces *p;
    const jpieces *jp;
    int cv3, exact;
    size_t G, k, first, count, ntask;
    unsigned long seed;
    cpr_boot_weights weights;
    double *d;
} draw_job;

static void draw_task(void *arg, size_t t)
{
    const draw_job *j = arg;
    size_t lo, hi;
    cpr_threads_span(j->count, j->ntask, t, &lo, &hi);
    double *v = cpr_malloc((j->G ? j->G : 1) * sizeof *v), *TV = cpr_malloc(2 * j->k * sizeof *TV);
    for (size_t b = j->first + lo; b < j->first + hi; b++) {
        cpr_boot_draw_weights(j->seed, b, j->G, j->exact, j->weights, v);
        if (j->cv3) draw_stats_cv3(j->jp, v, TV, j->d + 5 * b);
        else draw_stats(j->p, v, TV, j->d + 5 * b);
    }
    free(v);
    free(TV);
}

/* The CV3 bootstraps: per-cluster X_g'X_g, c_g = (X'X - X_g'X_g)^-1 e_j
 * and the residual pieces; the actual CV3 se of beta_j. */
static int cv3_pieces(const double *X, size_t n, size_t k, const double *resid, const double *A,
                      const double *u0, const double *u1, const int *cluster, size_t G, size_t j,
                      cpr_boot_type type, jpieces *p, double *se)
{
    size_t *order = cpr_malloc((n ? n : 1) * sizeof *order), *start = cpr_malloc((G + 1) * sizeof *start);
    cpr_jk_group_rows(cluster, n, G, order, start);
    const double **col = cpr_malloc(k * sizeof *col);
    for (size_t c = 0; c < k; c++) col[c] = X + c * n;
    long double *C = cpr_calloc(k * k, sizeof *C), *Cg = cpr_malloc(G * k * k * sizeof *Cg);
    long double *se_ = cpr_malloc(G * k * sizeof *se_), *sg = cpr_malloc(k * sizeof *sg), *scale = cpr_malloc(k * sizeof *scale);
    long double *L = cpr_malloc(k * k * sizeof *L), *b = cpr_malloc(k * sizeof *b), *x = cpr_malloc(k * sizeof *x);
    unsigned char *keep = cpr_malloc(k);
    for (size_t g = 0; g < G; g++) {     /* X_g'X_g and X_g'u_hat_g */
        cpr_jk_cluster_cross(col, k, resid, order + start[g], start[g + 1] - start[g], Cg + g * k * k, se_ + g * k, NULL);
        for (size_t a = 0; a < k; a++)
            for (size_t c = 0; c < a; c++) Cg[g * k * k + a * k + c] = Cg[g * k * k + c * k + a];
        for (size_t a = 0; a < k * k; a++) C[a] += Cg[g * k * k + a];
    }
    for (size_t a = 0; a < k; a++) scale[a] = C[a * k + a];
    p->G = G; p->k = k;
    p->a = cpr_malloc(k * sizeof *p->a);
    p->ca = cpr_malloc(G * k * sizeof *p->ca);
    p->S0 = cpr_calloc(G * k, sizeof *p->S0); p->S1 = cpr_calloc(G * k, sizeof *p->S1);
    p->E0 = cpr_calloc(G, sizeof *p->E0); p->E1 = cpr_calloc(G, sizeof *p->E1);
    for (size_t c = 0; c < k; c++) p->a[c] = A[j * k + c];
    int rc = CPR_OK;
    long double se2 = 0;
    for (size_t g = 0; g < G && rc == CPR_OK; g++) {
        for (size_t a = 0; a < k * k; a++) L[a] = C[a] - Cg[g * k * k + a];
        cpr_jk_chol_drop(L, k, scale, keep);
        if (!keep[j]) { rc = cpr_fail(CPR_E_NUMERIC, "the CV3 wild bootstrap needs every leave-one-cluster-out fit: without "
                                      "cluster %zu the coefficient is not identified (use --boot-type wcr)", g + 1); break; }
        for (size_t a = 0; a < k; a++) b[a] = a == j;
        cpr_jk_chol_solve(L, k, keep, b, x);                      /* c_g */
        long double d = 0;
        for (size_t c = 0; c < k; c++) { p->ca[g * k + c] = (double)x[c] - p->a[c]; d += x[c] * se_[g * k + c]; }
        se2 += d * d;                                             /* (beta_(g)j - beta_j)^2 */
        /* residual pieces s_g = X_g'w_g */
        const size_t *rows = order + start[g];
        size_t m = start[g + 1] - start[g];
        if (type == CPR_BOOT_WCU33) {
            /* jackknife residuals: w_g = u_g + X_g A_g^+ X_g'u_g, so s_g = X_g'u_g + X_g'X_g A_g^+ X_g'u_g */
            long double *z = cpr_malloc(k * sizeof *z);
            for (size_t a = 0; a < k; a++) b[a] = se_[g * k + a];
            cpr_jk_chol_solve(L, k, keep, b, z);
            for (size_t a = 0; a < k; a++) {
                long double s = se_[g * k + a];
                for (size_t c = 0; c < k; c++) s += Cg[g * k * k + a * k + c] * z[c];
                p->S0[g * k + a] = (double)s;
            }
            free(z);
        } else {
            for (size_t r = 0; r < m; r++) {
                size_t i = rows[r];
                for (size_t a = 0; a < k; a++) {
                    p->S0[g * k + a] += X[a * n + i] * u0[i];
                    p->S1[g * k + a] += X[a * n + i] * u1[i];
                }
            }
        }
        long double e0 = 0, e1 = 0;
        for (size_t c = 0; c < k; c++) { e0 += x[c] * p->S0[g * k + c]; e1 += x[c] * p->S1[g * k + c]; }
        p->E0[g] = (double)e0; p->E1[g] = (double)e1;
    }
    *se = sqrt((double)se2);
    free(order); free(start); free(col); free(C); free(Cg); free(se_); free(sg); free(scale); free(L); free(b); free(x); free(keep);
    return rc;
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
    jpieces jp = { 0 };
    int cv3 = spec->type == CPR_BOOT_WCR31 || spec->type == CPR_BOOT_WCU33;
    if (cv3) {
        rc = cv3_pieces(X, n, k, ls.resid, A, u0, u1, cluster, G, j, spec->type, &jp, &w->se);
        if (rc != CPR_OK) {
            jpieces_free(&jp); free(w); free(S0); free(S1); free(sc); free(u0); free(u1);
            pieces_free(&p); cpr_ls_clear(&ls);
            return rc;
        }
    }
    w->centred = spec->type == CPR_BOOT_WCU33;
    size_t nv = n_vectors(G, spec->weights, spec->B);
    w->exact = nv != 0;
    w->B = w->exact ? nv : spec->B;
    /* under enumeration the weight vectors proportional to 1 (2 Rademacher,
     * 6 Webb) reproduce |t| for the restricted bootstraps, and v, -v always
     * tie: the smallest attainable p */
    w->floor = !w->exact ? 1.0 / (double)w->B
             : (w->centred ? 2.0 : spec->weights == CPR_BOOT_WEBB ? 6.0 : 2.0) / (double)w->B;
    w->d = cpr_malloc(5 * w->B * sizeof *w->d);
    cpr_progress *prog = cpr_progress_start("wild cluster bootstrap", w->B);
    /* Batches of draws between progress updates; within a batch, tasks of
     * DRAWS_PER_TASK draws whatever the thread count (small jobs: one task,
     * no thread started). */
    enum { DRAWS_PER_TASK = 256, TASKS_PER_BATCH = 16 };
    const size_t batch = DRAWS_PER_TASK * TASKS_PER_BATCH;
    for (size_t b0 = 0; b0 < w->B; b0 += batch) {
        cpr_progress_update(prog, b0);
        size_t nb = w->B - b0 < batch ? w->B - b0 : batch;
        draw_job job = {&p, &jp, cv3, w->exact, G, k, b0, nb, (nb + DRAWS_PER_TASK - 1) / DRAWS_PER_TASK,
                        spec->seed, spec->weights, w->d};
        if (G * k * nb < 200000) job.ntask = 1; /* a thread would cost more than it saves */
        cpr_threads_run(job.ntask, draw_task, &job);
    }
    cpr_progress_finish(prog);
    jpieces_free(&jp);
    free(S0); free(S1); free(sc); free(u0); free(u1);
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

/* p(r) = #{b : |t*_b| >= |t(r)|} / B over every draw (Roodman et al.
 * 2019): ties count as extreme, and so does a degenerate draw (zero
 * bootstrap variance: |t*| infinite or undefined), which is conservative. */
double cpr_wcr_pvalue(const cpr_wcr *w, double r)
{
    double t = fabs(w->beta - r) / w->se, lim = t * (1.0 - TIE_TOL);
    size_t count = 0;
    for (size_t b = 0; b < w->B; b++) {
        const double *s = w->d + 5 * b;
        double num = s[0] - r * s[1], den2 = s[2] - 2.0 * r * s[3] + r * r * s[4];
        if (!(den2 > 0) || fabs(num) >= lim * sqrt(den2)) count++;
    }
    return (double)count / (double)w->B;
}

size_t cpr_wcr_degenerate(const cpr_wcr *w, double r)
{
    size_t m = 0;
    for (size_t b = 0; b < w->B; b++) {
        const double *s = w->d + 5 * b;
        m += !(s[2] - 2.0 * r * s[3] + r * r * s[4] > 0);
    }
    return m;
}

/* Walk outward from beta in steps of se/4 (40 steps, then doubling) to the
 * first r with p(r) < alpha, then bisect between it and the last r inside. */
static double ci_end(const cpr_wcr *w, double alpha, double dir)
{
    double in = w->beta, step = w->se > 0 ? w->se / 4 : fabs(w->beta) + 1.0, out = NAN;
    if (w->floor >= alpha) return NAN;   /* no value can be rejected: unbounded */
    /* up to 40 * 2^20 steps (10^7 standard errors): beyond, rounding in the
     * quadratic variance decides, not the data */
    for (int m = 1; m <= 60; m++) {
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
    out->p_floor = w->floor;
    out->n_degenerate = cpr_wcr_degenerate(w, 0.0);
    cpr_wcr_ci(w, spec->conf_level, &out->low, &out->high);
    cpr_wcr_free(w);
    return CPR_OK;
}
