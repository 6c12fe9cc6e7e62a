/* Cluster diagnostics into a result (summclust's report): sizes, leverage,
 * partial leverage, beta_(g), G*, and the one-line warnings printed even
 * when the table is not asked for. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

void cpr_cluster_sizes(const size_t *size, size_t G, size_t *min, double *median, size_t *max)
{
    size_t *s = cpr_malloc((G ? G : 1) * sizeof *s);
    memcpy(s, size, G * sizeof *s);
    qsort(s, G, sizeof *s, cmp_size);
    *min = G ? s[0] : 0;
    *max = G ? s[G - 1] : 0;
    *median = G == 0 ? NAN : G % 2 ? (double)s[G / 2] : 0.5 * ((double)s[G / 2 - 1] + (double)s[G / 2]);
    free(s);
}

void cpr_result_set_cluster_diag(cpr_result *r, const cpr_jackknife *J, const char *const *labels, int show)
{
    size_t G = J->G, k = J->k;
    cpr_cluster_diag *c = cpr_cluster_diag_alloc(G, k);
    c->show = show;
    c->interest = 0;
    while (c->interest + 1 < k && strcmp(r->terms[c->interest], "const") == 0) c->interest++;
    for (size_t g = 0; g < G; g++) {
        c->labels[g] = labels ? cpr_strdup(labels[g]) : cpr_asprintf("%zu", g + 1);
        c->size[g] = J->size[g];
        c->leverage[g] = J->leverage[g];
        for (size_t j = 0; j < k; j++) {
            c->partial[g * k + j] = J->partial[g * k + j];
            c->beta_loo[g * k + j] = r->estimate[j] + J->delta[g * k + j];
        }
    }
    memcpy(c->gstar0, J->gstar0, k * sizeof *c->gstar0);
    memcpy(c->gstar1, J->gstar1, k * sizeof *c->gstar1);
    cpr_cluster_diag_free(r->cdiag);
    r->cdiag = c;

    size_t j = c->interest, top = 0, nbad = 0;
    for (size_t g = 0; g < G; g++) {
        if (c->partial[g * k + j] > c->partial[top * k + j]) top = g;
        for (size_t i = 0; i < k; i++) nbad += isnan(c->beta_loo[g * k + i]);
    }
    const char *term = r->terms[j];
    if (c->gstar0[j] < CPR_GSTAR_WARN)
        cpr_result_add_note(r, "few effective clusters for %s: G* = %.1f of G = %zu (Carter, Schnepel & Steigerwald 2017; "
                               "below %g, cluster-robust t tests over-reject: prefer --se cr3 and the wild bootstrap)",
                            term, c->gstar0[j], G, CPR_GSTAR_WARN);
    if (c->partial[top * k + j] >= CPR_PLEV_WARN)
        cpr_result_add_note(r, "one cluster dominates %s: %s holds %.0f%% of its partial leverage (see --cluster-diagnostics)",
                            term, c->labels[top], 100 * c->partial[top * k + j]);
    if (nbad)
        cpr_result_add_note(r, "%zu leave-one-cluster-out estimates are not identified (a cluster holds all the variation "
                               "of a regressor): shown as NA; the CV3 variance of that coefficient is NA", nbad);
}
