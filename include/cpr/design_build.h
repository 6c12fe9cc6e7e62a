/* The design builder: frame + formula -> cpr_design (the regression
 * problem every estimator takes), with listwise deletion and the panel
 * codes. Layer panel. */
#ifndef CPR_DESIGN_BUILD_H
#define CPR_DESIGN_BUILD_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/formula.h"
#include "cpr/frame.h"

typedef struct {
    int no_constant;       /* drop the intercept even if the formula has one */
    int absorb_fe;         /* the estimator absorbs fixed effects: no "const" column */
    const char *cluster;   /* cluster variable (NULL = the entity) */
    const char *cluster2;  /* optional second cluster variable */
    const char *weight;    /* weight variable (NULL = none): missing or 0 drops the row,
                              negative is an error, fweights must be integers */
    int weight_type;       /* cpr_weight_type (design.h); 0 = aweight when weight is set */
    int drop_singletons;   /* CPR_SINGLETONS_* of the absorbed fixed effects; 0 = keep them */
    /* The frame passed to the builder, writable, when nothing reads its
     * numeric columns or key arrays after the build (NULL: the frame is left
     * as it is). The builder then frees each column the design copied (the
     * outcome is taken over when every row is used) and the entity/time
     * arrays, setting them to NULL: the frame keeps its names, labels and
     * text columns, and must only be freed afterwards. For big data, so the
     * frame and the design do not both hold the columns. */
    cpr_frame *consume;
} cpr_design_opts;

/* Which absorbed dimensions singletons are dropped for (reghdfe's rule). */
#define CPR_SINGLETONS_ENTITY 1
#define CPR_SINGLETONS_TIME 2

/* What the builder did beyond the design itself (for notes in the output). */
typedef struct {
    size_t n_log_nonpositive; /* dropped rows where a log() argument was <= 0 */
    size_t n_lag_missing;     /* dropped rows where a lag/lead/difference had no period */
    size_t n_singletons;      /* dropped singletons of the fixed effects (drop_singletons) */
} cpr_design_info;

/* Build the regression design. Listwise deletion over every used variable
 * (outcome, regressors, instruments, cluster variables); d->n_dropped counts
 * the removed rows. Entity, time and cluster codes are dense over the rows
 * used; d->entity_labels is an array owned by the design whose strings are
 * borrowed from the frame (keep the frame alive). Columns: "const" first
 * when there is an intercept, then the exogenous terms, then the endogenous
 * ones (d->kx_endog), instruments in d->Z. `opts` and `info` may be NULL.
 * Linear in the number of rows apart from sorting the values of a cluster
 * variable other than the entity or time key. With the entity as the
 * cluster (the default), d->cluster is d->entity itself. */
int cpr_design_build(const cpr_frame *f, const cpr_formula *fm,
                     const cpr_design_opts *opts, cpr_design **out,
                     cpr_design_info *info);

/* Drop the observations alone in their entity (dims & CPR_SINGLETONS_ENTITY)
 * or period (CPR_SINGLETONS_TIME), repeatedly until none is left, as reghdfe
 * does; re-codes entities, periods and clusters densely. *n_dropped gets
 * the number removed. When every observation is one, nothing is dropped
 * (the estimator then says why it cannot fit).
 * (src/panel/singletons.c) */
int cpr_design_drop_singletons(cpr_design *d, int dims, size_t *n_dropped);

/* Evaluate one term over every frame row into out (f->nrow values, NAN
 * where missing): what cpr_design_build computes before listwise deletion.
 * CPR_E_NOVAR / CPR_E_NONNUMERIC for unknown or text variables. */
int cpr_term_eval(const cpr_frame *f, const cpr_expr *e, double *out);

/* The sample as text: "ARG 2004-2021 (18); BOL 2000, 2002-2005 (5)", one
 * entity after the other with its calendar years as ranges and its count.
 * NULL for a cross-section. Caller frees. */
char *cpr_design_sample_text(const cpr_design *d);
/* The same for the rows with mask[i] != 0 only (e.g. one threshold regime). */
char *cpr_design_sample_text_mask(const cpr_design *d, const unsigned char *mask);

#endif
