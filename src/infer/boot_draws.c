/* Wild bootstrap weights. Random draws: draw b has its own splitmix64
 * stream started at a hash of (seed, b) (Steele, Lea & Flood 2014), so
 * draws can be made in any order on any thread with the same result. One
 * 64-bit word gives 64 Rademacher signs (one bit each); a Webb weight takes
 * 3 bits, values 6 and 7 rejected, so the six points stay exactly equally
 * likely (about 3.4 bits a weight). This replaced one gsl_rng_uniform_int
 * call per cluster and draw (half the time of a 10^4-cluster bootstrap). */
#include "boot_draws.h"

#include <stdint.h>
#include <string.h>

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static uint64_t next(uint64_t *s) { return mix64(*s += UINT64_C(0x9E3779B97F4A7C15)); }

static const double webb[6] = {-1.2247448713915890, -1.0, -0.70710678118654752,
                               0.70710678118654752, 1.0, 1.2247448713915890};

static const double sign[2] = {1.0, -1.0};

/* The start of draw b's stream; seed_mix = mix64(seed + ...), the same
 * for every draw. */
static uint64_t seed_mix(unsigned long seed) { return mix64((uint64_t)seed + UINT64_C(0x632BE59BD9B4E019)); }
static uint64_t stream_start(uint64_t sm, size_t b) { return mix64(sm ^ ((uint64_t)b * UINT64_C(0xD1B54A32D192ED03) + 1)); }

void cpr_boot_draw_weights(unsigned long seed, size_t b, size_t G, int exact, cpr_boot_weights wt,
                           double *v, size_t stride)
{
    if (exact) {
        size_t base = wt == CPR_BOOT_WEBB ? 6 : 2, rest = b;
        for (size_t g = 0; g < G; g++) {
            size_t u = rest % base;
            rest /= base;
            v[g * stride] = wt == CPR_BOOT_WEBB ? webb[u] : sign[u];
        }
        return;
    }
    /* distinct, far-apart starting points for every (seed, b) */
    uint64_t s = stream_start(seed_mix(seed), b);
    if (wt != CPR_BOOT_WEBB) {
        for (size_t g = 0; g < G; g += 64) {
            uint64_t w = next(&s);
            size_t m = G - g < 64 ? G - g : 64;
            /* a table, not a branch: random bits defeat branch prediction */
            for (size_t i = 0; i < m; i++) v[(g + i) * stride] = sign[(w >> i) & 1];
        }
        return;
    }
    uint64_t w = 0;
    int left = 0; /* 3-bit groups left in w */
    for (size_t g = 0; g < G;) {
        if (left == 0) { w = next(&s); left = 21; }
        unsigned u = (unsigned)(w & 7);
        w >>= 3;
        left--;
        if (u < 6) v[(g++) * stride] = webb[u];
    }
}

/* Random Rademacher weights of a full block: eight streams side by side,
 * weight g of lane l the double whose sign is bit g % 64 of lane l's word
 * (the bits of 1.0 with bit 63 set or not: exactly sign[bit]), eight
 * weights a few vector operations instead of a table look-up each. */
typedef uint64_t u64x2 __attribute__((vector_size(2 * sizeof(uint64_t))));

static void rademacher_block(unsigned long seed, size_t b, size_t G, double *V)
{
    uint64_t sm = seed_mix(seed), st[8];
    for (int l = 0; l < 8; l++) st[l] = stream_start(sm, b + (size_t)l);
    const u64x2 one = (u64x2){0} + UINT64_C(0x3FF0000000000000);
    for (size_t g = 0; g < G; g += 64) {
        /* four pairs of lanes in registers (a vector of eight spills) */
        u64x2 w0 = {next(&st[0]), next(&st[1])}, w1 = {next(&st[2]), next(&st[3])};
        u64x2 w2 = {next(&st[4]), next(&st[5])}, w3 = {next(&st[6]), next(&st[7])};
        size_t m = G - g < 64 ? G - g : 64;
        for (size_t i = 0; i < m; i++) {
            u64x2 x[4] = {(w0 << 63) | one, (w1 << 63) | one, (w2 << 63) | one, (w3 << 63) | one};
            memcpy(V + (g + i) * 8, x, sizeof x);
            w0 >>= 1; w1 >>= 1; w2 >>= 1; w3 >>= 1;
        }
    }
}

void cpr_boot_draw_block(unsigned long seed, size_t b, size_t nl, size_t L, size_t G, int exact,
                         cpr_boot_weights wt, double *V)
{
    if (L == 8 && nl == 8 && !exact && wt != CPR_BOOT_WEBB) { rademacher_block(seed, b, G, V); return; }
    for (size_t l = 0; l < nl; l++) cpr_boot_draw_weights(seed, b + l, G, exact, wt, V + l, L);
    for (size_t l = nl; l < L; l++)          /* unused lanes of the last block */
        for (size_t g = 0; g < G; g++) V[g * L + l] = 0;
}
