/* A final regression (after whatever transform the estimator applied):
 * least squares, the kept columns and names, and the result skeleton. */
#include "cpr/linalg.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int reg_fit(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                   long const_col, const double *y, cpr_ls_method method, int borrow)
{
    memset(g, 0, sizeof *g);
    g->const_idx = -1;
    int rc = cpr_ols_qr(X, n, k, y, 0, method, &g->ls);
    if (rc != CPR_OK) return rc;
    size_t kk = g->ls.k;
    g->n = n; g->k = kk;
    g->x_borrowed = borrow && kk == k;
    g->X = g->x_borrowed ? (double *)(uintptr_t)X : cpr_malloc(n * kk * sizeof *g->X);
    g->names = cpr_calloc(kk, sizeof *g->names);
    g->dropped = cpr_calloc(k, sizeof *g->dropped);
    size_t a = 0;
    for (size_t j = 0; j < k; j++) {
        if (a < kk && g->ls.keep[a] == j) {
            if (!g->x_borrowed) memcpy(g->X + a * n, X + j * n, n * sizeof *g->X);
            g->names[a] = cpr_strdup(names[j]);
            if ((long)j == const_col) g->const_idx = (long)a;
            a++;
        } else {
            g->dropped[g->ndropped++] = cpr_strdup(names[j]);
        }
    }
    double tss = cpr_tss(y, n, const_col >= 0);
    g->perfect_fit = tss > 0 && g->ls.rss <= 1e-20 * tss;
    return CPR_OK;
}

int cpr_reg_fit(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                long const_col, const double *y, cpr_ls_method method)
{
    return reg_fit(g, X, n, k, names, const_col, y, method, 0);
}

int cpr_reg_fit_borrow(cpr_reg *g, const double *X, size_t n, size_t k, char *const *names,
                       long const_col, const double *y, cpr_ls_method method)
{
    return reg_fit(g, X, n, k, names, const_col, y, method, 1);
}

void cpr_reg_clear(cpr_reg *g)
{
    if (!g) return;
    for (size_t j = 0; j < g->k; j++) free(g->names[j]);
    for (size_t j = 0; j < g->ndropped; j++) free(g->dropped[j]);
    free(g->names); free(g->dropped);
    if (!g->x_borrowed) free(g->X);
    cpr_ls_clear(&g->ls);
    memset(g, 0, sizeof *g);
}

cpr_result *cpr_reg_result(const cpr_reg *g, const char *model, const char *estimator)
{
    cpr_result *r = cpr_result_alloc(g->k);
    r->model = cpr_strdup(model);
    r->estimator = cpr_strdup(estimator);
    r->nobs = g->n;
    for (size_t j = 0; j < g->k; j++) {
        cpr_result_set_term(r, j, g->names[j]);
        r->estimate[j] = g->ls.beta[j];
    }
    for (size_t j = 0; j < g->ndropped; j++) cpr_result_add_note(r, "dropped %s (collinear)", g->dropped[j]);
    if (g->perfect_fit)
        cpr_result_add_note(r, "essentially perfect fit (the residuals are zero to rounding): standard errors, "
                               "test statistics and p-values are not meaningful");
    return r;
}

/* Sums over fixed row blocks (cpr/rowblocks.h): one block, the plain
 * serial sums, up to CPR_ROW_BLOCK rows; for any n the same for any
 * thread count. */
typedef struct {
    const double *y;
    long double m;
    int squares;         /* 0: sum of y, 1: sum of (y - m)^2 */
    long double *part;
} tss_job;

static void tss_block(void *p, size_t b, size_t lo, size_t hi)
{
    tss_job *j = p;
    const double *y = j->y;
    long double s = 0, m = j->m;
    if (j->squares) for (size_t i = lo; i < hi; i++) s += (y[i] - m) * (y[i] - m);
    else for (size_t i = lo; i < hi; i++) s += y[i];
    j->part[b] = s;
}

static long double tss_pass(tss_job *j, size_t n)
{
    cpr_row_blocks_run(n, tss_block, j);
    long double s = j->part[0];
    for (size_t b = 1, nb = cpr_row_blocks(n); b < nb; b++) s += j->part[b];
    return s;
}

double cpr_tss(const double *y, size_t n, int centered)
{
    tss_job j = { y, 0, 0, cpr_malloc(cpr_row_blocks(n) * sizeof(long double)) };
    if (centered) { j.m = tss_pass(&j, n); j.m /= n; }
    j.squares = 1;
    long double s = tss_pass(&j, n);
    free(j.part);
    return (double)s;
}

double cpr_corr2(const double *a, const double *b, size_t n)
{
    double c = cpr_corr(a, b, n);
    return c * c;
}

double cpr_corr(const double *a, const double *b, size_t n)
{
    long double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
    ma /= n; mb /= n;
    for (size_t i = 0; i < n; i++) {
        long double da = a[i] - ma, db = b[i] - mb;
        sab += da * db; saa += da * da; sbb += db * db;
    }
    return (double)(sab / sqrtl(saa * sbb));
}
