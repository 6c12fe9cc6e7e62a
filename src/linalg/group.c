/* Group counts, group means and nesting of group codes: O(n) each. */
#include "cpr/linalg.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

void cpr_group_counts(const int *g, size_t n, size_t ng, size_t *counts)
{
    memset(counts, 0, ng * sizeof *counts);
    for (size_t i = 0; i < n; i++) counts[g[i]]++;
}

/* Sums in long double: group means feed every within/between transform. */
void cpr_group_means(const int *g, size_t n, size_t ng, const double *cols,
                     size_t ncols, double *means)
{
    long double *s = cpr_calloc(ng, sizeof *s);
    size_t *cnt = cpr_malloc(ng * sizeof *cnt);
    cpr_group_counts(g, n, ng, cnt);
    for (size_t j = 0; j < ncols; j++) {
        for (size_t c = 0; c < ng; c++) s[c] = 0;
        for (size_t i = 0; i < n; i++) s[g[i]] += cols[j * n + i];
        for (size_t c = 0; c < ng; c++) means[c * ncols + j] = cnt[c] ? (double)(s[c] / cnt[c]) : 0.0;
    }
    free(s); free(cnt);
}

int cpr_codes_nested(const int *inner, size_t n_inner, const int *outer, size_t n)
{
    int *owner = cpr_malloc(n_inner * sizeof *owner);
    for (size_t c = 0; c < n_inner; c++) owner[c] = -1;
    int nested = 1;
    for (size_t i = 0; i < n && nested; i++) {
        if (owner[inner[i]] < 0) owner[inner[i]] = outer[i];
        else if (owner[inner[i]] != outer[i]) nested = 0;
    }
    free(owner);
    return nested;
}
