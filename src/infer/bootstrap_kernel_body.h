/* The body of the lane kernel, compiled once per vector width by
 * bootstrap_kernel.c: KV (vector type of KN doubles), KSFX (name suffix),
 * KATTR (target attribute), KI (vector of KN longs: a comparison's
 * result). H vectors make one block of CPR_WCR_LANES draws. Not a header of its own: include only from bootstrap_kernel.c. */

#define KCAT_(a, b) a##b
#define KCAT(a, b) KCAT_(a, b)
#define KH (CPR_WCR_LANES / KN)

/* The five sums of every lane; TV0, TV1 hold k * KH vectors each. A
 * vector times a double: the compilers broadcast the scalar in registers. */
static inline __attribute__((always_inline)) void
KCAT(block_sums, KSFX)(const cpr_wcr_pieces *p, const KV *V, size_t k, KV *TV0, KV *TV1,
                       size_t nl, double *const *out, size_t fs)
{
    size_t G = p->G;
    const KV zero = {0};
    KV N0[KH], N1[KH], qa[KH], qb[KH], qc[KH];
    for (int m = 0; m < KH; m++) N0[m] = N1[m] = qa[m] = qb[m] = qc[m] = zero;
    for (size_t g = 0; g < G; g++) {
        double c0 = p->C0[g], c1 = p->C1[g];
        for (int m = 0; m < KH; m++) { N0[m] += V[g * KH + m] * c0; N1[m] += V[g * KH + m] * c1; }
    }
    for (size_t c = 0; c < k; c++) {
        const double *t0 = p->T0 + c * G, *t1 = p->T1 + c * G;
        KV a0[KH], a1[KH];
        for (int m = 0; m < KH; m++) a0[m] = a1[m] = zero;
        for (size_t g = 0; g < G; g++)
            for (int m = 0; m < KH; m++) { a0[m] += V[g * KH + m] * t0[g]; a1[m] += V[g * KH + m] * t1[g]; }
        for (int m = 0; m < KH; m++) { TV0[c * KH + m] = a0[m]; TV1[c * KH + m] = a1[m]; }
    }
    for (size_t h = 0; h < G; h++) {
        double c0 = p->C0[h], c1 = p->C1[h];
        KV P[KH], Q[KH];
        for (int m = 0; m < KH; m++) { P[m] = V[h * KH + m] * c0; Q[m] = V[h * KH + m] * c1; }
        for (size_t c = 0; c < k; c++) {
            double w = p->W[c * G + h];
            for (int m = 0; m < KH; m++) { P[m] -= TV0[c * KH + m] * w; Q[m] -= TV1[c * KH + m] * w; }
        }
        for (int m = 0; m < KH; m++) { qa[m] += P[m] * P[m]; qb[m] += P[m] * Q[m]; qc[m] += Q[m] * Q[m]; }
    }
    for (size_t l = 0; l < nl; l++) {
        double *o = out[l];
        size_t m = l / KN, i = l % KN;
        o[0] = N0[m][i]; o[fs] = N1[m][i]; o[2 * fs] = qa[m][i]; o[3 * fs] = qb[m][i]; o[4 * fs] = qc[m][i];
    }
}

/* k fixed at compile time (1 to 4): the column loops unroll into
 * registers; any other k through the heap. */
#define KBLOCK(K) case K: { KV TV0[K * KH], TV1[K * KH]; \
        KCAT(block_sums, KSFX)(p, Vv, K, TV0, TV1, nl, out, fs); break; }

static KATTR void KCAT(block_stats, KSFX)(const cpr_wcr_pieces *p, const double *V, size_t nl, double *const *out, size_t fs)
{
    const KV *Vv = (const KV *)V;
    switch (p->k) {
    KBLOCK(1) KBLOCK(2) KBLOCK(3) KBLOCK(4)
    default: {
        KV *TV = cpr_malloc(2 * KH * p->k * sizeof *TV);
        KCAT(block_sums, KSFX)(p, Vv, p->k, TV, TV + KH * p->k, nl, out, fs);
        free(TV);
    }
    }
}

/* The p-value scan (cpr_wcr_count_range): KN draws a vector, each
 * operation the scalar one in the scalar order (products commute exactly),
 * the leftover draws by the scalar expression itself. */
static KATTR size_t KCAT(count_extreme, KSFX)(const double *d, size_t fs, size_t b0, size_t b1, double r, double lim2)
{
    const double *d0 = d, *d1 = d + fs, *d2 = d + 2 * fs, *d3 = d + 3 * fs, *d4 = d + 4 * fs;
    const double tr = 2.0 * r, rr = r * r;
    const KV zero = {0};
    KI acc = {0};
    size_t b = b0;
    for (; b + KN <= b1; b += KN) {
        KV s0 = *(const KV *)(d0 + b), s1 = *(const KV *)(d1 + b), s2 = *(const KV *)(d2 + b);
        KV s3 = *(const KV *)(d3 + b), s4 = *(const KV *)(d4 + b);
        KV num = s0 - s1 * r, den2 = s2 - s3 * tr + s4 * rr;
        acc -= ~(den2 > zero) | (num * num >= den2 * lim2);   /* true is -1 */
    }
    size_t count = 0;
    for (int i = 0; i < KN; i++) count += (size_t)acc[i];
    for (; b < b1; b++) count += cpr_wcr_extreme_one(d, fs, b, r, lim2);
    return count;
}

/* cpr_wcr_settle_range: cpr_wcr_settle_one, KN draws a vector (its
 * bounds are rigorous whatever the order of the lanes), the leftover
 * draws by the scalar function. */
static KATTR size_t KCAT(settle, KSFX)(const double *d, size_t fs, size_t b0, size_t b1, const cpr_wcr_bracket *k,
                                       size_t *act, size_t *na)
{
    const double *d0 = d, *d1 = d + fs, *d2 = d + 2 * fs, *d3 = d + 3 * fs, *d4 = d + 4 * fs;
    const KV zero = {0};
    const KI sgn = (KI){0} + (long)0x7fffffffffffffff;
    KI acc = {0};
    size_t b = b0, m = *na;
#define KMIN(a, c) ((KV)((((KI)(a)) & ((a) < (c))) | (((KI)(c)) & ~((a) < (c)))))
#define KMAX(a, c) ((KV)((((KI)(a)) & ((a) > (c))) | (((KI)(c)) & ~((a) > (c)))))
    for (; b + KN <= b1; b += KN) {
        KV s0 = *(const KV *)(d0 + b), s1 = *(const KV *)(d1 + b), s2 = *(const KV *)(d2 + b);
        KV s3 = *(const KV *)(d3 + b), s4 = *(const KV *)(d4 + b);
        KV nl = s0 - s1 * k->lo, nh = s0 - s1 * k->hi;
        KV al = s2 - s3 * k->tlo, ah = s2 - s3 * k->thi;
        KV bl = s4 * k->rrmin, bh = s4 * k->rrmax;
        KI fin = (nl - nl == zero) & (nh - nh == zero) & (al - al == zero) & (ah - ah == zero) & (bl - bl == zero) & (bh - bh == zero);
        KV anl = (KV)((KI)nl & sgn), anh = (KV)((KI)nh & sgn);
        KI change = ((nl > zero) & (nh < zero)) | ((nl < zero) & (nh > zero));
        KV nmax = KMAX(anl, anh), nmin = (KV)((KI)KMIN(anl, anh) & ~change);
        KV d2min = KMIN(al, ah) + KMIN(bl, bh), d2max = KMAX(al, ah) + KMAX(bl, bh);
        KI yes = fin & ((d2max <= zero) | (nmin * nmin >= d2max * k->l2max));
        KI no = fin & ~yes & (d2min > zero) & (nmax * nmax < d2min * k->l2min);
        KI open = ~(yes | no);
        acc -= yes;
        for (int i = 0; i < KN; i++)
            if (open[i]) act[m++] = b + (size_t)i;
    }
#undef KMIN
#undef KMAX
    size_t count = 0;
    for (int i = 0; i < KN; i++) count += (size_t)acc[i];
    for (; b < b1; b++) {
        int s = cpr_wcr_settle_one(d, fs, b, k);
        if (s == 2) act[m++] = b;
        else count += (size_t)s;
    }
    *na = m;
    return count;
}

#undef KBLOCK
#undef KH
#undef KCAT
#undef KCAT_
