/* The per-draw statistics of the wild cluster bootstrap: O(G k) a draw,
 * independent of the number of rows. A block of CPR_WCR_LANES draws is
 * computed side by side (one vector lane a draw), so each pass over the
 * per-cluster pieces serves eight draws instead of one: the pieces of 10^4
 * clusters (about 0.6 MB a coefficient) no longer stream from the outer
 * caches once per draw (B = 9,999, 10^4 clusters, two coefficients: the
 * draws took 2.4 s of CPU one at a time, 0.5 s in SSE2 pairs). Each lane does exactly the scalar operations in
 * the scalar order (sums over clusters in cluster order, no fused
 * multiply-add: ISO C mode keeps -ffp-contract=off), so a draw's numbers
 * do not depend on its lane, its block or the thread count. */
#include "bootstrap_internal.h"
#include "cpr/util.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

/* Vectors of doubles that may sit at any double's address (plain
 * cpr_malloc buffers), as the compilers' own unaligned vector types do. */
typedef double v2 __attribute__((vector_size(2 * sizeof(double)), aligned(sizeof(double))));
typedef double v4 __attribute__((vector_size(4 * sizeof(double)), aligned(sizeof(double))));
typedef long i2 __attribute__((vector_size(2 * sizeof(long))));
typedef long i4 __attribute__((vector_size(4 * sizeof(long))));
_Static_assert(sizeof(long) == sizeof(double), "a comparison of doubles gives longs");
_Static_assert(CPR_WCR_LANES % 4 == 0, "a block fills whole vectors");

/* SSE2, the x86-64 baseline (and any other machine): pairs of lanes. */
#define KV v2
#define KI i2
#define KN 2
#define KSFX _base
#define KATTR
#include "bootstrap_kernel_body.h"
#undef KV
#undef KI
#undef KN
#undef KSFX
#undef KATTR

/* AVX (not FMA: no fused multiply-add, so every operation rounds as in the
 * baseline and the numbers are bit-identical): four lanes a register,
 * twice the throughput, chosen at run time. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CPR_WCR_HAVE_AVX 1
#define KV v4
#define KI i4
#define KN 4
#define KSFX _avx
#define KATTR __attribute__((target("avx")))
#include "bootstrap_kernel_body.h"
#undef KV
#undef KI
#undef KN
#undef KSFX
#undef KATTR
#endif

int cpr_wcr_no_avx = 0;

#ifdef CPR_WCR_HAVE_AVX
/* AVX present and enabled by the system (its registers saved on context
 * switches), asked once, when a bootstrap first runs: the compilers'
 * __builtin_cpu_supports would run a cpuid constructor in every process,
 * and cpuid traps to the hypervisor on a virtual machine. */
static int avx_usable(void)
{
    static atomic_int known; /* 0 not asked, 1 no, 2 yes */
    int k = atomic_load(&known);
    if (k) return k == 2;
    unsigned a, b, c, d, lo = 0, hi = 0;
    int ok = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE) && (c & bit_AVX);
    if (ok) {
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        ok = (lo & 6) == 6;   /* SSE and AVX state */
    }
    (void)hi;
    atomic_store(&known, ok ? 2 : 1);
    return ok;
}
#endif

void cpr_wcr_block_stats(const cpr_wcr_pieces *p, const double *V, size_t nl, double *const *out, size_t fs)
{
#ifdef CPR_WCR_HAVE_AVX
    if (!cpr_wcr_no_avx && avx_usable()) { block_stats_avx(p, V, nl, out, fs); return; }
#endif
    block_stats_base(p, V, nl, out, fs);
}

size_t cpr_wcr_count_range(const double *d, size_t fs, size_t b0, size_t b1, double r, double lim2)
{
#ifdef CPR_WCR_HAVE_AVX
    if (!cpr_wcr_no_avx && avx_usable()) return count_extreme_avx(d, fs, b0, b1, r, lim2);
#endif
    return count_extreme_base(d, fs, b0, b1, r, lim2);
}

size_t cpr_wcr_settle_range(const double *d, size_t fs, size_t b0, size_t b1, const cpr_wcr_bracket *k,
                            size_t *act, size_t *na)
{
#ifdef CPR_WCR_HAVE_AVX
    if (!cpr_wcr_no_avx && avx_usable()) return settle_avx(d, fs, b0, b1, k, act, na);
#endif
    return settle_base(d, fs, b0, b1, k, act, na);
}

size_t cpr_wcr_count_extreme(const double *d, size_t B, double r, double lim2)
{
    return cpr_wcr_count_range(d, B, 0, B, r, lim2);
}

void cpr_wcr_draw_stats_cv3(const cpr_wcr_jpieces *p, const double *v, double *S, double *out, size_t fs)
{
    size_t G = p->G, k = p->k;
    double *S1 = S + k;
    memset(S, 0, 2 * k * sizeof *S);
    for (size_t h = 0; h < G; h++)
        for (size_t c = 0; c < k; c++) { S[c] += v[h] * p->S0[h * k + c]; S1[c] += v[h] * p->S1[h * k + c]; }
    double N0 = 0, N1 = 0, qa = 0, qb = 0, qc = 0;
    for (size_t c = 0; c < k; c++) { N0 += p->a[c] * S[c]; N1 += p->a[c] * S1[c]; }
    for (size_t g = 0; g < G; g++) {
        double P = -v[g] * p->E0[g], Q = -v[g] * p->E1[g];
        for (size_t c = 0; c < k; c++) { P += p->ca[g * k + c] * S[c]; Q += p->ca[g * k + c] * S1[c]; }
        qa += P * P; qb += P * Q; qc += Q * Q;
    }
    out[0] = N0; out[fs] = N1; out[2 * fs] = qa; out[3 * fs] = qb; out[4 * fs] = qc;
}
