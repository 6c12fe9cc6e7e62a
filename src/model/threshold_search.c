/* The pieces of Hansen's threshold regression that the fit (threshold.c)
 * and the bootstrap (threshold_boot.c) share: the within transformation of
 * the context, one fit at given cuts, and the grid search with one cut
 * fixed. Apart so that both call down into this file, not into each other. */
#include "threshold_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int thr_demean(thr_ctx *c, double *v, size_t ncols)
{
    int it;
    return cpr_within_transform(&c->ab, v, ncols, &it);
}

static int regime(const double *cuts, size_t nc, double q)
{
    int r = 0;
    while ((size_t)r < nc && q > cuts[r]) r++;
    return r;
}

static char *cut_label(const cpr_threshold_spec *s, const char *x, const double *cuts, size_t nc, int r)
{
    const char *q = s->q_name ? s->q_name : "q";
    if (r == 0) return cpr_asprintf("%s:%s<=%.4g", x, q, cuts[0]);
    if ((size_t)r == nc) return cpr_asprintf("%s:%s>%.4g", x, q, cuts[nc - 1]);
    return cpr_asprintf("%s:%.4g<%s<=%.4g", x, cuts[r - 1], q, cuts[r]);
}

int thr_fit_cuts(thr_ctx *c, const double *yw, const double *cuts, size_t nc, double *ssr, cpr_reg *g)
{
    const cpr_threshold_spec *s = c->s;
    size_t n = s->n, nx = (nc + 1) * s->kr, k = nx + s->kc;
    double *W = c->work;
    for (size_t r = 0; r <= nc; r++)
        for (size_t j = 0; j < s->kr; j++) {
            double *col = W + (r * s->kr + j) * n;
            for (size_t i = 0; i < n; i++) col[i] = regime(cuts, nc, s->q[i]) == (int)r ? s->xr[j * n + i] : 0;
        }
    int rc = thr_demean(c, W, nx);
    if (rc) return rc;
    if (s->kc) memcpy(W + nx * n, c->zw, s->kc * n * sizeof *W);
    if (!g) {
        cpr_ls ls;
        rc = cpr_ols_qr(W, n, k, yw, 0, CPR_LS_AUTO, &ls);
        if (!rc) *ssr = ls.rss;
        cpr_ls_clear(&ls);
        return rc;
    }
    char **names = cpr_calloc(k, sizeof *names);
    for (size_t r = 0; r <= nc; r++)
        for (size_t j = 0; j < s->kr; j++) names[r * s->kr + j] = cut_label(s, s->xr_names[j], cuts, nc, (int)r);
    for (size_t j = 0; j < s->kc; j++) names[nx + j] = cpr_strdup(s->xc_names[j]);
    rc = cpr_reg_fit(g, W, n, k, names, -1, yw, CPR_LS_AUTO);
    if (!rc) *ssr = g->ls.rss;
    for (size_t j = 0; j < k; j++) free(names[j]);
    free(names);
    return rc;
}

/* A second cut b next to a: the middle regime keeps at least max(lo, 1) rows. */
static int middle_ok(const thr_ctx *c, double a, double b)
{
    size_t m = 0, need = c->lo ? c->lo : 1;
    if (a > b) { double t = a; a = b; b = t; }
    if (!(a < b)) return 0;
    for (size_t i = 0; i < c->s->n; i++) m += c->s->q[i] > a && c->s->q[i] <= b;
    return m >= need;
}

int thr_search(thr_ctx *c, const double *yw, double fix, double *S, size_t *imin)
{
    size_t best = (size_t)-1;
    for (size_t i = 0; i < c->ng; i++) {
        S[i] = NAN;
        double g = c->grid[i], cuts[2];
        size_t nc = 1;
        cuts[0] = g;
        if (!isnan(fix)) {
            if (!middle_ok(c, g, fix)) continue;
            cuts[0] = fmin(g, fix); cuts[1] = fmax(g, fix); nc = 2;
        }
        cpr_error_scope es;   /* a singular cut is left out of the grid */
        cpr_error_scope_begin(&es);
        int rc = thr_fit_cuts(c, yw, cuts, nc, &S[i], NULL);
        if (rc == CPR_E_NUMERIC) { cpr_error_scope_end(&es); S[i] = NAN; continue; }
        cpr_error_scope_keep(&es);
        if (rc) return rc;
        if (best == (size_t)-1 || S[i] < S[best]) best = i;
    }
    if (best == (size_t)-1) return cpr_fail(CPR_E_NUMERIC, "threshold: no admissible threshold on the grid");
    *imin = best;
    return CPR_OK;
}
