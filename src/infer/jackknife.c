/* Leave-one-cluster-out algebra of MacKinnon, Nielsen & Webb ("Fast and
 * reliable jackknife and bootstrap methods for cluster-robust inference",
 * JAE 2023, section 3): nothing is re-estimated G times. With Z the final
 * regressors and e the full-sample residuals (Z'e = 0),
 *   beta_(g) - beta = -(Z'Z - Z_g'Z_g)^-1 Z_g'e_g,
 * so one pass accumulates Z'Z, a second pass forms each Z_g'Z_g and Z_g'e_g
 * and solves one q x q system per cluster: O(n q^2 + G q^3).
 *
 * Fixed effects. Effects nested in the clusters (entity effects clustered by
 * entity) leave with their cluster, so partialling them out first is exact.
 * Effects not nested (year effects clustered by country) change when a
 * cluster leaves; they enter Z as dummies (demeaned within the nested
 * dimension), placed BEFORE the slopes, so that a slope is the one found
 * collinear when a leave-one-out fit is not identified. */
#include "cpr/infer.h"
#include "jk_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define JK_MAX_DUMMIES 2000     /* effects not nested in the clusters, carried as dummies */
#define JK_DROP_TOL 1e-10       /* pivot below this share of the full-sample diagonal: collinear */

/* Lower Cholesky (row-major q*q, long double) of A in place, dropping the
 * columns whose pivot is at most tol * scale[j]: keep[j] = 0, row and
 * column zero. */
void cpr_jk_chol_drop(long double *A, size_t q, const long double *scale, unsigned char *keep)
{
    for (size_t j = 0; j < q; j++) {
        long double d = A[j * q + j];
        for (size_t l = 0; l < j; l++) d -= A[j * q + l] * A[j * q + l];
        keep[j] = d > JK_DROP_TOL * scale[j] && scale[j] > 0;
        if (!keep[j]) {
            for (size_t i = j; i < q; i++) A[i * q + j] = 0;
            for (size_t l = 0; l < j; l++) A[j * q + l] = 0;
            continue;
        }
        long double r = sqrtl(d);
        A[j * q + j] = r;
        /* four rows at a time share the loads of row j: each entry is the
         * same chain of operations as one row alone */
        const long double *Aj = A + j * q;
        size_t i = j + 1;
        for (; i + 4 <= q; i += 4) {
            long double *A0 = A + i * q, *A1 = A0 + q, *A2 = A1 + q, *A3 = A2 + q;
            long double s0 = A0[j], s1 = A1[j], s2 = A2[j], s3 = A3[j];
            for (size_t l = 0; l < j; l++) {
                long double t = Aj[l];
                s0 -= A0[l] * t;
                s1 -= A1[l] * t;
                s2 -= A2[l] * t;
                s3 -= A3[l] * t;
            }
            A0[j] = s0 / r; A1[j] = s1 / r; A2[j] = s2 / r; A3[j] = s3 / r;
        }
        for (; i < q; i++) {
            long double s = A[i * q + j];
            for (size_t l = 0; l < j; l++) s -= A[i * q + l] * Aj[l];
            A[i * q + j] = s / r;
        }
    }
}

/* Solve L L' x = b over the kept columns (x = 0 on the dropped ones). */
void cpr_jk_chol_solve(const long double *L, size_t q, const unsigned char *keep, const long double *b, long double *x)
{
    for (size_t i = 0; i < q; i++) {
        if (!keep[i]) { x[i] = 0; continue; }
        long double s = b[i];
        for (size_t l = 0; l < i; l++) s -= L[i * q + l] * x[l];
        x[i] = s / L[i * q + i];
    }
    for (size_t i = q; i-- > 0;) {
        if (!keep[i]) { x[i] = 0; continue; }
        long double s = x[i];
        for (size_t l = i + 1; l < q; l++) s -= L[l * q + i] * x[l];
        x[i] = s / L[i * q + i];
    }
}

/* Dummies of the absorbed dimensions not nested in the clusters (n*pd,
 * column-major), demeaned within the nested dimension when there is one.
 * A level is left out of each dimension when the dummies would otherwise
 * sum to a constant already spanned (by the nested effects or the first
 * dimension); a level absent from a leave-one-out sample is dropped there. */
double *cpr_jk_dummies(const cpr_jk_in *in, size_t *pd_out)
{
    size_t n = in->n, pd = 0, first[2], nd = 0;
    for (int f = 0; f < 2; f++) {
        if (!in->fe[f]) continue;
        size_t drop = (in->nest || nd > 0 || in->has_const) ? 1 : 0;
        first[f] = drop;
        pd += in->n_fe[f] - drop;
        nd++;
    }
    *pd_out = pd;
    if (pd == 0) return NULL;
    double *D = cpr_calloc(n * pd, sizeof *D);
    size_t off = 0;
    for (int f = 0; f < 2; f++) {
        if (!in->fe[f]) continue;
        for (size_t i = 0; i < n; i++) {
            size_t lv = (size_t)in->fe[f][i];
            if (lv >= first[f]) D[(off + lv - first[f]) * n + i] = 1.0;
        }
        off += in->n_fe[f] - first[f];
    }
    if (in->nest) {
        double *mu = cpr_malloc(in->n_nest * pd * sizeof *mu);
        cpr_group_means(in->nest, n, in->n_nest, D, pd, mu);
        for (size_t c = 0; c < pd; c++)
            for (size_t i = 0; i < n; i++) D[c * n + i] -= mu[(size_t)in->nest[i] * pd + c];
        free(mu);
    }
    return D;
}

/* Codes 0..G-1 -> rows grouped by code: order (n), start (G+1). */
void cpr_jk_group_rows(const int *g, size_t n, size_t G, size_t *order, size_t *start)
{
    memset(start, 0, (G + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++) start[(size_t)g[i] + 1]++;
    for (size_t c = 0; c < G; c++) start[c + 1] += start[c];
    size_t *pos = cpr_malloc(G * sizeof *pos);
    memcpy(pos, start, G * sizeof *pos);
    for (size_t i = 0; i < n; i++) order[pos[g[i]]++] = i;
    free(pos);
}

/* Rows per chunk of the cross products: the chunk's q columns stay in the
 * cache while every pair (a, b) runs over them. */
static size_t chunk_rows(size_t q)
{
    size_t r = q <= 32 ? 256 : 8192 / q;
    return r < 16 ? 16 : r;
}

/* Adds one chunk of R rows (z[a][r] and e[r], contiguous) to the upper
 * triangle of Cg, to sg and (non-NULL) mg. Each sum runs over the rows in
 * order with a long double accumulator, as the plain row-by-row loop does
 * (the product of two doubles rounded to long double, then the add), so
 * the sums are the same to the last bit; holding the accumulators in
 * registers, four columns b at a time, is what makes it fast: the x87 loop
 * that loaded and stored Cg[a][b] for every row was half of a Grunfeld
 * job's instructions. */
static void cross_chunk(const double *const *z, const double *e, size_t q, size_t R, long double *Cg,
                        long double *sg, long double *mg)
{
    for (size_t a = 0; a < q; a++) {
        const double *za = z[a];
        long double s = sg[a];
        for (size_t r = 0; r < R; r++) s += (long double)za[r] * e[r];
        sg[a] = s;
        if (mg) {
            long double t = mg[a];
            for (size_t r = 0; r < R; r++) t += za[r];
            mg[a] = t;
        }
        long double *row = Cg + a * q;
        size_t b = a;
        for (; b + 4 <= q; b += 4) {
            const double *z0 = z[b], *z1 = z[b + 1], *z2 = z[b + 2], *z3 = z[b + 3];
            long double s0 = row[b], s1 = row[b + 1], s2 = row[b + 2], s3 = row[b + 3];
            for (size_t r = 0; r < R; r++) {
                long double x = za[r];
                s0 += x * z0[r];
                s1 += x * z1[r];
                s2 += x * z2[r];
                s3 += x * z3[r];
            }
            row[b] = s0; row[b + 1] = s1; row[b + 2] = s2; row[b + 3] = s3;
        }
        for (; b < q; b++) {
            const double *zb = z[b];
            long double s0 = row[b];
            for (size_t r = 0; r < R; r++) s0 += (long double)za[r] * zb[r];
            row[b] = s0;
        }
    }
}

/* The dummy columns of cpr_jk_dummies made a chunk of rows at a time for
 * the jackknife instead of as an n x pd array (Grunfeld: 30 KB of fresh
 * pages, dear on a virtual machine; a big panel: n x pd doubles): the same
 * values, (row's level == the column's ? 1.0 : 0.0) - its nest group's
 * share of the level, the share computed as cpr_group_means does. */
typedef struct {
    size_t pd, nf;
    const int *code[2];
    size_t first[2], off[2], ncol[2];
    const int *nest;
    double *mu;             /* n_nest x pd (NULL without a nested dimension) */
} jk_dums;

static void dums_init(const cpr_jk_in *in, jk_dums *d)
{
    memset(d, 0, sizeof *d);
    for (int f = 0; f < 2; f++) {
        if (!in->fe[f]) continue;
        size_t drop = (in->nest || d->nf > 0 || in->has_const) ? 1 : 0;
        d->code[d->nf] = in->fe[f];
        d->first[d->nf] = drop;
        d->off[d->nf] = d->pd;
        d->ncol[d->nf] = in->n_fe[f] - drop;
        d->pd += in->n_fe[f] - drop;
        d->nf++;
    }
    if (d->pd == 0 || !in->nest) return;
    size_t pd = d->pd, G = in->n_nest;
    d->nest = in->nest;
    size_t *cnt = cpr_calloc(G, sizeof *cnt), *ones = cpr_calloc(G * pd, sizeof *ones);
    for (size_t i = 0; i < in->n; i++) {
        size_t g = (size_t)in->nest[i];
        cnt[g]++;
        for (size_t t = 0; t < d->nf; t++) {
            size_t lv = (size_t)d->code[t][i];
            if (lv >= d->first[t]) ones[g * pd + d->off[t] + lv - d->first[t]]++;
        }
    }
    d->mu = cpr_malloc(G * pd * sizeof *d->mu);
    for (size_t g = 0; g < G; g++)
        for (size_t c = 0; c < pd; c++)
            d->mu[g * pd + c] = cnt[g] ? (double)((long double)ones[g * pd + c] / cnt[g]) : 0.0;
    free(cnt); free(ones);
}

/* Dummy columns 0..pd-1 of rows[0..h) into buf (column c at buf + c*R). */
static void dums_fill(const jk_dums *d, const size_t *rows, size_t h, size_t R, double *buf)
{
    for (size_t t = 0; t < d->nf; t++)
        for (size_t cc = 0; cc < d->ncol[t]; cc++) {
            size_t c = d->off[t] + cc;
            int level = (int)(cc + d->first[t]);
            const int *code = d->code[t];
            double *out = buf + c * R;
            if (d->mu)
                for (size_t r = 0; r < h; r++) {
                    size_t i = rows[r];
                    out[r] = (code[i] == level ? 1.0 : 0.0) - d->mu[(size_t)d->nest[i] * d->pd + c];
                }
            else
                for (size_t r = 0; r < h; r++) out[r] = code[rows[r]] == level ? 1.0 : 0.0;
        }
}

/* Z_g'Z_g (upper triangle, q*q; the lower one zero), Z_g'e_g and (mg
 * non-NULL) Z_g'1 of the rows rows[0..m) (increasing); the first dm->pd
 * columns are dm's dummies (dm NULL: none), the others col[a]. Rows side
 * by side (a cluster of sorted data) are read in place, others gathered a
 * chunk at a time. */
static void cross_rows(const jk_dums *dm, const double *const *col, size_t q, const double *e, const size_t *rows,
                       size_t m, long double *Cg, long double *sg, long double *mg)
{
    memset(Cg, 0, q * q * sizeof *Cg);
    memset(sg, 0, q * sizeof *sg);
    if (mg) memset(mg, 0, q * sizeof *mg);
    if (m == 0 || q == 0) return;
    size_t pd = dm ? dm->pd : 0, R = chunk_rows(q), first = rows[0], r = 1;
    if (R > m) R = m;
    while (r < m && rows[r] == first + r) r++;
    int inplace = r == m;
    const double **z = cpr_malloc(q * sizeof *z);
    double *buf = inplace && pd == 0 ? NULL : cpr_malloc((inplace ? pd : q + 1) * R * sizeof *buf);
    for (size_t lo = 0; lo < m; lo += R) {
        size_t h = m - lo < R ? m - lo : R;
        const double *ec;
        if (pd) dums_fill(dm, rows + lo, h, R, buf);
        for (size_t a = 0; a < pd; a++) z[a] = buf + a * R;
        if (inplace) {
            for (size_t a = pd; a < q; a++) z[a] = col[a] + first + lo;
            ec = e + first + lo;
        } else {
            for (size_t a = pd; a < q; a++) {
                double *d = buf + a * R;
                for (size_t t = 0; t < h; t++) d[t] = col[a][rows[lo + t]];
                z[a] = d;
            }
            double *d = buf + q * R;
            for (size_t t = 0; t < h; t++) d[t] = e[rows[lo + t]];
            ec = d;
        }
        cross_chunk(z, ec, q, h, Cg, sg, mg);
    }
    free(buf);
    free((void *)z);
}

void cpr_jk_cluster_cross(const double *const *col, size_t q, const double *e, const size_t *rows, size_t m,
                          long double *Cg, long double *sg, long double *mg)
{
    cross_rows(NULL, col, q, e, rows, m, Cg, sg, mg);
}

static void cross_total(const jk_dums *dm, const double *const *col, size_t q, const double *e, const size_t *order,
                        const size_t *start, size_t G, long double *Cg, long double *sg, long double *C,
                        long double *scale)
{
    for (size_t g = 0; g < G; g++) {
        cross_rows(dm, col, q, e, order + start[g], start[g + 1] - start[g], Cg, sg, NULL);
        for (size_t a = 0; a < q * q; a++) C[a] += Cg[a];
    }
    for (size_t a = 0; a < q; a++) {
        scale[a] = C[a * q + a];
        for (size_t c = 0; c < a; c++) C[a * q + c] = C[c * q + a];
    }
}

void cpr_jk_cross_total(const double *const *col, size_t q, const double *e, const size_t *order,
                        const size_t *start, size_t G, long double *Cg, long double *sg, long double *C,
                        long double *scale)
{
    cross_total(NULL, col, q, e, order, start, G, Cg, sg, C, scale);
}

static double gstar(const double *gam, size_t G)
{
    long double mu = 0, v = 0;
    for (size_t g = 0; g < G; g++) mu += gam[g];
    mu /= G;
    if (!(mu > 0)) return NAN;
    for (size_t g = 0; g < G; g++) v += (gam[g] - mu) * (gam[g] - mu);
    return (double)(G / (1.0L + v / (G * mu * mu)));
}

int cpr_jackknife_alloc(const cpr_jk_in *in, cpr_jackknife **out)
{
    *out = NULL;
    size_t n = in->n, k = in->k, G = in->G, pd = 0;
    if (!in->cluster || G < 2)
        return cpr_fail(CPR_E_NUMERIC, "the cluster jackknife (CV3) and the cluster diagnostics need at least 2 clusters");
    size_t want = 0;
    for (int f = 0; f < 2; f++) want += in->fe[f] ? in->n_fe[f] : 0;
    if (want > JK_MAX_DUMMIES)
        return cpr_fail(CPR_E_NUMERIC, "the cluster jackknife carries absorbed effects that are not nested in the clusters as "
                        "dummies: %zu levels exceed the limit of %d; cluster by a variable that nests them, or drop them",
                        want, JK_MAX_DUMMIES);
    jk_dums dm;
    dums_init(in, &dm);
    pd = dm.pd;
    size_t q = pd + k;
    const double **col = cpr_malloc(q * sizeof *col);
    for (size_t c = 0; c < pd; c++) col[c] = NULL;     /* made by dums_fill */
    for (size_t c = 0; c < k; c++) col[pd + c] = in->X + c * n;
    size_t *order = cpr_malloc((n ? n : 1) * sizeof *order), *start = cpr_malloc((G + 1) * sizeof *start);
    cpr_jk_group_rows(in->cluster, n, G, order, start);

    long double *C = cpr_calloc(q * q, sizeof *C), *Cg = cpr_malloc(q * q * sizeof *Cg);
    long double *L = cpr_malloc(q * q * sizeof *L), *sg = cpr_malloc(q * sizeof *sg), *mg = cpr_malloc(q * sizeof *mg);
    long double *x = cpr_malloc(q * sizeof *x), *b = cpr_malloc(q * sizeof *b), *scale = cpr_malloc(q * sizeof *scale);
    unsigned char *keep = cpr_malloc(q), *keep0 = cpr_malloc(q);
    /* pass 1: Z'Z (the clusters' pieces are not kept for pass 2: on this
     * kind of virtual machine the fresh pages to hold them cost more than
     * computing them again) */
    cross_total(&dm, col, q, in->resid, order, start, G, Cg, sg, C, scale);
    /* (Z'Z)^-1 columns of the slopes: c_j, for partial leverage and G* */
    memcpy(L, C, q * q * sizeof *L);
    cpr_jk_chol_drop(L, q, scale, keep0);
    int rc = CPR_OK;
    for (size_t j = 0; j < k; j++)
        if (!keep0[pd + j]) rc = cpr_fail(CPR_E_NUMERIC, "cluster jackknife: regressor %zu is collinear with the absorbed effects", j + 1);
    cpr_jackknife *J = NULL;
    if (rc == CPR_OK) {
        J = cpr_calloc(1, sizeof *J);
        J->G = G; J->k = k; J->q = q;
        J->size = cpr_malloc(G * sizeof *J->size);
        J->delta = cpr_malloc(G * k * sizeof *J->delta);
        J->leverage = cpr_malloc(G * sizeof *J->leverage);
        J->partial = cpr_malloc(G * k * sizeof *J->partial);
        J->gstar0 = cpr_malloc(k * sizeof *J->gstar0);
        J->gstar1 = cpr_malloc(k * sizeof *J->gstar1);
        long double *cj = cpr_malloc(q * k * sizeof *cj), *Cinv = cpr_malloc(q * q * sizeof *Cinv);
        for (size_t a = 0; a < q; a++) {          /* full inverse for the leverage trace */
            for (size_t c = 0; c < q; c++) b[c] = c == a;
            cpr_jk_chol_solve(L, q, keep0, b, Cinv + a * q);
        }
        for (size_t j = 0; j < k; j++) memcpy(cj + j * q, Cinv + (pd + j) * q, q * sizeof *cj);
        double *g0 = cpr_malloc(G * k * sizeof *g0), *g1 = cpr_malloc(G * k * sizeof *g1);
        /* pass 2: per cluster */
        for (size_t g = 0; g < G; g++) {
            size_t m = start[g + 1] - start[g];
            J->size[g] = m;
            cross_rows(&dm, col, q, in->resid, order + start[g], m, Cg, sg, mg);
            for (size_t a = 0; a < q; a++)
                for (size_t c = 0; c < a; c++) Cg[a * q + c] = Cg[c * q + a];
            for (size_t a = 0; a < q * q; a++) L[a] = C[a] - Cg[a];
            cpr_jk_chol_drop(L, q, scale, keep);
            for (size_t a = 0; a < q; a++) b[a] = keep0[a] ? -sg[a] : 0;
            cpr_jk_chol_solve(L, q, keep, b, x);
            for (size_t j = 0; j < k; j++) J->delta[g * k + j] = keep[pd + j] ? (double)x[pd + j] : NAN;
            long double tr = 0;
            for (size_t a = 0; a < q; a++)
                for (size_t c = 0; c < q; c++) tr += Cinv[a * q + c] * Cg[c * q + a];
            J->leverage[g] = (double)tr;
            for (size_t j = 0; j < k; j++) {
                const long double *c = cj + j * q;
                long double quad = 0, lin = 0;
                for (size_t a = 0; a < q; a++) {
                    long double s = 0;
                    for (size_t e = 0; e < q; e++) s += Cg[a * q + e] * c[e];
                    quad += c[a] * s;
                    lin += c[a] * mg[a];
                }
                g0[g * k + j] = (double)quad;
                g1[g * k + j] = (double)(lin * lin);
                J->partial[g * k + j] = (double)(quad / c[pd + j]);
            }
        }
        double *gam = cpr_malloc(G * sizeof *gam);
        for (size_t j = 0; j < k; j++) {
            for (size_t g = 0; g < G; g++) gam[g] = g0[g * k + j];
            J->gstar0[j] = gstar(gam, G);
            for (size_t g = 0; g < G; g++) gam[g] = g1[g * k + j];
            /* all zero when effects nested in the clusters are absorbed: undefined */
            double s = 0, big = 0;
            for (size_t g = 0; g < G; g++) { s += gam[g]; big += g0[g * k + j]; }
            J->gstar1[j] = s > 1e-20 * big ? gstar(gam, G) : NAN;
        }
        free(gam); free(g0); free(g1); free(cj); free(Cinv);
    }
    free(dm.mu); free(col); free(order); free(start); free(C); free(Cg); free(L); free(sg); free(mg);
    free(x); free(b); free(scale); free(keep); free(keep0);
    *out = J;
    return rc;
}

void cpr_jackknife_free(cpr_jackknife *J)
{
    if (!J) return;
    free(J->size); free(J->delta); free(J->leverage); free(J->partial);
    free(J->gstar0); free(J->gstar1);
    free(J);
}

/* CV3 = (G-1)/G sum_g d_g d_g', d_g = beta_(g) - beta (or - mean beta_(g),
 * CV3J). A coefficient with an unidentified leave-one-out fit gets NAN in
 * its row and column. */
void cpr_jackknife_vcov(const cpr_jackknife *J, int centre_mean, double *V)
{
    size_t G = J->G, k = J->k;
    double *bar = cpr_calloc(k, sizeof *bar);
    if (centre_mean)
        for (size_t j = 0; j < k; j++) {
            long double s = 0;
            for (size_t g = 0; g < G; g++) s += J->delta[g * k + j];
            bar[j] = (double)(s / G);
        }
    for (size_t a = 0; a < k; a++)
        for (size_t c = a; c < k; c++) {
            long double s = 0;
            for (size_t g = 0; g < G; g++) s += (J->delta[g * k + a] - bar[a]) * (J->delta[g * k + c] - bar[c]);
            V[a * k + c] = V[c * k + a] = (double)(s * (G - 1.0L) / G);
        }
    free(bar);
}
