/* Singletons of the absorbed fixed effects, dropped as reghdfe drops them
 * (Correia 2015, "Singletons, cluster-robust standard errors and fixed
 * effects"): an observation alone in its entity (or, with time effects, in
 * its period) is fitted perfectly by its own dummy, so it adds nothing to
 * the slopes but inflates N and the number of clusters, which makes
 * cluster-robust standard errors too small. Dropping one may leave another
 * level with one observation, so the rule is applied until none is left;
 * the result does not depend on the order (it is the largest subsample in
 * which every level has at least two observations). */
#include "cpr/design_build.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

/* Re-code codes[0..n) densely after rows were removed, keeping the order of
 * the old codes; old_to_new receives the mapping (-1 = gone). */
static size_t recode(int *codes, size_t n, size_t nlev, int *old_to_new)
{
    for (size_t g = 0; g < nlev; g++) old_to_new[g] = -1;
    for (size_t i = 0; i < n; i++) old_to_new[codes[i]] = 0;
    size_t m = 0;
    for (size_t g = 0; g < nlev; g++)
        if (old_to_new[g] == 0) old_to_new[g] = (int)m++;
    for (size_t i = 0; i < n; i++) codes[i] = old_to_new[codes[i]];
    return m;
}

static void compact_doubles(double *col, const unsigned char *keep, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i]) col[o++] = col[i];
}

static void compact_ints(int *col, const unsigned char *keep, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i]) col[o++] = col[i];
}

/* Mark the singletons of the levels in `dims`; returns how many. */
static size_t mark(const cpr_design *d, int dims, unsigned char *keep)
{
    size_t *ce = cpr_calloc(d->n_entities + 1, sizeof *ce), *ct = cpr_calloc(d->n_times + 1, sizeof *ct);
    int use_e = (dims & CPR_SINGLETONS_ENTITY) && d->entity, use_t = (dims & CPR_SINGLETONS_TIME) && d->time;
    for (size_t i = 0; i < d->n; i++) {
        keep[i] = 1;
        if (use_e) ce[d->entity[i]]++;
        if (use_t) ct[d->time[i]]++;
    }
    size_t dropped = 0;
    for (int changed = 1; changed;) {
        /* one pass drops every current singleton; the counts it lowers may
         * make new ones, found by the next pass (O(n) each, few passes) */
        changed = 0;
        for (size_t i = 0; i < d->n; i++) {
            if (!keep[i]) continue;
            if ((use_e && ce[d->entity[i]] == 1) || (use_t && ct[d->time[i]] == 1)) {
                keep[i] = 0;
                if (use_e) ce[d->entity[i]]--;
                if (use_t) ct[d->time[i]]--;
                dropped++;
                changed = 1;
            }
        }
    }
    free(ce);
    free(ct);
    return dropped;
}

/* 1 when some level in `dims` has exactly one observation. The counts are
 * split over the threads for a big design (cpr_group_counts), so the usual
 * big panel, which has no singleton, needs no row pass and no keep array. */
static int any_singleton(const cpr_design *d, int dims)
{
    int found = 0;
    for (int t = 0; t < 2 && !found; t++) {
        const int *codes = t == 0 ? ((dims & CPR_SINGLETONS_ENTITY) ? d->entity : NULL) : ((dims & CPR_SINGLETONS_TIME) ? d->time : NULL);
        size_t nl = t == 0 ? d->n_entities : d->n_times;
        if (!codes) continue;
        size_t *c = cpr_malloc((nl ? nl : 1) * sizeof *c);
        cpr_group_counts(codes, d->n, nl, c);
        for (size_t g = 0; g < nl && !found; g++) found = c[g] == 1;
        free(c);
    }
    return found;
}

int cpr_design_drop_singletons(cpr_design *d, int dims, size_t *n_dropped)
{
    *n_dropped = 0;
    if (!dims || !d->entity || d->n == 0) return CPR_OK;
    if (!any_singleton(d, dims)) return CPR_OK;
    unsigned char *keep = cpr_malloc(d->n);
    size_t drop = mark(d, dims, keep);
    /* every observation a singleton (T = 1 for all entities, ...): leave the
     * design alone so the estimator's own, more specific message is given */
    if (drop == d->n) drop = 0;
    if (drop == 0) { free(keep); return CPR_OK; }
    size_t n = d->n;
    compact_doubles(d->y, keep, n);
    for (size_t j = 0; j < d->k; j++) {
        compact_doubles(d->X + j * n, keep, n);
        /* columns move down to their new stride */
        if (j) memmove(d->X + j * (n - drop), d->X + j * n, (n - drop) * sizeof *d->X);
    }
    for (size_t j = 0; j < d->kz; j++) {
        compact_doubles(d->Z + j * n, keep, n);
        if (j) memmove(d->Z + j * (n - drop), d->Z + j * n, (n - drop) * sizeof *d->Z);
    }
    if (d->w) compact_doubles(d->w, keep, n);
    compact_ints(d->entity, keep, n);
    if (d->time) compact_ints(d->time, keep, n);
    if (d->cluster && d->cluster != d->entity) compact_ints(d->cluster, keep, n);
    if (d->cluster2) compact_ints(d->cluster2, keep, n);
    d->n = n - drop;

    size_t maxlev = d->n_entities;
    if (d->n_times > maxlev) maxlev = d->n_times;
    if (d->n_clusters > maxlev) maxlev = d->n_clusters;
    if (d->n_cluster2 > maxlev) maxlev = d->n_cluster2;
    int *map = cpr_malloc((maxlev + 1) * sizeof *map);
    size_t ne = recode(d->entity, d->n, d->n_entities, map);
    if (d->entity_labels)
        for (size_t g = 0; g < d->n_entities; g++)
            if (map[g] >= 0) d->entity_labels[map[g]] = d->entity_labels[g];
    d->n_entities = ne;
    if (d->time) {
        size_t nt = recode(d->time, d->n, d->n_times, map);
        if (d->time_values)
            for (size_t t = 0; t < d->n_times; t++)
                if (map[t] >= 0) d->time_values[map[t]] = d->time_values[t];
        d->n_times = nt;
    }
    if (d->cluster == d->entity && d->entity) d->n_clusters = d->n_entities;   /* the same array, already re-coded */
    else if (d->cluster) d->n_clusters = recode(d->cluster, d->n, d->n_clusters, map);
    if (d->cluster2) d->n_cluster2 = recode(d->cluster2, d->n, d->n_cluster2, map);
    free(map);
    free(keep);
    *n_dropped = drop;
    return CPR_OK;
}
