/* The absorption a model spec asks for on a design: its entity and time
 * codes with the spec's effects, tolerance and sweep limit (the within
 * transformation itself is in src/linalg/within.c). */
#include "cpr/model.h"

cpr_absorb cpr_absorb_for(const cpr_design *d, const cpr_model_spec *s)
{
    cpr_absorb a = { .n = d->n, .entity = d->entity, .time = d->time, .n_entities = d->n_entities,
                     .n_times = d->n_times, .effects = s->effects, .tol = s->fe_tol, .maxiter = s->fe_maxiter };
    return a;
}

void cpr_absorb_nesting(const cpr_design *d, const cpr_absorb *a, const int **nest, size_t *n_nest,
                        const int *other[2], size_t n_other[2])
{
    *nest = NULL; other[0] = other[1] = NULL;
    *n_nest = n_other[0] = n_other[1] = 0;
    if (!d->cluster) return;
    const int *codes[2] = { a->effects != CPR_EFFECTS_TIME ? d->entity : NULL, a->effects != CPR_EFFECTS_ENTITY ? d->time : NULL };
    size_t lev[2] = { d->n_entities, d->n_times }, no = 0;
    for (int f = 0; f < 2; f++) {
        if (!codes[f]) continue;
        if (cpr_codes_nested(codes[f], lev[f], d->cluster, d->n)) { *nest = codes[f]; *n_nest = lev[f]; }
        else { other[no] = codes[f]; n_other[no++] = lev[f]; }
    }
    if (no == 0) { *nest = NULL; *n_nest = 0; }   /* everything partialled out: no dummies to demean */
}

/* Stata counts the levels of absorbed dimensions not nested in the cluster
 * in K of its small-sample factor (xtreg,fe and ivreg2 alike). */
double cpr_absorb_unnested_levels(const cpr_design *d, const cpr_absorb *a)
{
    if (!d->cluster) return 0;
    double extra = 0;
    if (a->effects != CPR_EFFECTS_TIME && !cpr_codes_nested(d->entity, d->n_entities, d->cluster, d->n))
        extra += (double)d->n_entities - 1;
    if (a->effects != CPR_EFFECTS_ENTITY && !cpr_codes_nested(d->time, d->n_times, d->cluster, d->n))
        extra += (double)d->n_times - 1;
    return extra;
}
