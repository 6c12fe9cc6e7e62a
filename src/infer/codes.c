/* Code bookkeeping for clustering: intersections of two code vectors. */
#include "cpr/infer.h"
#include "cpr/util.h"

#include <stdint.h>
#include <stdlib.h>

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sort (a, b) pairs packed in 64 bits with the row index: O(n log n). */
int *cpr_codes_intersect(const int *a, const int *b, size_t n, size_t *n_out)
{
    uint64_t (*key)[2] = cpr_malloc(n * sizeof *key);
    for (size_t i = 0; i < n; i++) {
        key[i][0] = ((uint64_t)(uint32_t)a[i] << 32) | (uint32_t)b[i];
        key[i][1] = i;
    }
    qsort(key, n, sizeof *key, cmp_u64);
    int *c = cpr_malloc(n * sizeof *c);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && key[i][0] != key[i - 1][0]) m++;
        c[key[i][1]] = (int)m;
    }
    *n_out = n ? m + 1 : 0;
    free(key);
    return c;
}
