/* The wild cluster bootstrap interval by test inversion: each end is found
 * by walking outward from beta in steps of se/4 (40 steps, then doubling)
 * to the first r with p(r) < alpha, then bisecting between it and the last
 * r inside down to adjacent doubles. The answer depends only on whether
 * p(r) < alpha at each point visited, that is on whether fewer than K draws
 * are extreme there; two things make that question cheap without changing
 * any answer:
 *  - a count stops as soon as its outcome is settled (K extreme draws
 *    reached, or too few draws left to reach K);
 *  - during the bisection a draw whose test cannot change anywhere in the
 *    current bracket is settled once and not looked at again. The test
 *    (cpr_wcr_extreme_one) is a chain of correctly rounded operations, each
 *    monotone in its inputs, so the values it computes at the two ends of
 *    the bracket bound what it computes at any r between them (exact bounds
 *    of the floating-point expression, not of the real one). A draw is
 *    settled when those bounds decide the comparison; the rest (a few
 *    percent of the draws at first, halving with the bracket) are tested
 *    exactly as the full scan tests them.
 * Before, every one of the some 60 points an end visits scanned all B
 * draws: two thirds of the bootstrap's work in a small job (G = 19,
 * B = 9,999). */
#include "bootstrap_internal.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

#define BISECT_ITER 200
#define CHUNK 512          /* draws counted between checks whether the outcome is settled */

/* p(r) < alpha exactly when fewer than K draws are extreme: (double)c / B
 * rounds monotonically in c, so K is the first c with !(c / B < alpha)
 * (B + 1 when there is none). */
static size_t reject_below(size_t B, double alpha)
{
    size_t lo = 0, hi = B + 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((double)mid / (double)B < alpha) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* 1 when p(r) < alpha, over all draws. */
static int rejects(const cpr_wcr *w, double r, size_t K)
{
    size_t B = w->B, c = 0;
    double lim2 = cpr_wcr_lim2(fabs(w->beta - r), w->se);
    for (size_t b0 = 0; b0 < B; b0 += CHUNK) {
        if (c >= K) return 0;
        if (B - b0 < K - c) return 1;
        c += cpr_wcr_count_range(w->d, B, b0, B - b0 < CHUNK ? B : b0 + CHUNK, r, lim2);
    }
    return c < K;
}

static int bracket_set(cpr_wcr_bracket *k, const cpr_wcr *w, double a, double b)
{
    k->lo = a < b ? a : b;
    k->hi = a < b ? b : a;
    k->tlo = 2.0 * k->lo;
    k->thi = 2.0 * k->hi;
    double r2lo = k->lo * k->lo, r2hi = k->hi * k->hi;
    if (k->lo >= 0) { k->rrmin = r2lo; k->rrmax = r2hi; }
    else if (k->hi <= 0) { k->rrmin = r2hi; k->rrmax = r2lo; }
    else { k->rrmin = 0; k->rrmax = r2lo > r2hi ? r2lo : r2hi; }
    double glo = w->beta - k->lo, ghi = w->beta - k->hi, alo = fabs(glo), ahi = fabs(ghi);
    double gmax = alo > ahi ? alo : ahi, gmin = (glo >= 0) == (ghi >= 0) || glo == 0 || ghi == 0 ? (alo < ahi ? alo : ahi) : 0;
    k->l2min = cpr_wcr_lim2(gmin, w->se);
    k->l2max = cpr_wcr_lim2(gmax, w->se);
    /* bounds that are not plain numbers settle nothing */
    return isfinite(k->tlo) && isfinite(k->thi) && isfinite(k->rrmax) && k->l2min >= 0 && isfinite(k->l2max);
}

/* Keep in act[0 .. *na) only the draws the bracket does not settle; add
 * those settled extreme to *base. */
static void settle_all(const cpr_wcr *w, const cpr_wcr_bracket *k, size_t *act, size_t *na, size_t *base)
{
    size_t m = 0;
    for (size_t i = 0; i < *na; i++) {
        int s = cpr_wcr_settle_one(w->d, w->B, act[i], k);
        if (s == 2) act[m++] = act[i];
        else *base += (size_t)s;
    }
    *na = m;
}

/* Bisect between in (not rejected) and out (rejected). */
static double bisect(const cpr_wcr *w, double in, double out, size_t K)
{
    size_t B = w->B, *act = cpr_malloc(B * sizeof *act), na = 0, base = 0;
    cpr_wcr_bracket k;
    if (bracket_set(&k, w, in, out)) base = cpr_wcr_settle_range(w->d, B, 0, B, &k, act, &na);
    else for (na = 0; na < B; na++) act[na] = na;
    for (int it = 0; it < BISECT_ITER; it++) {
        double mid = 0.5 * (in + out);
        if (mid == in || mid == out) break;
        int rej;
        if (base >= K) rej = 0;
        else if (na < K - base) rej = 1;
        else {
            double lim2 = cpr_wcr_lim2(fabs(w->beta - mid), w->se);
            size_t c = base;
            for (size_t i = 0; i < na; i++) c += (size_t)cpr_wcr_extreme_one(w->d, B, act[i], mid, lim2);
            rej = c < K;
        }
        if (rej) out = mid; else in = mid;
        if (!na || !bracket_set(&k, w, in, out)) continue;
        /* while many draws are open, settling all of them again in vectors
         * costs less than one by one (the bracket only shrinks, so a
         * settled draw stays settled) */
        if (na > B / 3) { na = 0; base = cpr_wcr_settle_range(w->d, B, 0, B, &k, act, &na); }
        else settle_all(w, &k, act, &na, &base);
    }
    free(act);
    return 0.5 * (in + out);
}

double cpr_wcr_ci_end(const cpr_wcr *w, double alpha, double dir)
{
    double in = w->beta, step = w->se > 0 ? w->se / 4 : fabs(w->beta) + 1.0, out = NAN;
    if (w->floor >= alpha) return NAN;   /* no value can be rejected: unbounded */
    size_t K = reject_below(w->B, alpha);
    /* up to 40 * 2^20 steps (10^7 standard errors): beyond, rounding in the
     * quadratic variance decides, not the data */
    for (int m = 1; m <= 60; m++) {
        double r = w->beta + dir * step * (m <= 40 ? m : 40.0 * ldexp(1.0, m - 40));
        if (!isfinite(r)) break;
        if (rejects(w, r, K)) { out = r; break; }
        in = r;
    }
    if (isnan(out)) return NAN;
    return bisect(w, in, out, K);
}

void cpr_wcr_ci(const cpr_wcr *w, double level, double *low, double *high)
{
    double alpha = 1.0 - level;
    *low = cpr_wcr_ci_end(w, alpha, -1.0);
    *high = cpr_wcr_ci_end(w, alpha, 1.0);
}
