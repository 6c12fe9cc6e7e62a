/* cpr_design allocation, and the labels of its clusters. */
#include "cpr/design.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

cpr_design *cpr_design_alloc(size_t n, size_t k)
{
    cpr_design *d = cpr_calloc(1, sizeof *d);
    d->n = n;
    d->k = k;
    d->y = cpr_calloc(n, sizeof(double));
    d->X = cpr_calloc(n * k, sizeof(double));
    d->names = cpr_calloc(k, sizeof(char *));
    return d;
}

void cpr_design_free(cpr_design *d)
{
    if (!d) return;
    free(d->y);
    free(d->X);
    for (size_t j = 0; j < d->k; j++) free(d->names[j]);
    free(d->names);
    free(d->Z);
    if (d->z_names)
        for (size_t j = 0; j < d->kz; j++) free(d->z_names[j]);
    free(d->z_names);
    free(d->entity);
    free(d->time);
    free(d->time_values);
    free(d->entity_labels); /* the array only: the strings belong to the frame */
    if (d->cluster != d->entity) free(d->cluster);   /* the entity codes when clustering by entity */
    free(d->cluster2);
    free(d->cluster_name);
    free(d->outcome);
    free(d->w);
    free(d->weight_name);
    free(d);
}

const char *const *cpr_design_cluster_labels(const cpr_design *d)
{
    if (!d->cluster || !d->entity || !d->entity_labels || d->n_clusters != d->n_entities) return NULL;
    if (d->cluster != d->entity && memcmp(d->cluster, d->entity, d->n * sizeof *d->cluster) != 0) return NULL;
    return (const char *const *)d->entity_labels;
}
