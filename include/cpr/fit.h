/* The fitted model: what an estimator leaves for every later step (the
 * idea of gretl's MODEL). The model layer fills it and stops there; the
 * inference layer reads it to compute the variance, the Wald test, the
 * default specification tests and the wild bootstrap (cpr/infer.h); plots
 * read the residuals and fitted values. So nothing downstream rebuilds or
 * re-estimates the regression.
 *
 * The final regression is the one least squares actually ran: after
 * absorbing fixed effects, the GLS, between or first-difference transform
 * and the sqrt(w) row scaling. */
#ifndef CPR_FIT_H
#define CPR_FIT_H

#include <stddef.h>

#include "cpr/model.h"

/* Which default specification tests inference adds (src/infer/diagnostics.c). */
typedef enum {
    CPR_FIT_TESTS_NONE,
    CPR_FIT_TESTS_FE,   /* F test of the effects, Wooldridge AR(1), Pesaran CD */
    CPR_FIT_TESTS_RE,   /* classical Hausman (unless Mundlak), Breusch-Pagan, Honda */
    CPR_FIT_TESTS_IV,   /* first-stage F per endogenous regressor */
    CPR_FIT_TESTS_GMM   /* Arellano-Bond AR(1), AR(2), Hansen, Sargan, Wald (src/infer/gmm_tests.c) */
} cpr_fit_tests;

struct cpr_gmm_part;   /* cpr/gmm.h */

typedef struct cpr_fit {
    cpr_result *r;            /* estimates, labels and the model's own statistics */
    const cpr_design *d;      /* borrowed: must outlive the fit (NULL: threshold) */
    cpr_model_spec spec;      /* as estimated (se, ssc, dk_lag used by inference) */

    /* ---- the final regression ---- */
    cpr_reg g;                /* kept columns g.X (n*k), names, beta, bread, LS residuals */
    const double *y;          /* its outcome, g.n */
    const double *resid;      /* residuals the variance uses: g.ls.resid; IV: y - X b */
    double rss;
    double df_resid;          /* N - K - absorbed */
    double k_stata, k_plm;    /* K of Stata's (N-1)/(N-K) and of plm's "sss" factor */
    int normal;               /* z / chi2 inference whatever the variance (xtreg,re) */
    int has_const;            /* X holds an intercept the jackknife may use */
    /* IV (src/model/iv.c): the variance is a sandwich of score regressors
     * and bread other than g's for LIML/Fuller/GMM (NULL: g.X, g.ls.bread),
     * and r->estimate, not g.ls.beta, holds their coefficients. */
    const double *xs, *bread;
    int asymptotic;           /* --asymptotic: HC1 -> HC0 and no small-sample factor */

    /* ---- groups of the final rows ---- */
    const int *cluster, *cluster2, *time;
    size_t n_clusters, n_cluster2, n_times;
    const char *cluster_name;
    const char *const *cluster_labels;
    int diag;                 /* cluster diagnostics: 0 never, 1 when few clusters, 2 always */

    /* ---- absorption ---- */
    int absorbed;             /* fixed effects were partialled out (absorb is valid) */
    cpr_absorb absorb;
    double n_absorbed;        /* absorbed parameters */
    const int *fe_nest;       /* see cpr_absorb_nesting */
    size_t fe_n_nest;
    const int *fe_other[2];
    size_t fe_n_other[2];

    /* ---- weights (type NONE when unweighted) ---- */
    cpr_wts wt;

    /* ---- default tests the estimator computed from the raw design before
     * it overwrote the design's X (cpr_design.x_scratch); pre_tests = 0:
     * inference computes them from the design ---- */
    int pre_tests;
    double pooled_rss;        /* RSS of pooled OLS for the F test of the effects (NAN: none) */
    int ar1_rc;               /* CPR_OK when ar1 holds Wooldridge's AR(1) regression */
    cpr_ar1 ar1;

    /* ---- what inference adds, and where ---- */
    cpr_result_mark infer_at; /* the variance block goes here in r */
    cpr_fit_tests tests;
    double *cons_xbar;        /* one-way FE: means of the kept slopes, for the SE
                               * of Stata's constant (stat stata_cons_se); else NULL */

    /* ---- difference GMM (cpr/gmm.h): the stacked differenced system, the
     * weights, both steps and their residuals; NULL for every other model,
     * whose final regression is g above ---- */
    struct cpr_gmm_part *gmm;

    void *owned[8];           /* buffers the pointers above may point into */
} cpr_fit;

/* A fit of design d (borrowed) under spec s, with the groups of d's rows
 * (cluster, cluster2, time) and nothing estimated yet. */
cpr_fit *cpr_fit_alloc(const cpr_design *d, const cpr_model_spec *s);
void cpr_fit_free(cpr_fit *f);
/* Hand the result to the caller (the fit keeps no pointer to it). */
cpr_result *cpr_fit_take_result(cpr_fit *f);
/* Keep buffer p until cpr_fit_free; returns p. */
void *cpr_fit_own(cpr_fit *f, void *p);
/* r->residuals and r->fitted on d's rows: the residual e of the final
 * regression (NULL: y - X b from the fit; sw: divided by the row scale of
 * weights), fitted = y - residual, so absorbed effects are part of the
 * fitted value. For estimators whose final rows are d's rows (OLS, pooled,
 * FE, IV); f->y and f->g must be set. */
void cpr_fit_set_residuals(cpr_fit *f, const double *e, const double *sw);
/* For big unweighted fits: r->residuals becomes the least-squares residual
 * vector itself (g.ls.resid moves to the result, f->resid points to it, so
 * the result must outlive the fit's use of f->resid), and r->fitted is
 * left NULL: readers take d->y - residual (one vector of n instead of
 * three). */
void cpr_fit_take_residuals(cpr_fit *f);
/* r->residuals and r->fitted on d's rows for estimators whose final rows
 * are not d's rows (between, random effects): fitted = x_it'b with the
 * slopes and intercept applied to the untransformed row, residual = y_it -
 * fitted (the composite u_i + e_it), as Stata's `predict xb` and `predict
 * ue` after xtreg, be and re; f->g must be set. */
void cpr_fit_set_level_residuals(cpr_fit *f);
/* out[i] += x_i'b on d's rows for g's kept columns (found in d by name),
 * the intercept left out unless with_const. */
void cpr_fit_add_xb(const cpr_design *d, const cpr_reg *g, int with_const, double *out);

/* Fit the model in `spec` on `d` (design checks, then the estimator of
 * spec->kind, or 2SLS when d has instruments). No inference: see
 * cpr_infer_apply and cpr_model_fit (cpr/infer.h). */
int cpr_model_estimate(const cpr_design *d, const cpr_model_spec *spec, cpr_fit **out);

/* ---- estimators (called by cpr_model_estimate; d already checked) ------- */

int cpr_fit_pooled(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);
int cpr_fit_fe(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);
int cpr_fit_re(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);
int cpr_fit_be(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);
int cpr_fit_fd(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);
/* IV (src/model/iv.c), for OLS/pooled and FE kinds: endogenous regressors
 * are the last kx_endog columns of X, excluded instruments d->Z.
 * s->iv_method picks 2SLS, LIML, Fuller (s->fuller_a) or two-step GMM
 * (src/model/iv_kclass.c, iv_gmm.c; kappa, Hansen's J); the weak-instrument,
 * overidentification and Anderson-Rubin diagnostics are added by the
 * command (cpr/iv_diag.h). */
int cpr_fit_iv(const cpr_design *d, const cpr_model_spec *s, cpr_fit **out);

/* The design of an IV auxiliary regression: endogenous regressor `which`
 * (0-based) on the exogenous regressors and the instruments, or with
 * which = -1 the reduced form (y on the same). Borrows d's panel codes;
 * free with cpr_iv_aux_design_clear. */
void cpr_iv_aux_design(const cpr_design *d, long which, cpr_design *aux);
void cpr_iv_aux_design_clear(cpr_design *aux);

#endif
