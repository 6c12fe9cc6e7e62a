/* Anderson-Rubin (1949) test and confidence set for one endogenous
 * regressor: for b0, regress y - b0 x (exogenous regressors and effects
 * partialled out) on the excluded instruments and test their coefficients
 * with the model's variance (iid F, HC, cluster). Valid however weak the
 * instruments are. The set {b0: not rejected} can be an interval, the union
 * of two rays, the whole line or empty (with more instruments than
 * endogenous regressors, when the overidentifying restrictions fail), or
 * with robust variances and several instruments even several pieces; it is
 * found on b0 = tan(theta) over a grid of theta in (-pi/2, pi/2), the ends
 * of each piece by bisection, and reported as it is. Checked against R
 * (tests/unit/oracle/iv_methods.R: lm + sandwich and uniroot). */
#include "iv_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AR_GRID 2000
#define AR_PI 3.14159265358979323846

typedef struct {
    const iv_part *p;
    double *by, *bx, *ry, *rx, *b, *r;
    double crit;   /* Wald statistic at the boundary of the set */
} ar_work;

/* Wald statistic at b0 (b0 = +-inf: the limit, the test of the x equation). */
static double ar_wald(ar_work *w, double b0)
{
    size_t n = w->p->n, L = w->p->L1;
    if (isinf(b0)) { memcpy(w->b, w->bx, L * sizeof *w->b); memcpy(w->r, w->rx, n * sizeof *w->r); }
    else {
        for (size_t l = 0; l < L; l++) w->b[l] = w->by[l] - b0 * w->bx[l];
        for (size_t i = 0; i < n; i++) w->r[i] = w->ry[i] - b0 * w->rx[i];
    }
    double W = NAN;
    cpr_error_scope es;   /* no statistic at this b0: NAN */
    cpr_error_scope_begin(&es);
    if (iv_part_wald(w->p, w->b, w->r, &W) != CPR_OK) W = NAN;
    cpr_error_scope_end(&es);
    return W;
}

static double h_theta(ar_work *w, double th)
{
    double b0 = fabs(th) >= AR_PI / 2 ? INFINITY : tan(th);
    return ar_wald(w, b0) - w->crit;
}

static double bisect(ar_work *w, double lo, double hi, double hlo)
{
    for (int it = 0; it < 200 && hi - lo > 1e-15 * (fabs(lo) + fabs(hi) + 1e-300); it++) {
        double mid = 0.5 * (lo + hi), hm = h_theta(w, mid);
        if ((hm <= 0) == (hlo <= 0)) { lo = mid; hlo = hm; } else hi = mid;
    }
    return 0.5 * (lo + hi);
}

static void fmt_end(char *buf, size_t sz, double th, int upper)
{
    if (fabs(th) >= AR_PI / 2) snprintf(buf, sz, "%s", upper ? "+inf" : "-inf");
    else snprintf(buf, sz, "%.6g", tan(th));
}

int iv_ar_add(const iv_part *p, double level, cpr_result *r)
{
    if (p->K != 1) {
        cpr_result_add_note(r, "Anderson-Rubin test and confidence set: implemented for one endogenous regressor (this model has %zu)", p->K);
        return CPR_OK;
    }
    size_t n = p->n, L = p->L1;
    ar_work w = { .p = p };
    w.by = cpr_malloc(L * sizeof *w.by); w.bx = cpr_malloc(L * sizeof *w.bx); w.b = cpr_malloc(L * sizeof *w.b);
    w.ry = cpr_malloc(n * sizeof *w.ry); w.rx = cpr_malloc(n * sizeof *w.rx); w.r = cpr_malloc(n * sizeof *w.r);
    iv_part_ols(p, p->y, w.by, w.ry);
    iv_part_ols(p, p->x, w.bx, w.rx);
    double df2 = iv_part_df(p), dL = (double)L, a = 1.0 - level;
    double W0 = ar_wald(&w, 0.0);
    const char *en = p->d->names[p->v.kex];
    if (isfinite(W0)) {
        double stat = df2 > 0 ? W0 / dL : W0, pv = df2 > 0 ? gsl_cdf_fdist_Q(stat, dL, df2) : gsl_cdf_chisq_Q(W0, dL);
        char *lb = cpr_asprintf("Anderson-Rubin test, %s = 0", en);
        cpr_result_add_stat(r, "ar_stat", df2 > 0 ? "Anderson-Rubin F (coefficient = 0)" : "Anderson-Rubin chi2 (coefficient = 0)", stat, 0);
        cpr_result_add_test(r, "anderson_rubin", lb, stat, dL, df2 > 0 ? df2 : 0, pv,
                            "H0: the coefficient of the endogenous regressor is 0; robust to weak instruments (Anderson and Rubin 1949), "
                            "the reduced-form instruments tested with the model's variance");
        free(lb);
    }
    w.crit = df2 > 0 ? dL * gsl_cdf_fdist_Qinv(a, dL, df2) : gsl_cdf_chisq_Qinv(a, dL);
    /* grid over theta in [-pi/2, pi/2]; both ends are b0 = infinity */
    double *th = cpr_malloc((AR_GRID + 1) * sizeof *th), *h = cpr_malloc((AR_GRID + 1) * sizeof *h);
    int bad = 0;
    for (size_t j = 0; j <= AR_GRID; j++) {
        th[j] = -AR_PI / 2 + AR_PI * (double)j / AR_GRID;
        h[j] = (j == 0 || j == AR_GRID) ? ar_wald(&w, INFINITY) - w.crit : h_theta(&w, th[j]);
        bad |= isnan(h[j]);
    }
    if (!bad) {
        /* pieces [start, end] in theta where h <= 0 */
        double lo[64], hi[64];
        size_t np = 0;
        int in = h[0] <= 0;
        double start = th[0];
        for (size_t j = 1; j <= AR_GRID && np < 64; j++) {
            int now = h[j] <= 0;
            if (now == in) continue;
            double x = bisect(&w, th[j - 1], th[j], h[j - 1]);
            if (now) start = x;
            else { lo[np] = start; hi[np++] = x; }
            in = now;
        }
        if (in && np < 64) { lo[np] = start; hi[np++] = th[AR_GRID]; }
        /* a piece ending at +inf and one starting at -inf are one set through infinity */
        char text[1024] = "";
        size_t len = 0;
        int whole = np == 1 && lo[0] <= -AR_PI / 2 && hi[0] >= AR_PI / 2;
        if (np == 0) snprintf(text, sizeof text, "empty (every value is rejected: the overidentifying restrictions fail at this level)");
        else if (whole) snprintf(text, sizeof text, "(-inf, +inf): the instruments do not bound the coefficient at this level");
        else for (size_t k = 0; k < np && len < sizeof text - 80; k++) {
            char e1[40], e2[40];
            fmt_end(e1, sizeof e1, lo[k], 0);
            fmt_end(e2, sizeof e2, hi[k], 1);
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s%s, %s%s", k ? " U " : "",
                                    isinf(tan(lo[k])) || fabs(lo[k]) >= AR_PI / 2 ? "(" : "[", e1, e2,
                                    fabs(hi[k]) >= AR_PI / 2 ? ")" : "]");
        }
        cpr_result_add_note(r, "Anderson-Rubin %g%% confidence set for %s: %s", 100 * level, en, text);
        cpr_result_add_stat(r, "ar_set_pieces", "Anderson-Rubin set: number of pieces", (double)np, 1);
        cpr_result_add_stat(r, "ar_set_unbounded", "Anderson-Rubin set reaches infinity (1 = yes)",
                            np > 0 && (lo[0] <= -AR_PI / 2 || hi[np - 1] >= AR_PI / 2), 1);
        /* every finite end of the set, in increasing order: ar_end_1, ar_end_2, ... */
        size_t ne = 0;
        for (size_t k = 0; k < np && !whole; k++) {
            double ends[2] = { lo[k], hi[k] };
            for (int e = 0; e < 2; e++) {
                if (fabs(ends[e]) >= AR_PI / 2) continue;
                char *nm = cpr_asprintf("ar_end_%zu", ++ne), *lb = cpr_asprintf("Anderson-Rubin set, end %zu", ne);
                cpr_result_add_stat(r, nm, lb, tan(ends[e]), 0);
                free(nm); free(lb);
            }
        }
        if (np == 1 && !whole && lo[0] > -AR_PI / 2 && hi[0] < AR_PI / 2) {
            cpr_result_add_stat(r, "ar_ci_low", "Anderson-Rubin interval, lower", tan(lo[0]), 0);
            cpr_result_add_stat(r, "ar_ci_high", "Anderson-Rubin interval, upper", tan(hi[0]), 0);
        }
    }
    free(th); free(h);
    free(w.by); free(w.bx); free(w.b); free(w.ry); free(w.rx); free(w.r);
    return CPR_OK;
}
