/* One results struct for every model (gretl's MODEL idea): the printers in
 * src/report render it as text, Markdown, CSV, JSON or LaTeX, so an
 * estimator only fills numbers and labels and never formats output. */
#ifndef CPR_RESULT_H
#define CPR_RESULT_H

#include <stddef.h>

typedef struct {
    char *name;      /* machine name, e.g. "r2_within" (JSON key) */
    char *label;     /* human label, e.g. "R-squared (within)" */
    double value;    /* NAN when not applicable */
    int is_integer;  /* print without decimals */
} cpr_stat;

typedef struct {
    char *name;        /* e.g. "hausman" */
    char *label;       /* e.g. "Hausman test (FE vs RE)" */
    double statistic;
    double df1, df2;   /* df2 = 0 for chi-square tests */
    double p_value;
    char *note;        /* optional: distribution, H0 */
} cpr_test;

/* Cluster diagnostics in the spirit of summclust (MNW 2023, Stata J.):
 * per cluster its size, leverage, partial leverage and leave-one-out
 * estimate of every coefficient; G* per coefficient. */
typedef struct {
    size_t G, k;
    char **labels;       /* G */
    size_t *size;        /* G */
    double *leverage;    /* G */
    double *partial;     /* G*k, row = cluster */
    double *beta_loo;    /* G*k: beta_(g); NAN when that fit is not identified */
    double *gstar0, *gstar1;  /* k */
    size_t interest;     /* coefficient of interest: the first slope */
    int show;            /* print the per-cluster table (--cluster-diagnostics) */
} cpr_cluster_diag;

typedef struct {
    char *model;        /* "ols", "pooled", "fe", "re", "be", "fd", "iv", ... */
    char *estimator;    /* "Two-way fixed effects (within)" */
    char *formula;      /* "poverty ~ aid | country + year" */
    char *se_type;      /* "cluster", "hc1", ... */
    char *se_label;     /* "Clustered by country (CR1, Stata small-sample)" */
    size_t nobs, n_groups, n_periods, n_clusters, n_dropped;

    size_t k;
    char **terms;
    double *estimate, *std_error, *statistic, *p_value, *conf_low, *conf_high;
    double *vcov;       /* k*k, row-major */
    /* Wild cluster bootstrap beside the analytic columns (NAN when not
     * computed; the printers show them only when one is finite). */
    double *boot_p, *boot_low, *boot_high;
    /* Smallest bootstrap p the draws can resolve (1/B, or the share of the
     * sign vectors that always tie under full enumeration); a p at or below
     * it prints as a bound ("< 1e-04", "<= 0.0039"). 0: none. */
    double boot_p_floor;
    int boot_exact;     /* 1: full enumeration (floor attainable, "<="), 0: random draws ("<") */
    double df_resid;    /* t(df) inference when > 0, normal when 0 */
    double conf_level;  /* 0.95 */

    cpr_stat *stats;    /* ordered fit statistics */
    size_t nstats;
    cpr_test *tests;
    size_t ntests;
    char **notes;       /* free-text lines printed under the table */
    size_t nnotes;

    cpr_cluster_diag *cdiag;  /* optional (clustered models) */

    char *sample;       /* optional: the entities and years that entered
                         * ("ARG 2004-2021; BOL 2000, 2002-2005"), JSON only */
    double *residuals;  /* optional, nobs */
    double *fitted;     /* optional, nobs */
} cpr_result;

cpr_result *cpr_result_alloc(size_t k);
void cpr_result_free(cpr_result *r);
int cpr_result_set_term(cpr_result *r, size_t j, const char *name);
int cpr_result_add_stat(cpr_result *r, const char *name, const char *label,
                        double value, int is_integer);
int cpr_result_add_test(cpr_result *r, const char *name, const char *label,
                        double statistic, double df1, double df2, double p,
                        const char *note);
int cpr_result_add_note(cpr_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Fill statistic, p_value and confidence bounds from estimate/std_error
 * using t(df_resid) (or the normal when df_resid <= 0). */
void cpr_result_finish_inference(cpr_result *r);
/* 1 when any coefficient has a bootstrap p-value. */
int cpr_result_has_boot(const cpr_result *r);
/* Look up a stat by machine name; NAN when absent. */
double cpr_result_stat(const cpr_result *r, const char *name);
long cpr_result_term(const cpr_result *r, const char *term);
/* Counts of stats, tests and notes at one moment (src/util/result_order.c). */
typedef struct { size_t nstats, ntests, nnotes; } cpr_result_mark;
cpr_result_mark cpr_result_mark_now(const cpr_result *r);
/* Move the stats, tests and notes added since `since` to the places marked
 * by `at` (at <= since), keeping both blocks in order: inference runs after
 * the estimator but its lines print where the estimator marked them. */
void cpr_result_move_since(cpr_result *r, cpr_result_mark at, cpr_result_mark since);
/* Set the value of the stat `name`; 0 when there is none. */
int cpr_result_set_stat(cpr_result *r, const char *name, double value);
cpr_cluster_diag *cpr_cluster_diag_alloc(size_t G, size_t k);
void cpr_cluster_diag_free(cpr_cluster_diag *c);

#endif
