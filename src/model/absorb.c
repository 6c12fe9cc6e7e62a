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
