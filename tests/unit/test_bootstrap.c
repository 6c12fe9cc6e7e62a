/* Restricted wild cluster bootstrap against a brute-force R oracle on the
 * Grunfeld data (10 firms: all 2^10 = 1024 sign vectors are enumerated, so
 * the results are exact and seed-free). The oracle re-estimates the model
 * for every sign vector: tests/unit/oracle/wcr_grunfeld.R, its output
 * hard-coded below is tests/unit/oracle/wcr_grunfeld.out. Also: seeded
 * draws are reproducible and seeds agree closely; timing of B = 9999. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpr/bootstrap.h"
#include "cpr/infer.h"
#include "cpr/model.h"
#include "cpr/status.h"
#include "refdata.h"
#include "../../src/infer/bootstrap_internal.h"
#include "../../src/infer/boot_draws.h"

static ref_table *gt;
static int *gcl;
static size_t gG;
static double *Xw, *yw;     /* one-way within (firm) data: value, capital */
static double *X2, *y2;     /* two-way within data */
static double *X3;          /* pooled: const, value, capital */

static void near(const char *what, double got, double want, double tol)
{
    double err = want == 0 ? fabs(got) : fabs(got - want) / fabs(want);
    if (!(err <= tol)) { fprintf(stderr, "MISMATCH %s: got %.17g want %.17g\n", what, got, want); fail(); }
}

static int setup(void **st)
{
    (void)st;
    char *p = ref_path("grunfeld", "data.csv");
    gt = ref_read_csv(p);
    free(p);
    if (!gt) return -1;
    size_t n = gt->nrow, nt;
    gcl = ref_codes(ref_col(gt, "firm"), n, &gG, NULL);
    int *tcode = ref_codes(ref_col(gt, "year"), n, &nt, NULL);
    Xw = malloc(3 * n * sizeof *Xw); X2 = malloc(3 * n * sizeof *X2); X3 = malloc(3 * n * sizeof *X3);
    memcpy(Xw, ref_col(gt, "inv"), n * sizeof *Xw);
    memcpy(Xw + n, ref_col(gt, "value"), n * sizeof *Xw);
    memcpy(Xw + 2 * n, ref_col(gt, "capital"), n * sizeof *Xw);
    memcpy(X2, Xw, 3 * n * sizeof *X2);
    for (size_t i = 0; i < n; i++) X3[i] = 1.0;
    memcpy(X3 + n, Xw + n, 2 * n * sizeof *X3);
    cpr_absorb a1 = { .n = n, .entity = gcl, .n_entities = gG, .effects = CPR_EFFECTS_ENTITY };
    cpr_absorb a2 = { .n = n, .entity = gcl, .time = tcode, .n_entities = gG, .n_times = nt, .effects = CPR_EFFECTS_TWOWAY };
    int it;
    if (cpr_within_transform(&a1, Xw, 3, &it) || cpr_within_transform(&a2, X2, 3, &it)) return -1;
    yw = Xw; Xw += n; y2 = X2; X2 += n;   /* column 0 is y */
    free(tcode);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(yw); free(y2); free(X3); free(gcl);
    ref_table_free(gt);
    return 0;
}

static void check(const char *tag, const double *X, size_t k, const double *y, size_t j,
                  double beta, double se, double p, double lo, double hi)
{
    cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95 };
    cpr_boot_out o;
    assert_int_equal(cpr_wcr_test(X, gt->nrow, k, y, gcl, gG, j, &s, &o), CPR_OK);
    assert_int_equal(o.exact, 1);
    assert_int_equal(o.B, 1024);
    fprintf(stderr, "%s: p %.17g [%.17g, %.17g]\n", tag, o.p, o.low, o.high);
    near(tag, o.estimate, beta, 1e-10);
    near(tag, o.se, se, 1e-9);
    assert_true(o.p == p);          /* a multiple of 1/1024: exact */
    near(tag, o.low, lo, 1e-9);
    near(tag, o.high, hi, 1e-9);
}

/* Values from tests/unit/oracle/wcr_grunfeld.out. */
static void test_oracle_oneway(void **st)
{
    (void)st;
    check("oneway_value", Xw, 2, yw, 0, 0.11012380412071833, 0.014342143712349778, 0.00390625,
          0.037692847812248118, 0.1966043054333193);
    check("oneway_capital", Xw, 2, yw, 1, 0.31006534130013907, 0.049792608723774057, 0.025390625,
          0.033104062586304536, 0.3713757364785244);
}

static void test_oracle_twoway_pooled(void **st)
{
    (void)st;
    check("twoway_value", X2, 2, y2, 0, 0.1177158550826065, 0.0097120236868350023, 0.001953125,
          0.070597099630554661, 0.15587753167282586);
    check("pooled_capital", X3, 3, ref_col(gt, "inv"), 2, 0.23067848873196961, 0.080200798054643169,
          0.0234375, 0.031762850931386991, 0.3694933085908042);
}

/* The same oracle values by the QR route (taken for designs too close to
 * collinear for the cross-product route), and for both coefficients at
 * once (cpr_wcr_test_range: one weight vector per draw for all). */
static void test_oracle_qr_route_and_range(void **st)
{
    cpr_wcr_force_qr = 1;
    test_oracle_oneway(st);
    test_oracle_twoway_pooled(st);
    cpr_wcr_force_qr = 0;
    cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95 };
    cpr_boot_out o[2];
    assert_int_equal(cpr_wcr_test_range(Xw, gt->nrow, 2, yw, gcl, gG, 0, 2, &s, o), CPR_OK);
    assert_true(o[0].p == 0.00390625 && o[1].p == 0.025390625);
    near("range value low", o[0].low, 0.037692847812248118, 1e-9);
    near("range value high", o[0].high, 0.1966043054333193, 1e-9);
    near("range capital low", o[1].low, 0.033104062586304536, 1e-9);
    near("range capital high", o[1].high, 0.3713757364785244, 1e-9);
    /* random draws (B < 2^G) through the baseline SSE2 kernel and through
     * AVX where the CPU has it: no fused multiply-add, so the same bits */
    s.B = 999; s.seed = 3;
    s.weights = CPR_BOOT_WEBB;
    cpr_boot_out v[2];
    cpr_wcr_no_avx = 1;
    assert_int_equal(cpr_wcr_test_range(Xw, gt->nrow, 2, yw, gcl, gG, 0, 2, &s, o), CPR_OK);
    cpr_wcr_no_avx = 0;
    assert_int_equal(cpr_wcr_test_range(Xw, gt->nrow, 2, yw, gcl, gG, 0, 2, &s, v), CPR_OK);
    for (int j = 0; j < 2; j++)
        assert_true(o[j].p == v[j].p && o[j].low == v[j].low && o[j].high == v[j].high && o[j].se == v[j].se);
}

/* WCR31 / WCU33 (CV3 t) against the brute-force refits of the oracle. */
static void check_cv3(const char *tag, const double *X, size_t k, const double *y, size_t j, cpr_boot_type type,
                      double beta, double p, double lo, double hi)
{
    cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95, .type = type };
    cpr_boot_out o;
    assert_int_equal(cpr_wcr_test(X, gt->nrow, k, y, gcl, gG, j, &s, &o), CPR_OK);
    assert_int_equal(o.exact, 1);
    fprintf(stderr, "%s: p %.17g [%.17g, %.17g]\n", tag, o.p, o.low, o.high);
    near(tag, o.estimate, beta, 1e-10);
    assert_true(o.p == p);
    near(tag, o.low, lo, 1e-8);
    near(tag, o.high, hi, 1e-8);
}

static void test_oracle_cv3(void **st)
{
    (void)st;
    check_cv3("wcr31_oneway_value", Xw, 2, yw, 0, CPR_BOOT_WCR31, 0.11012380412071833, 0.01953125,
              0.027224647258429026, 0.60214199772004418);
    check_cv3("wcr31_pooled_capital", X3, 3, ref_col(gt, "inv"), 2, CPR_BOOT_WCR31, 0.23067848873196961,
              0.03125, 0.010188579685347653, 0.38397044799971425);
    check_cv3("wcu33_oneway_value", Xw, 2, yw, 0, CPR_BOOT_WCU33, 0.11012380412071833, 0.19921875,
              -0.031863995742966916, 0.25211160398440358);
    check_cv3("wcu33_pooled_capital", X3, 3, ref_col(gt, "inv"), 2, CPR_BOOT_WCU33, 0.23067848873196961,
              0.25, -0.29031250623514993, 0.75166948369908915);
}

/* Two-way FE through the whole path (cpr_fit_bootstrap): the year
 * effects are not nested in the firms, so the CV3 bootstraps carry them as
 * dummies; the oracle refits the LSDV regression with firm and year dummies. */
static void test_oracle_cv3_twoway(void **st)
{
    (void)st;
    const char *xs[] = { "value", "capital" };
    cpr_design *d = ref_design(gt, "inv", xs, 2, 0, "firm", "year");
    cpr_model_spec ms;
    cpr_model_spec_default(&ms);
    static const struct { cpr_boot_type t; double p, lo, hi; } want[2] = {
        { CPR_BOOT_WCR31, 0.212890625, -0.18096065261281835, 2.3103509266955324 },
        { CPR_BOOT_WCU33, 0.314453125, -2.0991676131374462, 2.8150001592843017 },
    };
    for (int i = 0; i < 2; i++) {
        cpr_fit *f = NULL;
        assert_int_equal(cpr_model_estimate(d, &ms, &f), CPR_OK);
        assert_int_equal(cpr_infer_run(f), CPR_OK);
        near("twoway beta", f->r->estimate[1], 0.35791627307342755, 1e-10);
        cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95, .type = want[i].t };
        assert_int_equal(cpr_fit_bootstrap(f, &s), CPR_OK);
        cpr_result *r = cpr_fit_take_result(f);
        cpr_fit_free(f);
        fprintf(stderr, "twoway %d: p %.17g [%.17g, %.17g]\n", i, r->boot_p[1], r->boot_low[1], r->boot_high[1]);
        assert_true(r->boot_p[1] == want[i].p);
        near("twoway low", r->boot_low[1], want[i].lo, 1e-8);
        near("twoway high", r->boot_high[1], want[i].hi, 1e-8);
        cpr_result_free(r);
    }
    cpr_design_free(d);
}

/* Random draws (B < 2^G): same seed -> identical; another seed -> close. */
static void test_seeded(void **st)
{
    (void)st;
    size_t n = gt->nrow;
    cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_WEBB, .conf_level = 0.95 };
    cpr_boot_out a, b, c;
    assert_int_equal(cpr_wcr_test(Xw, n, 2, yw, gcl, gG, 1, &s, &a), CPR_OK);
    assert_int_equal(cpr_wcr_test(Xw, n, 2, yw, gcl, gG, 1, &s, &b), CPR_OK);
    assert_int_equal(a.exact, 0);
    assert_int_equal(a.B, 9999);
    assert_true(a.p == b.p && a.low == b.low && a.high == b.high);
    s.seed = 7;
    assert_int_equal(cpr_wcr_test(Xw, n, 2, yw, gcl, gG, 1, &s, &c), CPR_OK);
    fprintf(stderr, "webb seeds 42/7: p %.4f / %.4f\n", a.p, c.p);
    assert_true(fabs(a.p - c.p) < 0.015);
    assert_true(fabs(a.low - c.low) < 0.05 * (a.high - a.low));
    assert_true(fabs(a.high - c.high) < 0.05 * (a.high - a.low));
    /* Rademacher random draws are close to the exact enumeration */
    s.weights = CPR_BOOT_RADEMACHER; s.B = 1000; s.seed = 1;
    assert_int_equal(cpr_wcr_test(Xw, n, 2, yw, gcl, gG, 1, &s, &c), CPR_OK);
    assert_int_equal(c.exact, 0);
    assert_true(fabs(c.p - 0.0234375) < 0.02);
}

/* p(r) at the interval ends straddles alpha; bad input fails cleanly. */
static void test_inversion_and_errors(void **st)
{
    (void)st;
    size_t n = gt->nrow;
    cpr_boot_spec s = { .B = 9999, .seed = 42, .weights = CPR_BOOT_RADEMACHER, .conf_level = 0.95 };
    cpr_wcr *w;
    assert_int_equal(cpr_wcr_alloc(Xw, n, 2, yw, gcl, gG, 0, &s, &w), CPR_OK);
    double lo, hi;
    cpr_wcr_ci(w, 0.95, &lo, &hi);
    assert_true(cpr_wcr_pvalue(w, lo + 1e-9) >= 0.05 && cpr_wcr_pvalue(w, lo - 1e-9) < 0.05);
    assert_true(cpr_wcr_pvalue(w, hi - 1e-9) >= 0.05 && cpr_wcr_pvalue(w, hi + 1e-9) < 0.05);
    fprintf(stderr, "p(beta) %.17g\n", cpr_wcr_pvalue(w, 0.11012380412071833));
    assert_true(cpr_wcr_pvalue(w, 0.11012380412071833) > 0.99);
    cpr_wcr_free(w);
    int one[3] = { 0, 0, 0 };
    double x[3] = { 1, 2, 3 }, y[3] = { 1, 3, 2 };
    assert_int_equal(cpr_wcr_alloc(x, 3, 1, y, one, 1, 0, &s, &w), CPR_E_NUMERIC);
    cpr_error_clear();
    assert_int_equal(cpr_wcr_enumerates(13, 9999, CPR_BOOT_RADEMACHER), 1);
    assert_int_equal(cpr_wcr_enumerates(14, 9999, CPR_BOOT_RADEMACHER), 0);
    assert_int_equal(cpr_wcr_enumerates(5, 9999, CPR_BOOT_WEBB), 1);    /* 6^5 = 7776 */
    assert_int_equal(cpr_wcr_enumerates(6, 9999, CPR_BOOT_WEBB), 0);
    /* G = 2, Webb: all 36 vectors; p is never below the 6 of 36 that tie */
    int two[4] = { 0, 0, 1, 1 };
    double xg2[8] = { 1, 1, 1, 1, 1, 2, 4, 3 }, yg2[4] = { 1, 2, 5, 3.5 };
    s.weights = CPR_BOOT_WEBB;
    cpr_boot_out o;
    assert_int_equal(cpr_wcr_test(xg2, 4, 2, yg2, two, 2, 1, &s, &o), CPR_OK);
    assert_int_equal(o.exact, 1);
    assert_int_equal(o.B, 36);
    near("G=2 floor", o.p_floor, 6.0 / 36, 1e-15);
    assert_true(o.p >= o.p_floor);
    assert_true(isnan(o.low) && isnan(o.high));    /* nothing can be rejected at 5% */
}

/* The vectorised p-value scan counts exactly what the scalar expression
 * counts, on both kernels: ties (num^2 == lim2 den2), zero, negative and
 * NaN variances, and draw counts that leave a partial vector. */
static void test_count_extreme(void **st)
{
    (void)st;
    enum { B = 1003 };
    double *d = calloc(5 * B, sizeof *d);
    unsigned long long z = 12345;
    for (size_t i = 0; i < 5 * B; i++) {
        z = z * 6364136223846793005ULL + 1442695040888963407ULL;
        d[i] = (double)(long long)(z >> 40) / 1048576.0 - 8.0;
    }
    d[2 * B + 5] = 0.0;                     /* den2 = 0 at r = 0 */
    d[2 * B + 6] = NAN;                     /* undefined */
    d[0 + 7] = 3.0; d[B + 7] = 0.0;         /* num^2 = 9 */
    d[2 * B + 7] = 1.0; d[3 * B + 7] = 0.0; d[4 * B + 7] = 0.0;   /* den2 = 1: a tie at lim2 = 9 */
    const double rs[] = {0.0, 0.37, -1.25, 2.0};
    const double lims[] = {9.0, 0.5, 4.0};
    for (size_t n = 1; n <= B; n += (n < 20 ? 1 : 97))
        for (size_t a = 0; a < 4; a++)
            for (size_t c = 0; c < 3; c++) {
                double r = rs[a], lim2 = lims[c];
                size_t want = 0;
                for (size_t b = 0; b < n; b++) {
                    /* the five arrays of n draws: a prefix of each of B */
                    double num = d[b] - r * d[B + b], den2 = d[2 * B + b] - 2.0 * r * d[3 * B + b] + r * r * d[4 * B + b];
                    want += !(den2 > 0) || num * num >= lim2 * den2;
                }
                double *e = malloc(5 * n * sizeof *e);
                for (size_t f = 0; f < 5; f++) memcpy(e + f * n, d + f * B, n * sizeof *e);
                cpr_wcr_no_avx = 1;
                assert_int_equal(cpr_wcr_count_extreme(e, n, r, lim2), want);
                cpr_wcr_no_avx = 0;
                assert_int_equal(cpr_wcr_count_extreme(e, n, r, lim2), want);
                free(e);
            }
    free(d);
}

/* The interval search that settles draws over the bisection bracket and
 * stops counts early finds exactly what the plain search finds: every
 * point scanned over every draw (the search before, written out here). */
static double plain_end(const cpr_wcr *w, double alpha, double dir)
{
    double in = w->beta, step = w->se > 0 ? w->se / 4 : fabs(w->beta) + 1.0, out = NAN;
    if (w->floor >= alpha) return NAN;
    for (int m = 1; m <= 60; m++) {
        double r = w->beta + dir * step * (m <= 40 ? m : 40.0 * ldexp(1.0, m - 40));
        if (!isfinite(r)) break;
        if (cpr_wcr_pvalue(w, r) < alpha) { out = r; break; }
        in = r;
    }
    if (isnan(out)) return NAN;
    for (int it = 0; it < 200; it++) {
        double mid = 0.5 * (in + out);
        if (mid == in || mid == out) break;
        if (cpr_wcr_pvalue(w, mid) < alpha) out = mid; else in = mid;
    }
    return 0.5 * (in + out);
}

static void test_ci_search_exact(void **st)
{
    (void)st;
    unsigned long long z = 987654321;
#define UNIF() (z = z * 6364136223846793005ULL + 1442695040888963407ULL, (double)(z >> 11) / 9007199254740992.0)
    const size_t Bs[] = {7, 64, 1003, 4999};
    const double alphas[] = {0.05, 0.1, 0.01, 0.5, 0.9, 0.2001};
    size_t checked = 0, bounded = 0;
    for (size_t ib = 0; ib < 4; ib++)
        for (int rep = 0; rep < 6; rep++) {
            size_t B = Bs[ib], G = 3 + (size_t)rep;
            cpr_wcr w = { .B = B, .floor = 1.0 / (double)B, .beta = (UNIF() - 0.5) * (rep == 3 ? 0.02 : 4.0),
                          .se = 0.05 + UNIF() };
            w.d = malloc(5 * B * sizeof *w.d);
            for (size_t b = 0; b < B; b++) {
                /* a draw's numbers as the kernel makes them: N0 - r N1 over
                 * the sum of squares of P_g - r Q_g */
                double n0 = 0, n1 = 0, qa = 0, qb = 0, qc = 0;
                for (size_t g = 0; g < G; g++) {
                    double v = UNIF() < 0.5 ? -1.0 : 1.0, c0 = UNIF() - 0.3, c1 = UNIF() + 0.2;
                    double P = v * c0 + 0.1 * (UNIF() - 0.5), Q = v * c1 + 0.1 * (UNIF() - 0.5);
                    n0 += v * c0; n1 += v * c1; qa += P * P; qb += P * Q; qc += Q * Q;
                }
                if (b % 97 == 5) qa = qb = qc = 0;            /* degenerate draw */
                if (b % 211 == 7) n0 = NAN;                   /* undefined draw */
                if (b % 101 == 3) { n1 = 0; qb = 0; qc = 0; } /* t* proportional to 1: a tie zone */
                w.d[b] = n0; w.d[B + b] = n1; w.d[2 * B + b] = qa; w.d[3 * B + b] = qb; w.d[4 * B + b] = qc;
            }
            for (size_t a = 0; a < 6; a++)
                for (int dir = -1; dir <= 1; dir += 2)
                    for (int avx = 0; avx < 2; avx++) {
                        cpr_wcr_no_avx = !avx;
                        double want = plain_end(&w, alphas[a], dir), got = cpr_wcr_ci_end(&w, alphas[a], dir);
                        if (!(memcmp(&want, &got, sizeof got) == 0 || (isnan(want) && isnan(got)))) {
                            fprintf(stderr, "B %zu rep %d alpha %g dir %d: got %.17g want %.17g\n", B, rep, alphas[a], dir, got, want);
                            fail();
                        }
                        checked++;
                        bounded += !isnan(want);
                    }
            cpr_wcr_no_avx = 0;
            free(w.d);
        }
#undef UNIF
    fprintf(stderr, "interval ends checked: %zu, %zu bounded\n", checked, bounded);
    assert_true(bounded > checked / 2);
}

/* A block of eight draws' weights (eight streams side by side, signs
 * from bits) holds the numbers each draw makes alone. */
static void test_draw_block(void **st)
{
    (void)st;
    const size_t Gs[] = {1, 2, 19, 63, 64, 65, 130};
    double V[130 * 8], v[130];
    for (size_t ig = 0; ig < 7; ig++)
        for (int wt = 0; wt < 2; wt++)
            for (int exact = 0; exact < 2; exact++)
                for (size_t nl = 1; nl <= 8; nl += 7 - (nl == 8)) {
                    size_t G = Gs[ig], b = exact ? 3 : 1000003;
                    memset(V, 0x55, sizeof V);
                    cpr_boot_draw_block(42, b, nl, 8, G, exact, (cpr_boot_weights)wt, V);
                    for (size_t l = 0; l < 8; l++) {
                        if (l < nl) cpr_boot_draw_weights(42, b + l, G, exact, (cpr_boot_weights)wt, v, 1);
                        for (size_t g = 0; g < G; g++) assert_true(V[g * 8 + l] == (l < nl ? v[g] : 0.0));
                    }
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oracle_oneway), cmocka_unit_test(test_oracle_twoway_pooled),
        cmocka_unit_test(test_oracle_cv3), cmocka_unit_test(test_oracle_qr_route_and_range),
        cmocka_unit_test(test_oracle_cv3_twoway), cmocka_unit_test(test_count_extreme),
        cmocka_unit_test(test_seeded), cmocka_unit_test(test_inversion_and_errors),
        cmocka_unit_test(test_ci_search_exact), cmocka_unit_test(test_draw_block),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
