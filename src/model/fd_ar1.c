/* The two regressions of Wooldridge's AR(1) test (Stata xtserial) in two
 * streaming passes over the design, with no arrays of n entries: the FD
 * regression dy on dX (no constant) from its cross-products, then the
 * regression of the FD residual on its lag with per-entity sums for the
 * cluster variance. For large panels, where the arrays of differences and
 * their QR cost more than the fit (src/infer/serial_cd.c formats the test
 * and keeps the QR path for small n). */
#include "cpr/linalg.h"
#include "cpr/model.h"
#include "cpr/rowblocks.h"
#include "cpr/threads.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

static int tval(const cpr_design *d, size_t i)
{
    return d->time_values ? d->time_values[d->time[i]] : d->time[i];
}

/* FD pairs in (entity, time) order: on the fly when the rows are sorted
 * (the design's order), else from cpr_fd_pairs' arrays. A sorted design's
 * rows are cut into spans that end where an entity does (fixed, from
 * cpr_row_blocks_at), one task each; no pair and no run of pairs crosses a
 * span, so the per-entity sums of pass 2 are those of one serial pass, and
 * the cross-products of pass 1 are added span by span in order. */
typedef struct {
    const cpr_design *d;
    size_t *cur, *prev, m, q, hi;
} pair_it;

static inline int next_pair(pair_it *it, size_t *i, size_t *h)
{
    if (it->cur) {
        if (it->q >= it->m) return 0;
        *i = it->cur[it->q]; *h = it->prev[it->q]; it->q++;
        return 1;
    }
    const int *e = it->d->entity, *t = it->d->time, *tv = it->d->time_values;
    while (++it->q < it->hi) {
        size_t a = it->q;
        if (e[a] == e[a - 1] && (tv ? tv[t[a]] == tv[t[a - 1]] + 1 : t[a] == t[a - 1] + 1)) { *i = a; *h = a - 1; return 1; }
    }
    return 0;
}

/* Rows in (entity, period) order with unique keys? Split over the threads
 * for a big design (the first row out of order in each part: exact). */
static size_t unsorted_at(void *p, size_t lo, size_t hi)
{
    const cpr_design *d = p;
    size_t i = lo ? lo : 1;
    while (i < hi && !(d->entity[i] < d->entity[i - 1] || (d->entity[i] == d->entity[i - 1] && tval(d, i) <= tval(d, i - 1))))
        i++;
    return i < hi ? i : hi;
}

static int rows_sorted(const cpr_design *d)
{
    return cpr_rows_find(d->n, unsorted_at, (void *)d) == d->n;
}

#define AR1_KMAX 32
#define AR1_BLOCK 256

typedef struct {
    const cpr_design *d;
    const double *X, *y;
    size_t n, kx;
    size_t *cur, *prev, m;   /* unsorted: the pairs (one span) */
    const size_t *bounds;    /* sorted: spans of rows */
    long double *A;          /* per span: kx*kx, then kx of c */
    size_t *npairs, *nq;     /* per span */
    double bd[AR1_KMAX];     /* pass 2: the FD slopes */
    double *P, *Q;
    char *seen;
} ar1_job;

static pair_it span_it(const ar1_job *j, size_t s)
{
    pair_it it = { j->d, j->cur, j->prev, j->m, 0, 0 };
    if (!j->cur) { it.q = j->bounds[s]; it.hi = j->bounds[s + 1]; }
    return it;
}

/* pass 1 over one span: A = dX'dX, c = dX'dy: double sums over blocks of
 * AR1_BLOCK pairs, added into long double totals (x87 arithmetic on every
 * pair cost more than the fit) */
static void ar1_pass1(void *arg, size_t s)
{
    ar1_job *j = arg;
    size_t kx = j->kx, n = j->n;
    const double *X = j->X, *y = j->y;
    pair_it it = span_it(j, s);
    long double *A = j->A + s * (kx * kx + kx), *c = A + kx * kx;
    for (size_t q = 0; q < kx * kx + kx; q++) A[q] = 0;
    double Ab[AR1_KMAX * AR1_KMAX] = { 0 }, cb[AR1_KMAX] = { 0 }, z[AR1_KMAX];
    size_t m = 0, i, h, inblock = 0;
    for (int more = 1; more;) {
        more = next_pair(&it, &i, &h);
        if (more) {
            double dy = y[i] - y[h];
            for (size_t a = 0; a < kx; a++) z[a] = X[a * n + i] - X[a * n + h];
            for (size_t a = 0; a < kx; a++) {
                cb[a] += z[a] * dy;
                for (size_t b = 0; b <= a; b++) Ab[a * kx + b] += z[a] * z[b];
            }
            m++;
        }
        if (++inblock == AR1_BLOCK || !more) {
            for (size_t a = 0; a < kx; a++) {
                c[a] += cb[a]; cb[a] = 0;
                for (size_t b = 0; b <= a; b++) { A[a * kx + b] += Ab[a * kx + b]; Ab[a * kx + b] = 0; }
            }
            inblock = 0;
        }
    }
    j->npairs[s] = m;
}

/* pass 2 over one span: u = dy - dX b in double, and u on its lag within
 * entity: per entity P_g = sum u_{t-1} u_t, Q_g = sum u_{t-1}^2 (double,
 * over one entity's periods) for the cluster scores s_g = P_g - rho Q_g */
static void ar1_pass2(void *arg, size_t s)
{
    ar1_job *j = arg;
    size_t kx = j->kx, n = j->n, i, h, q = 0;
    const double *X = j->X, *y = j->y;
    pair_it it = span_it(j, s);
    size_t last = (size_t)-1;
    double ulast = 0;
    while (next_pair(&it, &i, &h)) {
        double u = y[i] - y[h];
        for (size_t a = 0; a < kx; a++) u -= (X[a * n + i] - X[a * n + h]) * j->bd[a];
        if (last == h) {
            /* the previous FD pair ended at h: pairs (., h) and (h, i)
             * are consecutive periods of one entity (keys are unique,
             * so no other row of i's entity has h's period) */
            int e = j->d->entity[i];
            j->P[e] += u * ulast; j->Q[e] += ulast * ulast; j->seen[e] = 1;
            q++;
        }
        last = i;
        ulast = u;
    }
    j->nq[s] = q;
}

int cpr_fd_ar1(const cpr_design *d, cpr_ar1 *out)
{
    if (!d->entity || !d->time) return cpr_fail(CPR_E_NUMERIC, "Wooldridge test needs panel data");
    size_t n = d->n, off = d->has_const ? 1 : 0, kx = d->k - off;
    if (kx > AR1_KMAX) return cpr_fail(CPR_E_NUMERIC, "Wooldridge test: more than %d regressors", AR1_KMAX);
    ar1_job j = { .d = d, .X = d->X + off * n, .y = d->y, .n = n, .kx = kx };
    size_t nb = 1, *bounds = NULL;
    if (rows_sorted(d)) {
        bounds = cpr_malloc((cpr_row_blocks(n) + 1) * sizeof *bounds);
        nb = cpr_row_blocks_at(d->entity, n, bounds);
        j.bounds = bounds;
    } else j.m = cpr_fd_pairs(d, &j.cur, &j.prev);
    j.A = cpr_malloc(nb * (kx * kx + kx) * sizeof *j.A);
    j.npairs = cpr_malloc(nb * sizeof *j.npairs);
    j.nq = cpr_malloc(nb * sizeof *j.nq);
    cpr_threads_run(nb, ar1_pass1, &j);
    long double A[AR1_KMAX * AR1_KMAX] = { 0 }, c[AR1_KMAX] = { 0 };
    size_t m = 0;
    for (size_t sp = 0; sp < nb; sp++) {   /* spans in order */
        const long double *As = j.A + sp * (kx * kx + kx);
        for (size_t a = 0; a < kx; a++) {
            c[a] = sp ? c[a] + As[kx * kx + a] : As[kx * kx + a];
            for (size_t b = 0; b <= a; b++) A[a * kx + b] = sp ? A[a * kx + b] + As[a * kx + b] : As[a * kx + b];
        }
        m += j.npairs[sp];
    }
    int rc = CPR_OK;
    if (m <= kx) rc = cpr_fail(CPR_E_NUMERIC, "Wooldridge test: too few differenced observations");
    /* b by sequential Cholesky, a column whose Schur complement is below
     * 1e-14 of its diagonal left out (collinear, as the QR path drops it) */
    long double L[AR1_KMAX * AR1_KMAX] = { 0 }, b[AR1_KMAX] = { 0 }, g[AR1_KMAX];
    size_t keep[AR1_KMAX], kk = 0;
    for (size_t col = 0; rc == CPR_OK && col < kx; col++) {
        long double cjj = A[col * kx + col], r = cjj, l[AR1_KMAX];
        for (size_t a = 0; a < kk; a++) {
            size_t ka = keep[a];
            long double v = ka > col ? A[ka * kx + col] : A[col * kx + ka];
            for (size_t q = 0; q < a; q++) v -= l[q] * L[a * kx + q];
            l[a] = v / L[a * kx + a];
            r -= l[a] * l[a];
        }
        if (cjj > 0 && r > 1e-14L * cjj) {
            for (size_t a = 0; a < kk; a++) L[kk * kx + a] = l[a];
            L[kk * kx + kk] = sqrtl(r);
            keep[kk++] = col;
        }
    }
    if (rc == CPR_OK && kk == 0) rc = cpr_fail(CPR_E_NUMERIC, "Wooldridge test: no differenced regressor varies");
    if (rc == CPR_OK) {
        for (size_t a = 0; a < kk; a++) g[a] = c[keep[a]];
        cpr_chol_solve_ld(L, kx, kk, g);
        for (size_t a = 0; a < kk; a++) b[keep[a]] = g[a];
    }
    /* pass 2; totals over the entities in long double */
    double *P = NULL, *Q = NULL;
    long double sxy = 0, sxx = 0;
    char *seen = NULL;
    size_t q = 0;
    if (rc == CPR_OK) {
        P = j.P = cpr_calloc(d->n_entities ? d->n_entities : 1, sizeof *P);
        Q = j.Q = cpr_calloc(d->n_entities ? d->n_entities : 1, sizeof *Q);
        seen = j.seen = cpr_calloc(d->n_entities ? d->n_entities : 1, 1);
        for (size_t a = 0; a < kx; a++) j.bd[a] = (double)b[a];
        cpr_threads_run(nb, ar1_pass2, &j);
        for (size_t sp = 0; sp < nb; sp++) q += j.nq[sp];
        for (size_t e = 0; e < d->n_entities; e++) { sxy += P[e]; sxx += Q[e]; }
        if (q < 2 || !(sxx > 0)) rc = cpr_fail(CPR_E_NUMERIC, "Wooldridge test: needs at least 3 consecutive periods per entity");
    }
    if (rc == CPR_OK) {
        double rho = (double)(sxy / sxx);
        long double meat = 0;
        size_t ng = 0;
        for (size_t e = 0; e < d->n_entities; e++) {
            long double s = (long double)P[e] - (long double)rho * Q[e];
            meat += s * s;
            ng += seen[e];
        }
        out->b = rho;
        out->var = (double)(meat / (sxx * sxx)) * ng / (ng - 1.0);   /* Stata regress factor, K = 1 */
        out->G = ng;
        out->nobs = q;
    }
    free(P); free(Q); free(seen); free(j.cur); free(j.prev);
    free(bounds); free(j.A); free(j.npairs); free(j.nq);
    return rc;
}
