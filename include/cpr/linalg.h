/* Least squares: the numerical core every estimator and test shares. Pure
 * arrays (X column-major, n rows), no designs, no models: QR with
 * iterative refinement or the normal equations (cpr_ols_qr), one final
 * regression with its kept columns and names (cpr_reg), and the O(n)
 * helpers on group codes. Layer linalg: uses util only. */
#ifndef CPR_LINALG_H
#define CPR_LINALG_H

#include <stddef.h>

#include "cpr/result.h"

/* How the least-squares core factorizes. AUTO: QR up to CPR_LS_XTX_MIN_N
 * rows; above, the normal equations (XTX) when X is of full rank and its
 * column-scaled condition number is at most CPR_LS_XTX_MAX_COND, else QR. */
typedef enum { CPR_LS_AUTO, CPR_LS_QR, CPR_LS_XTX } cpr_ls_method;

#define CPR_LS_XTX_MIN_N 20000u
#define CPR_LS_XTX_MAX_COND 1e5   /* XTX bread error ~ cond^2 * 1e-19 <= 1e-9 */
#define CPR_LS_RANK_TOL 1e-11     /* see cpr_ols_qr */

/* ---- least-squares core ------------------------------------------------ */

typedef struct {
    size_t n, k_in;      /* rows, columns given */
    size_t k;            /* columns kept (rank) */
    size_t *keep;        /* k indices into the given columns, increasing */
    double *beta;        /* k */
    double *bread;       /* k*k row-major (X'X)^-1 over the kept columns */
    double *resid;       /* n: y - X beta */
    double rss;
    double cond;         /* condition estimate of the column-scaled X */
    int refine_iter;     /* refinement sweeps used for beta */
    cpr_ls_method method;/* factorization actually used */
} cpr_ls;

/* Least squares of y (n) on X (n*k column-major). Columns are scaled by
 * powers of two (exact) to unit norm; column j is collinear when its
 * residual norm after projecting on the kept columns before it is below
 * tol (default CPR_LS_RANK_TOL when tol <= 0) times its norm: the later of
 * two collinear columns is dropped, as in R and Stata. QR path: Householder
 * QR with column pivoting (GSL QRPT) in double, then Bjorck's iterative
 * refinement of the augmented system with residuals in long double, for
 * beta and for the columns of (X'X)^-1 when cond > 1e4. XTX path (large n):
 * X'X and its Cholesky factor in long double, refinement of beta with long
 * double residuals (src/model/ols_xtx.c). Fails with CPR_E_NUMERIC when no column is left or n <= rank. */
int cpr_ols_qr(const double *X, size_t n, size_t k, const double *y,
               double tol, cpr_ls_method method, cpr_ls *out);
void cpr_ls_clear(cpr_ls *ls);
/* ---- one final regression and its result -------------------------------- */

typedef struct {
    size_t n, k;         /* rows, kept columns */
    double *X;           /* n*k kept columns, column-major (owned unless x_borrowed) */
    int x_borrowed;      /* X is the caller's array (cpr_reg_fit_borrow) */
    char **names;        /* k term names (owned) */
    long const_idx;      /* kept index of the intercept, -1 when none */
    cpr_ls ls;
    char **dropped;      /* names of the columns dropped as collinear */
    size_t ndropped;
    int perfect_fit;     /* rss is zero to rounding (R-squared = 1 - 1e-20 or closer) */
} cpr_reg;

/* Least squares of y on X (n*k); const_col = given index of the intercept
 * or -1. Collinear columns are dropped and remembered by name. */
int cpr_reg_fit(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                long const_col, const double *y, cpr_ls_method method);
/* The same, but when no column is dropped g->X is the caller's X (no
 * copy): X must stay unchanged and alive until cpr_reg_clear. */
int cpr_reg_fit_borrow(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                       long const_col, const double *y, cpr_ls_method method);
void cpr_reg_clear(cpr_reg *g);
/* New result with model/estimator labels, terms, estimates, nobs and one
 * note per dropped column ("dropped x2 (collinear)"). */
cpr_result *cpr_reg_result(const cpr_reg *g, const char *model, const char *estimator);
/* Centered (or, without intercept, uncentered) total sum of squares. */
double cpr_tss(const double *y, size_t n, int centered);
/* Correlation of a and b (n) and its square. */
double cpr_corr(const double *a, const double *b, size_t n);
double cpr_corr2(const double *a, const double *b, size_t n);

/* ---- one regressor: y = a + b x (src/linalg/line_fit.c) ----------------- */

typedef struct {
    size_t n;                     /* pairs with both x and y finite */
    double xbar, ybar;            /* their means */
    double sxx, syy, sxy;         /* centred sums of squares and products */
    double slope, intercept, r;   /* NAN when n < 2 or x is constant (r: also when y is) */
    double ssr;                   /* residual sum of squares, >= 0 */
} cpr_line;

/* OLS of y on x and a constant over the pairs where both are finite; means
 * first, then centred sums (two passes, for accuracy). Shared by `stat
 * --fn slope` and the scatter plot's fitted line. */
void cpr_line_fit(const double *x, const double *y, size_t n, cpr_line *fit);

/* ---- Wald quadratic form (src/linalg/quad_form.c) ---------------------- */

/* Wald test of R b = 0 for the coefficient subset idx (q of them):
 * W = b' V^-1 b; F = W/q. Fails with CPR_E_NUMERIC when V is singular. */
int cpr_wald(const double *b, const double *V, size_t k, const size_t *idx,
             size_t q, double *W);

/* ---- group codes -------------------------------------------------------- */

/* counts[g] = observations of group g (ng groups). */
void cpr_group_counts(const int *g, size_t n, size_t ng, size_t *counts);
/* The counts of each part of the rows (cpr/rowblocks.h's parts: *parts
 * of them), part k's at [k*ng, (k+1)*ng); the caller frees the array. */
size_t *cpr_group_counts_parts(const int *g, size_t n, size_t ng, size_t *parts);
/* 1 when g[0] <= g[1] <= ... <= g[n-1] (rows grouped by their code in code
 * order); split over the threads for big n. */
int cpr_codes_sorted(const int *g, size_t n);
/* means[g*ncols + j] = mean of column j within group g. */
void cpr_group_means(const int *g, size_t n, size_t ng, const double *cols,
                     size_t ncols, double *means);
/* 1 when each code of `inner` belongs to a single code of `outer`. */
int cpr_codes_nested(const int *inner, size_t n_inner, const int *outer, size_t n);

/* ---- small dense helpers (src/linalg/sym_inv.c) ------------------------ */

/* In-place inverse of a symmetric positive definite k*k matrix (row-major);
 * CPR_E_NUMERIC when it is not positive definite. */
int cpr_spd_inverse(double *A, size_t k);
/* Solve (L L') x = g in place, in long double (L lower triangular, row
 * stride ld, k unknowns): the normal-equation solves of src/linalg/ols_xtx.c
 * and of the streaming Wooldridge pass. */
void cpr_chol_solve_ld(const long double *L, size_t ld, size_t k, long double *g);
/* Smallest lambda with det(A - lambda B) = 0, A symmetric, B symmetric
 * positive definite (k*k row-major). */
int cpr_sym_geneig_min(const double *A, const double *B, size_t k, double *lambda);

#endif
