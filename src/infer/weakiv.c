/* Weak-instrument diagnostics for any number K of endogenous regressors,
 * on the partialled arrays (iv_internal.h):
 * - Cragg-Donald (1993) F: (N - L)/L1 times the smallest eigenvalue of
 *   (X'M_Z X)^-1 X'P_Z X (iid errors), with Stock-Yogo critical values;
 * - Sanderson-Windmeijer (2016) conditional F per endogenous regressor:
 *   the 2SLS residual of x_j on the other endogenous regressors,
 *   instrumented by Z, tested on Z with the model's variance, df L1-K+1;
 * - Kleibergen-Paap (2006) rk LM and Wald statistics of the null that
 *   Pi has rank K-1, by the algorithm of ranktest (Kleibergen and Schaffer)
 *   written out in closed form: lambda = a_q' T b_q with T = Fz Pi Gy^-1, the
 *   covariance of vec(Pi) robust (HC) or clustered; LM with the partialled
 *   X, Wald with the first-stage residuals. The Wald F is rk/L1 times the
 *   model's small-sample factor, so that with one endogenous regressor it
 *   is the first-stage robust Wald F.
 * Checked against a direct R transcription of the same formulas (ranktest's
 * Kronecker form): tests/unit/oracle/iv_methods.R. */
#include "iv_internal.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/stock_yogo.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* C (a*b row-major) = A'B, A n*a and B n*b column-major */
static void xtx(const double *A, size_t a, const double *B, size_t b, size_t n, double *C)
{
    for (size_t i = 0; i < a; i++)
        for (size_t j = 0; j < b; j++) {
            long double s = 0;
            for (size_t r = 0; r < n; r++) s += (long double)A[i * n + r] * B[j * n + r];
            C[i * b + j] = (double)s;
        }
}

/* Lower Cholesky factor of the SPD k*k row-major S (in L). */
static int chol_lower(const double *S, size_t k, double *L)
{
    memcpy(L, S, k * k * sizeof *L);
    gsl_matrix_view m = gsl_matrix_view_array(L, k, k);
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int e = gsl_linalg_cholesky_decomp1(&m.matrix);
    gsl_set_error_handler(old);
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++) L[i * k + j] = 0;
    return e ? cpr_fail(CPR_E_NUMERIC, "Kleibergen-Paap: a moment matrix is not positive definite") : CPR_OK;
}

/* In-place inverse of a lower-triangular k*k matrix; GSL's status. */
static int tri_inverse(double *L, size_t k)
{
    gsl_matrix_view m = gsl_matrix_view_array(L, k, k);
    return gsl_linalg_tri_lower_invert(&m.matrix);
}

/* rk statistic for Y rows y (n*K: partialled X for LM, residuals for Wald). */
static int kp_stat(const iv_part *p, const double *pihat, const double *yrows, double *rk)
{
    size_t n = p->n, K = p->K, L = p->L1, m = L - K + 1;
    double *yy = cpr_malloc(K * K * sizeof *yy), *zz = cpr_malloc(L * L * sizeof *zz);
    double *Ry = cpr_malloc(K * K * sizeof *Ry), *Rz = cpr_malloc(L * L * sizeof *Rz);
    xtx(p->x, K, p->x, K, n, yy);
    xtx(p->z, L, p->z, L, n, zz);
    int rc = chol_lower(yy, K, Ry);
    if (rc == CPR_OK) rc = chol_lower(zz, L, Rz);
    double *T = cpr_calloc(L * K, sizeof *T), *aq = cpr_calloc(L * m, sizeof *aq), *c = cpr_calloc(K, sizeof *c);
    double *lab = cpr_calloc(m, sizeof *lab), *Vl = cpr_calloc(m * m, sizeof *Vl), *D = cpr_calloc(m * L, sizeof *D);
    if (rc == CPR_OK) {
        /* T = Rz' Pi Ry'^-1  (Ry'^-1 = (Ry^-1)') */
        double *iRy = cpr_malloc(K * K * sizeof *iRy), *tmp = cpr_calloc(L * K, sizeof *tmp);
        memcpy(iRy, Ry, K * K * sizeof *iRy);
        int gs = tri_inverse(iRy, K);
        for (size_t a = 0; a < L; a++)        /* tmp = Rz' Pi (pihat: L*K row-major) */
            for (size_t k = 0; k < K; k++) {
                double s = 0;
                for (size_t b = 0; b < L; b++) s += Rz[b * L + a] * pihat[b * K + k];
                tmp[a * K + k] = s;
            }
        for (size_t a = 0; a < L; a++)
            for (size_t k = 0; k < K; k++) {
                double s = 0;
                for (size_t j = 0; j < K; j++) s += tmp[a * K + j] * iRy[k * K + j];
                T[a * K + k] = s;
            }
        /* thin SVD T = U S V' (L >= K): U in Tu, singular values decreasing */
        gsl_matrix *Tu = gsl_matrix_alloc(L, K), *V = gsl_matrix_alloc(K, K);
        gsl_vector *S = gsl_vector_alloc(K), *w = gsl_vector_alloc(K);
        for (size_t a = 0; a < L; a++)
            for (size_t k = 0; k < K; k++) gsl_matrix_set(Tu, a, k, T[a * K + k]);
        if (!gs) gs = gsl_linalg_SV_decomp(Tu, V, S, w);
        /* a_q = P[:, b] P[b, b]^-1/2, P = I - U1 U1' (U1: first K-1 columns), b = rows K-1..L-1 */
        double *P = cpr_calloc(L * L, sizeof *P);
        for (size_t a = 0; a < L; a++)
            for (size_t b = 0; b < L; b++) {
                double s = a == b;
                for (size_t k = 0; k + 1 < K; k++) s -= gsl_matrix_get(Tu, a, k) * gsl_matrix_get(Tu, b, k);
                P[a * L + b] = s;
            }
        gsl_matrix *Bb = gsl_matrix_alloc(m, m), *E = gsl_matrix_alloc(m, m);
        gsl_vector *ev = gsl_vector_alloc(m);
        for (size_t a = 0; a < m; a++)
            for (size_t b = 0; b < m; b++) gsl_matrix_set(Bb, a, b, P[(K - 1 + a) * L + K - 1 + b]);
        gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(m);
        if (!gs) gs = gsl_eigen_symmv(Bb, ev, E, ws);
        gsl_eigen_symmv_free(ws);
        double *Bh = cpr_calloc(m * m, sizeof *Bh);   /* Bb^-1/2 */
        for (size_t a = 0; a < m; a++)
            for (size_t b = 0; b < m; b++) {
                double s = 0;
                for (size_t e = 0; e < m; e++)
                    s += gsl_matrix_get(E, a, e) * gsl_matrix_get(E, b, e) / sqrt(gsl_vector_get(ev, e));
                Bh[a * m + b] = s;
            }
        for (size_t a = 0; a < L; a++)
            for (size_t j = 0; j < m; j++) {
                double s = 0;
                for (size_t b = 0; b < m; b++) s += P[a * L + K - 1 + b] * Bh[b * m + j];
                aq[a * m + j] = s;
            }
        /* b_q = last right singular vector; lambda = a_q' T b_q; c = (Ry^-1)' b_q */
        for (size_t j = 0; j < m; j++) {
            double s = 0;
            for (size_t a = 0; a < L; a++)
                for (size_t k = 0; k < K; k++) s += aq[a * m + j] * T[a * K + k] * gsl_matrix_get(V, k, K - 1);
            lab[j] = s;
        }
        for (size_t k = 0; k < K; k++) {
            double s = 0;
            for (size_t j = 0; j < K; j++) s += iRy[j * K + k] * gsl_matrix_get(V, j, K - 1);
            c[k] = s;
        }
        /* D = a_q' Rz^-1 (m*L) */
        double *iRz = cpr_malloc(L * L * sizeof *iRz);
        memcpy(iRz, Rz, L * L * sizeof *iRz);
        if (!gs) gs = tri_inverse(iRz, L);
        for (size_t j = 0; j < m; j++)
            for (size_t l = 0; l < L; l++) {
                double s = 0;
                for (size_t a = 0; a < L; a++) s += aq[a * m + j] * iRz[a * L + l];
                D[j * L + l] = s;
            }
        /* Vl = sum over observations or clusters of (e_i D z_i)(...)', e_i = y_i c */
        int cl = p->se == CPR_SE_CLUSTER && p->d->cluster;
        size_t G = cl ? p->d->n_clusters : n;
        double *s = cpr_calloc(G * m, sizeof *s);
        for (size_t i = 0; i < n; i++) {
            double e = 0;
            for (size_t k = 0; k < K; k++) e += yrows[k * n + i] * c[k];
            size_t g = cl ? (size_t)p->d->cluster[i] : i;
            for (size_t j = 0; j < m; j++) {
                double t = 0;
                for (size_t l = 0; l < L; l++) t += D[j * L + l] * p->z[l * n + i];
                s[g * m + j] += e * t;
            }
        }
        for (size_t g = 0; g < G; g++)
            for (size_t a = 0; a < m; a++)
                for (size_t b = 0; b < m; b++) Vl[a * m + b] += s[g * m + a] * s[g * m + b];
        rc = gs ? cpr_fail(CPR_E_NUMERIC, "Kleibergen-Paap: a matrix decomposition failed (%s)", gsl_strerror(gs))
                : cpr_spd_inverse(Vl, m);
        if (rc == CPR_OK) {
            double q = 0;
            for (size_t a = 0; a < m; a++)
                for (size_t b = 0; b < m; b++) q += lab[a] * Vl[a * m + b] * lab[b];
            *rk = q;
        }
        free(s); free(iRz); free(Bh); free(P); free(iRy); free(tmp);
        gsl_matrix_free(Bb); gsl_matrix_free(E); gsl_vector_free(ev);
        gsl_matrix_free(Tu); gsl_matrix_free(V); gsl_vector_free(S); gsl_vector_free(w);
    }
    free(yy); free(zz); free(Ry); free(Rz); free(T); free(aq); free(c); free(lab); free(Vl); free(D);
    return rc;
}

/* Factor turning the HC0/CR0 statistic into the model's small-sample one. */
static double kp_factor(const iv_part *p)
{
    double N = (double)p->n;
    if (p->se == CPR_SE_HC1) return p->dfr / N;
    if (p->se == CPR_SE_CLUSTER && p->ssc != CPR_SSC_NONE) {
        double G = (double)p->d->n_clusters;
        return (G - 1.0) / G * (N - p->k_stata) / (N - 1.0);
    }
    return 1.0;
}

static void add_sy(const iv_part *p, const cpr_model_spec *s, cpr_result *r)
{
    cpr_sy_kind kinds[2] = { CPR_SY_2SLS_BIAS, s->iv_method == CPR_IV_LIML ? CPR_SY_LIML_SIZE : CPR_SY_2SLS_SIZE };
    const char *names[2] = { "2SLS relative bias", s->iv_method == CPR_IV_LIML ? "LIML size" : "2SLS size" };
    for (int t = 0; t < 2; t++) {
        char buf[256] = "";
        int any = 0;
        for (int col = 0; col < 4; col++) {
            double cv = cpr_stock_yogo_cv(kinds[t], p->K, p->L1, col);
            if (isnan(cv)) continue;
            char *nm = cpr_asprintf("sy_%s_%d", t == 0 ? "bias" : s->iv_method == CPR_IV_LIML ? "liml_size" : "size",
                                    cpr_stock_yogo_pct(kinds[t], col));
            char *lb = cpr_asprintf("Stock-Yogo critical value, %s %d%%", names[t], cpr_stock_yogo_pct(kinds[t], col));
            cpr_result_add_stat(r, nm, lb, cv, 0);
            free(nm); free(lb);
            size_t len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%s%d%%: %.2f", any++ ? ", " : "", cpr_stock_yogo_pct(kinds[t], col), cv);
        }
        if (any) cpr_result_add_note(r, "Stock-Yogo (2005) critical values for the Cragg-Donald F, %s: %s%s", names[t], buf,
                                     s->se == CPR_SE_IID ? "" : " (derived for iid errors: only indicative beside the Kleibergen-Paap F)");
    }
    if (p->L1 > 10 || p->K > 3)
        cpr_result_add_note(r, "Stock-Yogo critical values are tabulated here for at most 10 excluded instruments and 3 endogenous regressors");
}

int iv_weak_add(const iv_part *p, const cpr_model_spec *s, cpr_result *r)
{
    size_t n = p->n, K = p->K, L = p->L1;
    double *pi = cpr_malloc(L * K * sizeof *pi), *Mx = cpr_malloc(n * K * sizeof *Mx), *b = cpr_malloc(L * sizeof *b);
    for (size_t k = 0; k < K; k++) {
        iv_part_ols(p, p->x + k * n, b, Mx + k * n);
        for (size_t l = 0; l < L; l++) pi[l * K + k] = b[l];
    }
    /* Cragg-Donald */
    double *A = cpr_malloc(K * K * sizeof *A), *S = cpr_malloc(K * K * sizeof *S), lam = NAN;
    xtx(p->x, K, p->x, K, n, A);
    xtx(Mx, K, Mx, K, n, S);
    for (size_t i = 0; i < K * K; i++) A[i] -= S[i];
    cpr_error_scope es;   /* a statistic that cannot be computed is left out */
    cpr_error_scope_begin(&es);
    int rc = cpr_sym_geneig_min(A, S, K, &lam);
    cpr_error_scope_end(&es);
    if (rc == CPR_OK) {
        double cd = p->dfr / (double)L * lam;
        cpr_result_add_stat(r, "cragg_donald_f", "Cragg-Donald Wald F (iid)", cd, 0);
        add_sy(p, s, r);
    }
    /* Sanderson-Windmeijer conditional F per endogenous regressor */
    double df1 = (double)(L - K + 1), df2 = iv_part_df(p);
    for (size_t j = 0; j < K; j++) {
        double *eps = cpr_malloc(n * sizeof *eps), *re = cpr_malloc(n * sizeof *re), F = NAN;
        memcpy(eps, p->x + j * n, n * sizeof *eps);
        int ok = 1;
        if (K > 1) {
            /* delta = (Xh'X_-j)^-1 Xh' x_j, Xh = P_Z X_-j = X_-j - M X_-j */
            size_t m = K - 1;
            double *Q = cpr_malloc(m * m * sizeof *Q), *q = cpr_malloc(m * sizeof *q);
            for (size_t a = 0, ia = 0; a < K; a++) {
                if (a == j) continue;
                for (size_t c = 0, ic = 0; c < K; c++) {
                    if (c == j) continue;
                    long double t = 0;
                    for (size_t i = 0; i < n; i++) t += ((long double)p->x[a * n + i] - Mx[a * n + i]) * p->x[c * n + i];
                    Q[ia * m + ic++] = (double)t;
                }
                long double t = 0;
                for (size_t i = 0; i < n; i++) t += ((long double)p->x[a * n + i] - Mx[a * n + i]) * p->x[j * n + i];
                q[ia++] = (double)t;
            }
            /* Q is not symmetric: solve by LU */
            gsl_matrix_view Qm = gsl_matrix_view_array(Q, m, m);
            gsl_vector_view qv = gsl_vector_view_array(q, m);
            gsl_vector *dl = gsl_vector_alloc(m);
            gsl_permutation *pm = gsl_permutation_alloc(m);
            int sg;
            gsl_error_handler_t *old = gsl_set_error_handler_off();
            ok = !gsl_linalg_LU_decomp(&Qm.matrix, pm, &sg) && !gsl_linalg_LU_solve(&Qm.matrix, pm, &qv.vector, dl);
            gsl_set_error_handler(old);
            for (size_t a = 0, ia = 0; ok && a < K; a++) {
                if (a == j) continue;
                double dd = gsl_vector_get(dl, ia++);
                for (size_t i = 0; i < n; i++) eps[i] -= dd * p->x[a * n + i];
            }
            gsl_vector_free(dl); gsl_permutation_free(pm); free(Q); free(q);
        }
        double W = NAN;
        iv_part_ols(p, eps, b, re);
        cpr_error_scope_begin(&es);
        ok = ok && iv_part_wald(p, b, re, &W) == CPR_OK;
        cpr_error_scope_end(&es);
        if (ok) {
            /* the conditional regression has K-1 fewer df in the numerator */
            F = W / df1;
            if (K > 1 && p->se == CPR_SE_IID) {
                long double ee = 0, rr = 0;
                for (size_t i = 0; i < n; i++) { ee += (long double)eps[i] * eps[i]; rr += (long double)re[i] * re[i]; }
                F = (double)((ee - rr) / df1 / (rr / p->dfr));
            }
            double pv = df2 > 0 ? gsl_cdf_fdist_Q(F, df1, df2) : gsl_cdf_chisq_Q(W, df1);
            char *nm = cpr_asprintf("sw_f_%zu", j + 1), *lb = cpr_asprintf("Sanderson-Windmeijer F, %s", p->d->names[p->v.kex + j]);
            cpr_result_add_stat(r, nm, lb, F, 0);
            cpr_result_add_test(r, nm, lb, F, df1, df2 > 0 ? df2 : 0, pv,
                                "H0: this endogenous regressor is not identified given the others (weak instruments); "
                                "conditional first-stage F, df L1 - K + 1 (Sanderson and Windmeijer 2016)");
            free(nm); free(lb);
        }
        free(eps); free(re);
    }
    /* Kleibergen-Paap rk LM and Wald F (robust or clustered variances) */
    int kp_ok = p->se == CPR_SE_HC0 || p->se == CPR_SE_HC1 || p->se == CPR_SE_CLUSTER;
    if (kp_ok) {
        double lm = NAN, wd = NAN;
        cpr_error_scope_begin(&es);
        int e1 = kp_stat(p, pi, p->x, &lm), e2 = e1 ? e1 : kp_stat(p, pi, Mx, &wd);
        if (!e1 && !e2) {
            double q = (double)(L - K + 1), F = wd / (double)L * kp_factor(p);
            cpr_result_add_stat(r, "kp_rk_lm", "Kleibergen-Paap rk LM (underidentification)", lm, 0);
            cpr_result_add_test(r, "kp_rk_lm", "Kleibergen-Paap rk LM (underidentification)", lm, q, 0, gsl_cdf_chisq_Q(lm, q),
                                "H0: the equation is underidentified (rank of the first-stage coefficients < number of endogenous regressors)");
            cpr_result_add_stat(r, "kp_rk_wald_f", "Kleibergen-Paap rk Wald F (weak identification)", F, 0);
        } else {
            /* said, not silently left out */
            cpr_result_add_note(r, "Kleibergen-Paap statistics not computed: %s", cpr_last_error());
        }
        cpr_error_scope_end(&es);
    } else if (p->se != CPR_SE_IID)
        cpr_result_add_note(r, "Kleibergen-Paap statistics are computed with --se hc0, hc1 or cluster only");
    if (p->cr1_instead) cpr_result_add_note(r, "IV diagnostics use CR1 cluster-robust variances (the model's CR2/CR3 does not apply to them)");
    free(pi); free(Mx); free(b); free(A); free(S);
    return CPR_OK;
}
