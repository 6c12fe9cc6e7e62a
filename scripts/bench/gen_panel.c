/* Synthetic panel for the benchmarks (scripts/bench.sh) and the large-n
 * unit test: N rows, 10,000 entities (fewer when N < 20,000), fixed seed.
 *
 *   gen_panel N [SEED] > panel.csv      columns entity,year,y,x1,x2
 *
 * Unbalanced with gaps: entity e has N/G rows (alternately 20% more and
 * 20% fewer, so the total is exactly N), drawn without replacement from
 * Tmax = 1.5 * N/G consecutive years by selection sampling (Knuth's
 * algorithm S), so rows come out sorted by entity, then year. Model:
 *   y = 0.5 x1 - 0.3 x2 + a_e + g_t + u_e + eps,
 * x1 correlated with a_e (so pooled OLS is biased and FE is not), x2 with
 * g_t; u_e is an entity-level error (so clustering matters). Values are
 * printed with 6 decimals: every tool reads the same decimal numbers.
 * RNG: xoshiro256** seeded by splitmix64; normals by Box-Muller. The output
 * depends only on N and SEED (no libc rand, no locale). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { uint64_t s[4]; } gen_rng;

static uint64_t gen_splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void gen_seed(gen_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++) r->s[i] = gen_splitmix(&seed);
}

static uint64_t gen_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t gen_next(gen_rng *r)
{
    uint64_t *s = r->s, res = gen_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = gen_rotl(s[3], 45);
    return res;
}

/* uniform on (0, 1) */
static double gen_unif(gen_rng *r) { return ((double)(gen_next(r) >> 11) + 0.5) * 0x1.0p-53; }

static double gen_norm(gen_rng *r)
{
    return sqrt(-2.0 * log(gen_unif(r))) * cos(6.283185307179586 * gen_unif(r));
}

/* Write the panel to out; returns 0, or -1 on a write error. */
static int gen_panel_write(FILE *out, size_t N, uint64_t seed)
{
    size_t G = N >= 20000 ? 10000 : (N / 2 ? N / 2 : 1);
    size_t base = N / G, extra = N % G;          /* first `extra` entities get one more */
    size_t spread = base / 5;                    /* +-20%, in pairs: total unchanged */
    size_t Tmax = base + spread + 1 + base / 2;
    gen_rng r;
    gen_seed(&r, seed);
    double *gt = malloc(Tmax * sizeof *gt);
    if (!gt) return -1;
    for (size_t t = 0; t < Tmax; t++) gt[t] = 0.5 * gen_norm(&r) + 0.01 * (double)t;
    if (fprintf(out, "entity,year,y,x1,x2\n") < 0) { free(gt); return -1; }
    for (size_t e = 0; e < G; e++) {
        size_t ne = base + (e < extra);
        if (e + 1 < G || G % 2 == 0) ne = (e % 2 == 0) ? ne + spread : ne - spread;
        if (ne > Tmax) ne = Tmax;
        double ae = gen_norm(&r), ue = 0.5 * gen_norm(&r);
        size_t need = ne;
        for (size_t t = 0; t < Tmax && need > 0; t++) {
            if ((double)(Tmax - t) * gen_unif(&r) >= (double)need) continue;   /* algorithm S */
            need--;
            double x1 = 0.8 * ae + gen_norm(&r), x2 = 0.6 * gt[t] + gen_norm(&r);
            double y = 0.5 * x1 - 0.3 * x2 + ae + gt[t] + ue + gen_norm(&r);
            if (fprintf(out, "%zu,%zu,%.6f,%.6f,%.6f\n", e + 1, 2000 + t, y, x1, x2) < 0) { free(gt); return -1; }
        }
    }
    free(gt);
    return 0;
}

#ifndef GEN_PANEL_NO_MAIN
int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen_panel N [SEED] > panel.csv\n");
        return 2;
    }
    char *end;
    double nd = strtod(argv[1], &end);
    if (*end || !(nd >= 2) || nd > 1e9) { fprintf(stderr, "gen_panel: bad N '%s'\n", argv[1]); return 2; }
    uint64_t seed = argc == 3 ? strtoull(argv[2], NULL, 10) : 20240601u;
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    if (gen_panel_write(stdout, (size_t)nd, seed) != 0 || fflush(stdout) != 0) {
        perror("gen_panel");
        return 1;
    }
    return 0;
}
#endif
