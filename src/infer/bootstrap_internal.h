/* Internals of the wild cluster bootstrap (bootstrap_wcr.c): the
 * per-cluster pieces every draw reads (bootstrap_pieces.c) and the draw
 * statistics computed from them (bootstrap_kernel.c). Not public API. */
#ifndef CPR_BOOTSTRAP_INTERNAL_H
#define CPR_BOOTSTRAP_INTERNAL_H

#include <stddef.h>

#include "cpr/bootstrap.h"

/* WCR (CV1 t) pieces of one coefficient, column-major over clusters:
 * C0, C1 (G); T0, T1, W (k columns of G: T0[c * G + g]). See the algebra
 * at the top of bootstrap_wcr.c. */
typedef struct {
    size_t G, k;
    double *C0, *C1, *T0, *T1, *W;
} cpr_wcr_pieces;

/* CV3 pieces (WCR31 / WCU33): a (k); ca = c_g - a, S0, S1 (G*k, row per
 * cluster); E0, E1 (G). */
typedef struct {
    size_t G, k;
    double *a, *ca, *S0, *S1, *E0, *E1;
} cpr_wcr_jpieces;

/* What the draws of one coefficient need, besides the pieces. */
typedef struct {
    double beta, se;          /* unrestricted beta_j and its CR0 (WCR) or CV3 se */
    int cv3;
    cpr_wcr_pieces p;         /* WCR */
    cpr_wcr_jpieces jp;       /* WCR31, WCU33 */
} cpr_wcr_setup;

/* The pieces of coefficients j0 .. j0 + nj - 1 (set[0 .. nj-1]). Fails
 * like cpr_wcr_alloc (collinear design, a CV3 leave-one-out fit that
 * loses coefficient j). */
int cpr_wcr_setup_range(const double *X, size_t n, size_t k, const double *y, const int *cluster,
                        size_t G, size_t j0, size_t nj, cpr_boot_type type, cpr_wcr_setup *set);
void cpr_wcr_setup_clear(cpr_wcr_setup *s);

/* Draws computed side by side: lane l of a block is one draw. */
#define CPR_WCR_LANES 8

/* The five numbers (N0, N1, qa, qb, qc) of each of nl <= CPR_WCR_LANES
 * draws whose weights are V[g * CPR_WCR_LANES + l]; draw l's go to
 * out[l][0], out[l][fs], ..., out[l][4 * fs] (the draws' numbers are kept
 * as five arrays of B, fs = B, so that the p-value scan reads them as
 * vectors). Every lane computes exactly the scalar sums in cluster order,
 * so a draw's numbers do not depend on its lane or block. */
void cpr_wcr_block_stats(const cpr_wcr_pieces *p, const double *V, size_t nl, double *const *out, size_t fs);
/* The same for the CV3 pieces, one draw (weights v, G) at a time; S is
 * 2k scratch. */
void cpr_wcr_draw_stats_cv3(const cpr_wcr_jpieces *p, const double *v, double *S, double *out, size_t fs);

/* #{b < B : den2_b(r) <= 0 (or NaN) or num_b(r)^2 >= lim2 den2_b(r)} over
 * the five arrays d[0..5B) (N0, N1, qa, qb, qc), with num = N0 - r N1 and
 * den2 = qa - 2r qb + r^2 qc: exactly the scalar count (cpr_wcr_extreme_one),
 * several draws a vector. */
size_t cpr_wcr_count_extreme(const double *d, size_t B, double r, double lim2);
/* The same count over draws [b0, b1) of five arrays fs apart. */
size_t cpr_wcr_count_range(const double *d, size_t fs, size_t b0, size_t b1, double r, double lim2);

/* Draw b extreme at r: the test every count makes, in its exact order of
 * operations (the vector kernels do the same operations lane by lane). */
static inline int cpr_wcr_extreme_one(const double *d, size_t fs, size_t b, double r, double lim2)
{
    double num = d[b] - r * d[fs + b], den2 = d[2 * fs + b] - 2.0 * r * d[3 * fs + b] + r * r * d[4 * fs + b];
    return !(den2 > 0) || num * num >= lim2 * den2;
}

/* |t(r)|^2, slightly shrunk, for gap = |beta - r|: a draw is extreme when
 * |t*|^2 >= this (TIE_TOL: |t*| within 1e-9 relative of |t| is a tie,
 * counted as extreme). Increasing in gap (every step rounds monotonically). */
#define CPR_WCR_TIE_TOL 1e-9
static inline double cpr_wcr_lim2(double gap, double se)
{
    double lim = gap / se * (1.0 - CPR_WCR_TIE_TOL);
    return lim * lim;
}

/* A bracket [lo, hi] of the interval search (bootstrap_ci.c) and what
 * every draw's test shares over it. */
typedef struct {
    double lo, hi, tlo, thi;      /* ends, and 2 r at each (as the test computes it) */
    double rrmin, rrmax;          /* range of r * r */
    double l2min, l2max;          /* range of cpr_wcr_lim2 */
} cpr_wcr_bracket;

/* 1: draw b extreme everywhere in the bracket; 0: nowhere; 2: not
 * settled. With num = s0 - r s1, den2 = (s2 - (2r) s3) + (r r) s4 and lim2
 * as cpr_wcr_extreme_one computes them: num, s2 - (2r) s3, (r r) s4 and
 * lim2 are each monotone in r (every operation rounds monotonically), so
 * their values at the ends bound their values between; num * num is
 * monotone in |num|; a sum, and a product of non-negative numbers, in
 * each term. Bounds of the floating-point expression, not of the real one:
 * a settled draw's test gives the same answer at every r of the bracket. */
static inline int cpr_wcr_settle_one(const double *d, size_t fs, size_t b, const cpr_wcr_bracket *k)
{
    double s0 = d[b], s1 = d[fs + b], s2 = d[2 * fs + b], s3 = d[3 * fs + b], s4 = d[4 * fs + b];
    double nl = s0 - k->lo * s1, nh = s0 - k->hi * s1;
    double al = s2 - k->tlo * s3, ah = s2 - k->thi * s3;
    double bl = k->rrmin * s4, bh = k->rrmax * s4;
    if (!(nl - nl == 0 && nh - nh == 0 && al - al == 0 && ah - ah == 0 && bl - bl == 0 && bh - bh == 0)) return 2;
    double anl = nl < 0 ? -nl : nl, anh = nh < 0 ? -nh : nh;
    double nmax = anl > anh ? anl : anh, nmin = (nl > 0 && nh < 0) || (nl < 0 && nh > 0) ? 0 : anl < anh ? anl : anh;
    double d2min = (al < ah ? al : ah) + (bl < bh ? bl : bh), d2max = (al < ah ? ah : al) + (bl < bh ? bh : bl);
    if (d2max <= 0 || nmin * nmin >= k->l2max * d2max) return 1;
    if (d2min > 0 && nmax * nmax < k->l2min * d2min) return 0;
    return 2;
}

/* cpr_wcr_settle_one over draws [b0, b1), several a vector: returns the
 * number settled extreme and appends the unsettled ones to act[*na ..). */
size_t cpr_wcr_settle_range(const double *d, size_t fs, size_t b0, size_t b1, const cpr_wcr_bracket *k,
                            size_t *act, size_t *na);

/* What the draws leave for the tests: the five numbers of every draw. */
struct cpr_wcr {
    size_t B;
    int exact;
    double floor;           /* smallest p the draws can resolve */
    double beta, se;        /* unrestricted beta_j and its CR0 (WCR) or CV3 (WCR31, WCU33; no (G-1)/G) se */
    int centred;            /* WCU: t* centred on beta, so p(r) moves only through t */
    double *d;              /* five arrays of B: N0, N1, qa, qb, qc of every draw */
};

/* One end of the interval {r : p(r) >= alpha}: dir -1 below beta, +1
 * above; NAN when unbounded (bootstrap_ci.c). */
double cpr_wcr_ci_end(const cpr_wcr *w, double alpha, double dir);

/* Setting to 1 sends every design through the QR route (tests: both
 * routes against the same outside reference). */
extern int cpr_wcr_force_qr;
/* Setting to 1 keeps the lane kernel on the baseline (SSE2) code where AVX
 * would be used (tests: both give the same bits). */
extern int cpr_wcr_no_avx;

#endif
