/* A regression problem in the form every estimator takes: outcome, regressor
 * matrix stored column-major in one contiguous block, and the panel codes of
 * each observation. Built from a frame and a formula by src/panel/design.c;
 * estimators never see frames, so they can be tested on reference data alone. */
#ifndef CPR_DESIGN_H
#define CPR_DESIGN_H

#include <stddef.h>

/* Stata's weight kinds: aweights are rescaled to sum to N (s^2 = sum w e^2
 * / (N - K)); pweights give the same estimates with robust or clustered
 * variances only; fweights replicate observations (N = sum of weights). */
typedef enum { CPR_WEIGHT_NONE, CPR_WEIGHT_A, CPR_WEIGHT_P, CPR_WEIGHT_F } cpr_weight_type;

typedef struct {
    size_t n;            /* observations used (after listwise deletion) */
    size_t k;            /* columns of X (includes "const" when has_const) */
    double *y;           /* n */
    double *X;           /* n*k, column j at X + j*n */
    char **names;        /* k term names */
    int has_const;       /* 1 when column 0 is the intercept */

    /* Endogenous regressors and instruments for IV (kz == 0 otherwise). */
    size_t kx_endog;     /* the last kx_endog columns of X are endogenous */
    size_t kz;           /* excluded instruments */
    double *Z;           /* n*kz, column-major */
    char **z_names;

    /* Panel structure; entity/time are NULL for a cross-section. Rows are
     * sorted by entity, then time. */
    int *entity;         /* n codes 0..n_entities-1 */
    int *time;           /* n codes 0..n_times-1 (index into time_values) */
    size_t n_entities, n_times;
    int *time_values;    /* n_times calendar values */
    char **entity_labels;/* n_entities labels: array owned by the design (freed by
                          cpr_design_free), strings borrowed from the frame */
    int *cluster;        /* primary cluster codes, n (clustering by entity, the default:
                            the entity array itself, not a copy; never write through it) */
    size_t n_clusters;
    int *cluster2;       /* optional second cluster dimension, n codes */
    size_t n_cluster2;
    char *cluster_name;  /* e.g. "iso3" */

    /* Observation weights (NULL: unweighted), all > 0 and finite: rows with a
     * missing or zero weight are dropped by the builder. How they enter the
     * estimators is weight_type (src/model/weights.c). */
    double *w;
    cpr_weight_type weight_type;
    char *weight_name;
    size_t n_zero_weight;/* rows dropped because their weight was 0 */

    /* 1: an estimator may overwrite X (the FE within transformation demeans
     * it in place, src/model/fe.c) because nothing reads the design's
     * regressors after the fit; y is never overwritten. 0 (the default):
     * estimators leave the design as it is. */
    int x_scratch;

    size_t n_dropped;    /* rows removed by listwise deletion */
    char *outcome;       /* outcome name */
} cpr_design;

cpr_design *cpr_design_alloc(size_t n, size_t k);
void cpr_design_free(cpr_design *d);
/* The entity labels when the clusters are the entities (the default), else
 * NULL (clusters are then numbered in the diagnostics). */
const char *const *cpr_design_cluster_labels(const cpr_design *d);

#endif
