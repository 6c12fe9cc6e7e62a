/* The per-cluster pieces of the wild cluster bootstrap (algebra at the top
 * of bootstrap_wcr.c): everything the draws need, made once.
 *
 * Cross-product route (WCR, every coefficient at once, two passes over the
 * rows, no n-length array): with C = X'X and A = C^-1 accumulated and
 * solved in long double, beta = A X'y, E_g = X_g'e_g (e the unrestricted
 * residuals), a = A e_j and W_g = X_g'X_g a, the restricted pieces follow
 * from two identities of the partitioned inverse:
 *   u1 = M_{-j} x_j = X a / a_j,  so  X_g'u1_g = W_g / a_j;
 *   u0 = M_{-j} y = e + beta_j u1, so X_g'u0_g = E_g + beta_j X_g'u1_g.
 * Before, every coefficient cost two QR fits of n rows for u0 and u1 and a
 * third for the full regression (a third of a 10^6-row bootstrap's time).
 *
 * QR route (the CV3 types, which need the residuals row by row, and
 * designs so close to collinear that the normal equations would lose
 * digits: some column's squared distance from the others' span below
 * QR_BELOW of its squared norm): the full QR fit and u0, u1 by QR, as
 * before. */
#include "bootstrap_internal.h"
#include "jk_internal.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Relative pivot below which the QR route is taken: a variance inflation
 * factor of 10^6, where long double normal equations still keep about 13
 * digits. */
#define QR_BELOW 1e-6

int cpr_wcr_force_qr = 0;

static void pieces_alloc(cpr_wcr_pieces *p, size_t G, size_t k)
{
    p->G = G; p->k = k;
    p->C0 = cpr_calloc(G, sizeof(double)); p->C1 = cpr_calloc(G, sizeof(double));
    p->T0 = cpr_calloc(G * k, sizeof(double)); p->T1 = cpr_calloc(G * k, sizeof(double));
    p->W = cpr_calloc(G * k, sizeof(double));
}

void cpr_wcr_setup_clear(cpr_wcr_setup *s)
{
    free(s->p.C0); free(s->p.C1); free(s->p.T0); free(s->p.T1); free(s->p.W);
    free(s->jp.a); free(s->jp.ca); free(s->jp.S0); free(s->jp.S1); free(s->jp.E0); free(s->jp.E1);
    memset(s, 0, sizeof *s);
}

/* ---- cross-product route ---- */

/* 0: done; 1: take the QR route. */
static int setup_cross(const double *X, size_t n, size_t k, const double *y, const int *cluster,
                       size_t G, size_t j0, size_t nj, cpr_wcr_setup *set)
{
    long double *C = cpr_calloc(k * k, sizeof *C), *s = cpr_calloc(k, sizeof *s);
    for (size_t i = 0; i < n; i++)            /* pass 1: X'X (upper triangle), X'y */
        for (size_t a = 0; a < k; a++) {
            long double xa = X[a * n + i];
            s[a] += xa * y[i];
            for (size_t c = a; c < k; c++) C[a * k + c] += xa * X[c * n + i];
        }
    long double *L = cpr_malloc(k * k * sizeof *L), *scale = cpr_malloc(k * sizeof *scale);
    unsigned char *keep = cpr_malloc(k);
    for (size_t a = 0; a < k; a++) {
        scale[a] = C[a * k + a];
        for (size_t c = 0; c < k; c++) L[a * k + c] = a <= c ? C[a * k + c] : C[c * k + a];
    }
    cpr_jk_chol_drop(L, k, scale, keep);
    int qr = 0;
    for (size_t a = 0; a < k; a++)
        if (!keep[a] || L[a * k + a] * L[a * k + a] < QR_BELOW * scale[a]) qr = 1;
    long double *A = NULL, *beta = NULL, *E = NULL;
    double *W = NULL;
    if (qr) goto done;
    A = cpr_malloc(k * k * sizeof *A);
    beta = cpr_malloc(k * sizeof *beta);
    long double *e1 = cpr_malloc(k * sizeof *e1);
    for (size_t a = 0; a < k; a++) {
        for (size_t c = 0; c < k; c++) e1[c] = c == a;
        cpr_jk_chol_solve(L, k, keep, e1, A + a * k);
    }
    free(e1);
    cpr_jk_chol_solve(L, k, keep, s, beta);
    /* pass 2: E_g = X_g'e_g, and W_g = X_g'X_g a for each coefficient */
    E = cpr_calloc(G * k, sizeof *E);
    W = cpr_calloc(nj * G * k, sizeof *W);
    for (size_t i = 0; i < n; i++) {
        size_t g = (size_t)cluster[i];
        long double e = y[i];
        for (size_t c = 0; c < k; c++) e -= X[c * n + i] * beta[c];
        for (size_t c = 0; c < k; c++) E[g * k + c] += X[c * n + i] * e;
        for (size_t jj = 0; jj < nj; jj++) {
            const long double *a = A + (j0 + jj) * k;
            double xa = 0;
            for (size_t c = 0; c < k; c++) xa += X[c * n + i] * (double)a[c];
            double *w = W + (jj * G + g) * k;
            for (size_t c = 0; c < k; c++) w[c] += X[c * n + i] * xa;
        }
    }
    long double *S0 = cpr_malloc(k * sizeof *S0), *S1 = cpr_malloc(k * sizeof *S1);
    for (size_t jj = 0; jj < nj; jj++) {
        size_t j = j0 + jj;
        const long double *a = A + j * k;
        cpr_wcr_setup *st = set + jj;
        cpr_wcr_pieces *p = &st->p;
        pieces_alloc(p, G, k);
        long double se2 = 0;
        for (size_t g = 0; g < G; g++) {
            const long double *Eg = E + g * k;
            const double *Wg = W + (jj * G + g) * k;
            long double sc = 0, c0 = 0, c1 = 0;
            for (size_t c = 0; c < k; c++) {
                S1[c] = Wg[c] / a[j];
                S0[c] = Eg[c] + beta[j] * S1[c];
                sc += a[c] * Eg[c];            /* unrestricted CR score of beta_j */
                c0 += a[c] * S0[c];
                c1 += a[c] * S1[c];
            }
            se2 += sc * sc;
            p->C0[g] = (double)c0;
            p->C1[g] = (double)c1;
            for (size_t c = 0; c < k; c++) {
                long double t0 = 0, t1 = 0;
                for (size_t e = 0; e < k; e++) { t0 += A[c * k + e] * S0[e]; t1 += A[c * k + e] * S1[e]; }
                p->T0[c * G + g] = (double)t0;
                p->T1[c * G + g] = (double)t1;
                p->W[c * G + g] = Wg[c];
            }
        }
        st->beta = (double)beta[j];
        st->se = sqrt((double)se2);
    }
    free(S0); free(S1);
done:
    free(C); free(s); free(L); free(scale); free(keep); free(A); free(beta); free(E); free(W);
    return qr;
}

/* ---- QR route ---- */

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

/* The CV3 bootstraps: per-cluster X_g'X_g, c_g = (X'X - X_g'X_g)^-1 e_j
 * and the residual pieces; the actual CV3 se of beta_j. */
static int cv3_pieces(const double *X, size_t n, size_t k, const double *resid, const double *A,
                      const double *u0, const double *u1, const int *cluster, size_t G, size_t j,
                      cpr_boot_type type, cpr_wcr_jpieces *p, double *se)
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

/* One coefficient by the QR route, given the full fit ls. */
static int setup_qr_one(const double *X, size_t n, size_t k, const double *y, const int *cluster,
                        size_t G, size_t j, cpr_boot_type type, const cpr_ls *ls, cpr_wcr_setup *st)
{
    const double *A = ls->bread, *a = ls->bread + j * k;
    double *u0 = cpr_malloc(n * sizeof *u0), *u1 = cpr_malloc(n * sizeof *u1);
    int rc = resid_minus_j(X, n, k, j, y, u0);
    if (rc == CPR_OK) rc = resid_minus_j(X, n, k, j, X + j * n, u1);
    if (rc != CPR_OK) { free(u0); free(u1); return rc; }
    st->beta = ls->beta[j];
    st->cv3 = type == CPR_BOOT_WCR31 || type == CPR_BOOT_WCU33;
    if (st->cv3) {
        rc = cv3_pieces(X, n, k, ls->resid, A, u0, u1, cluster, G, j, type, &st->jp, &st->se);
        free(u0); free(u1);
        return rc;
    }
    cpr_wcr_pieces *p = &st->p;
    pieces_alloc(p, G, k);
    double *S0 = cpr_calloc(G * k, sizeof *S0), *S1 = cpr_calloc(G * k, sizeof *S1), *sc = cpr_calloc(G, sizeof *sc);
    double *W = cpr_calloc(G * k, sizeof *W);
    for (size_t i = 0; i < n; i++) {
        size_t g = (size_t)cluster[i];
        double xa = 0;
        for (size_t c = 0; c < k; c++) xa += X[c * n + i] * a[c];
        sc[g] += xa * ls->resid[i];   /* unrestricted CR score of beta_j */
        for (size_t c = 0; c < k; c++) {
            double x = X[c * n + i];
            S0[g * k + c] += x * u0[i];
            S1[g * k + c] += x * u1[i];
            W[g * k + c] += x * xa;
        }
    }
    double se2 = 0;
    for (size_t g = 0; g < G; g++) {
        se2 += sc[g] * sc[g];
        for (size_t c = 0; c < k; c++) {
            p->C0[g] += a[c] * S0[g * k + c];
            p->C1[g] += a[c] * S1[g * k + c];
            p->W[c * G + g] = W[g * k + c];
            double t0 = 0, t1 = 0;
            for (size_t e = 0; e < k; e++) {
                t0 += A[c * k + e] * S0[g * k + e];
                t1 += A[c * k + e] * S1[g * k + e];
            }
            p->T0[c * G + g] = t0;
            p->T1[c * G + g] = t1;
        }
    }
    st->se = sqrt(se2);
    free(S0); free(S1); free(sc); free(W); free(u0); free(u1);
    return CPR_OK;
}

int cpr_wcr_setup_range(const double *X, size_t n, size_t k, const double *y, const int *cluster,
                        size_t G, size_t j0, size_t nj, cpr_boot_type type, cpr_wcr_setup *set)
{
    if (type == CPR_BOOT_WCR && !cpr_wcr_force_qr && setup_cross(X, n, k, y, cluster, G, j0, nj, set) == 0)
        return CPR_OK;
    cpr_ls ls;
    int rc = cpr_ols_qr(X, n, k, y, 0, CPR_LS_QR, &ls);
    if (rc == CPR_OK && ls.k != k) rc = cpr_fail(CPR_E_NUMERIC, "wild cluster bootstrap: collinear regressors");
    for (size_t jj = 0; jj < nj && rc == CPR_OK; jj++)
        rc = setup_qr_one(X, n, k, y, cluster, G, j0 + jj, type, &ls, set + jj);
    cpr_ls_clear(&ls);
    return rc;
}
