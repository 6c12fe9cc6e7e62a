/* Inference on fitted linear models: variance estimators (iid, HC0-HC3,
 * one- and two-way cluster, Driscoll-Kraay), Wald tests and the panel
 * specification tests. Inputs are plain arrays so the functions can be
 * tested (and reused) without a cpr_design. */
#ifndef CPR_INFER_H
#define CPR_INFER_H

#include <stddef.h>

#include "cpr/fit.h"
#include "cpr/model.h"
#include "cpr/result.h"
#include "cpr/threshold.h"

/* The final (transformed) regression a variance is computed for. */
typedef struct {
    size_t n, k;
    const double *X;       /* n*k column-major regressors actually used */
    const double *resid;   /* n */
    const double *bread;   /* k*k row-major (X'X)^-1 */
    double rss;
    double df_resid;       /* N - K - absorbed: iid s^2 divisor, HC1 factor */
    double k_stata;        /* K of the Stata factor (N-1)/(N-K) */
    double k_plm;          /* K of plm's "sss" factor */
    int normal;            /* 1: z / chi2 inference whatever the variance (xtreg,re) */
    const int *cluster;    /* n codes (CLUSTER, CLUSTER2) */
    size_t n_clusters;
    const int *cluster2;   /* n codes (CLUSTER2) */
    size_t n_cluster2;
    const int *time;       /* n period codes (DK) */
    size_t n_times;
    const char *cluster_name;
    /* Fixed effects absorbed before X (FE models; see cpr_jk_in): the
     * dimension nested in the clusters and the ones that are not. Used by
     * CR2/CR3 and the cluster diagnostics; all NULL for OLS/pooled. */
    const int *fe_nest;
    size_t fe_n_nest;
    const int *fe_other[2];
    size_t fe_n_other[2];
    int has_const;         /* X holds an intercept column */
    int diag;              /* cluster diagnostics: 0 no, 1 when G < CPR_FEW_CLUSTERS, 2 always */
    const char *const *cluster_labels;  /* G labels for the diagnostics (NULL: numbered) */
    /* Weights (src/model/weights.c): X and resid above are the sqrt(w)-scaled
     * rows. n_obs > 0 replaces n as N in HC1 and cluster factors (fweights:
     * the sum of the weights); hc_div[i] (NULL = 1) divides row i's squared
     * residual in the HC meat (fweights: w_i, so a row counts w_i times, not
     * w_i^2). */
    double n_obs;
    const double *hc_div;
    int weighted;          /* rows are sqrt(w)-scaled: CR2/CR3 and the diagnostics are refused */
} cpr_vcov_in;

typedef struct {
    double df;             /* t df: N-K (iid/HC), G-1 (cluster), min(G1,G2)-1, T-1 (DK) */
    size_t n_clusters;
    int dk_lag;
    double *df_coef;       /* k per-coefficient t df (CR2), NULL otherwise (caller frees) */
    char *type;            /* "iid", "hc1", "cluster", ... (caller frees) */
    char *label;           /* human label (caller frees) */
} cpr_vcov_info;

/* ---- leave-one-cluster-out algebra (jackknife.c) ------------------------ */

/* The final regression as the cluster jackknife sees it. X and resid are
 * the regression actually run (after absorbing fixed effects, Z'e = 0). An
 * absorbed dimension nested in the clusters leaves with its cluster and is
 * partialled out exactly (nest: its codes, used to demean the dummies of
 * the others); dimensions not nested (fe[f], n_fe[f] levels) enter as
 * dummies, at most 2000 levels. */
typedef struct {
    size_t n, k, G;
    const double *X, *resid;
    const int *cluster;
    const int *nest;
    size_t n_nest;
    const int *fe[2];
    size_t n_fe[2];
    int has_const;
} cpr_jk_in;

typedef struct {
    size_t G, k, q;        /* clusters, slopes, columns incl. dummies */
    size_t *size;          /* G observations per cluster */
    double *delta;         /* G*k: beta_(g) - beta; NAN: leave-one-out fit not identified */
    double *leverage;      /* G: tr(H_gg) over the q columns; sums to q */
    double *partial;       /* G*k: partial leverage; each column sums to 1 */
    double *gstar0, *gstar1;  /* k: effective clusters G*(rho = 0), G*(rho = 1) (CSS 2017) */
} cpr_jackknife;

/* beta_(g) for every cluster without re-estimation (MNW 2023), leverage,
 * partial leverage and G*. CPR_E_NUMERIC: fewer than 2 clusters, too many
 * dummies, a slope collinear with the effects. */
int cpr_jackknife_alloc(const cpr_jk_in *in, cpr_jackknife **out);
void cpr_jackknife_free(cpr_jackknife *J);
/* CV3 (centre_mean 0) or CV3J (1): (G-1)/G sum_g d_g d_g', k*k row-major. */
void cpr_jackknife_vcov(const cpr_jackknife *J, int centre_mean, double *V);

/* The jackknife view of a vcov input; CV3/CV3J from a computed jackknife. */
cpr_jk_in cpr_vcov_jk_in(const cpr_vcov_in *in);
int cpr_vcov_cr3(const cpr_vcov_in *in, const cpr_jackknife *J, cpr_se_kind se, double *V, cpr_vcov_info *info);
/* CR2 (Bell-McCaffrey; src/infer/cr2.c): B sum_g X_g' A_g e_g e_g' A_g X_g B,
 * A_g = (I - H_gg)^(-1/2) (symmetric square root, pseudo-inverse on zero
 * eigenvalues), H over the jackknife columns (effects not nested in the
 * clusters as dummies). info->df_coef (k) gets the Bell-McCaffrey df of
 * each coefficient, as estimatr's lm_robust(se_type = "CR2"). */
int cpr_vcov_cr2(const cpr_vcov_in *in, double *V, cpr_vcov_info *info);

/* Store J in r->cdiag (beta_(g) = r->estimate + delta, labels copied or
 * numbered; show: print the table) and add the one-line warnings: G* of
 * the coefficient of interest (the first slope) below CPR_GSTAR_WARN, one
 * cluster holding CPR_PLEV_WARN of its partial leverage, unidentified
 * leave-one-out fits. */
void cpr_result_set_cluster_diag(cpr_result *r, const cpr_jackknife *J, const char *const *labels, int show);
/* Smallest, median and largest of G cluster sizes. */
void cpr_cluster_sizes(const size_t *size, size_t G, size_t *min, double *median, size_t *max);

/* Clusters below which the diagnostics are computed without being asked
 * (and the wild bootstrap runs by default). */
#define CPR_FEW_CLUSTERS 50
/* One-line warnings: G* of the coefficient of interest below this ... */
#define CPR_GSTAR_WARN 10.0
/* ... or one cluster holding at least this share of its partial leverage. */
#define CPR_PLEV_WARN 0.5

/* V (k*k row-major) for the requested kind. dk_lag < 0: automatic. */
int cpr_vcov(const cpr_vcov_in *in, cpr_se_kind se, cpr_ssc ssc, int dk_lag,
             double *V, cpr_vcov_info *info);
void cpr_vcov_info_clear(cpr_vcov_info *info);

/* Driscoll-Kraay V with Bartlett weights up to `lag` (used by cpr_vcov). */
int cpr_vcov_dk(const cpr_vcov_in *in, int lag, double *V);
/* Cluster meat sum_g s_g s_g', s_g = sum_{i in g} x_i e_i (k*k row-major). */
void cpr_meat_cluster(const double *X, const double *e, size_t n, size_t k,
                      const int *g, size_t ng, double *M);
/* sandwich B M B (all k*k row-major), times `factor`. */
void cpr_sandwich(const double *B, const double *M, size_t k, double factor, double *V);
/* Codes of the intersection of two code vectors (n_out distinct). */
int *cpr_codes_intersect(const int *a, const int *b, size_t n, size_t *n_out);
/* Automatic Driscoll-Kraay lag (Stata xtscc): floor(4 (T/100)^(2/9)). */
int cpr_dk_default_lag(size_t n_times);

/* Compute V and store vcov, std_error, se_type/label, df_resid, n_clusters,
 * t statistics / p-values / intervals and the joint Wald test in r. */
int cpr_result_apply_vcov(cpr_result *r, const cpr_vcov_in *in, cpr_se_kind se,
                          cpr_ssc ssc, int dk_lag);
/* Joint Wald test of all terms but "const" with r->vcov (stats F, F_df1,
 * F_df2, F_p and test "wald_f"; chi2 when r->df_resid == 0). */
int cpr_result_add_wald_f(cpr_result *r);


/* b' V^+ b with the Moore-Penrose inverse of the symmetric q*q matrix V
 * (eigenvalues below sqrt(eps) times the largest count as zero); *rank =
 * the rank used. */
double cpr_quad_pinv(const double *b, const double *V, size_t q, size_t *rank);
/* Hausman test FE vs RE on the common terms (by name, const excluded),
 * with the classical variances stored in the results (plm phtest). */
int cpr_test_hausman(const cpr_result *fe, const cpr_result *re, cpr_test *out);
/* Breusch-Pagan LM for individual effects (plm plmtest type="bp"; Baltagi-Li
 * form for unbalanced panels) and Honda's one-sided version, from pooled
 * OLS residuals e (n) and entity codes. */
int cpr_test_bp_lm(const double *e, const int *entity, size_t n, size_t ng,
                   cpr_test *bp, cpr_test *honda);
/* F test for individual effects: ((rss_pooled - rss_fe)/df1) / (rss_fe/df2). */
void cpr_test_f_effects(double rss_pooled, double rss_fe, double df1, double df2,
                        cpr_test *out);
/* Wooldridge (2002) test for serial correlation in FE panels as Stata's
 * xtserial (Drukker 2003): FD regression without constant, regress its
 * residual on its lag (no constant), cluster by entity (Stata factor),
 * F(1, G-1) for coefficient = -0.5. Needs the design's entity/time. */
int cpr_test_wooldridge_ar(const cpr_design *d, cpr_test *out);
/* The same test from its regressions already run (cpr_fd_ar1; also what
 * cpr_test_wooldridge_ar uses above CPR_LS_XTX_MIN_N rows). */
int cpr_test_wooldridge_from(const cpr_ar1 *a, cpr_test *out);
/* Pesaran (2004) CD test of cross-sectional dependence on residuals e:
 * CD = sqrt(2/(N(N-1))) sum_{i<j} sqrt(T_ij) rho_ij. Balanced panels: O(n);
 * unbalanced: pairwise over common periods (refused above 2000 entities). */
int cpr_test_pesaran_cd(const double *e, const int *entity, const int *time,
                        size_t n, size_t ng, size_t nt, cpr_test *out);
/* Store a cpr_test in a result (copies strings) and free its strings. */
void cpr_result_take_test(cpr_result *r, cpr_test *t);
void cpr_test_clear(cpr_test *t);

/* Regression-based Hausman test (Mundlak; Wooldridge 2010, 10.7.3): OLS of
 * the RE quasi-demeaned y on the quasi-demeaned X and the within-demeaned
 * time-varying X, Wald chi2 that the latter coefficients are zero, with the
 * variance s->se asks for (src/infer/hausman_mundlak.c). d must hold the
 * intercept (an RE design). */
int cpr_test_hausman_mundlak(const cpr_design *d, const cpr_model_spec *s, cpr_test *out);

/* ---- inference on a fitted model (src/infer/fit_*.c, diagnostics.c) ---- */

/* The one place a cpr_vcov_in is written out: the regression (n rows, k
 * columns X, its residuals and bread, rss, residual df, the K of Stata's
 * and plm's small-sample factors), the groups of its rows from `rows`
 * (clusters, second clusters, periods, the cluster name; NULL: none), and
 * nothing else: no absorbed effects, weights, intercept or cluster
 * diagnostics. cpr_vcov_in_from_fit starts from it; the IV diagnostics'
 * regressions on partialled instruments (src/infer/iv_part.c) use it as is. */
cpr_vcov_in cpr_vcov_in_init(size_t n, size_t k, const double *X, const double *resid, const double *bread,
                             double rss, double df_resid, double k_stata, double k_plm, const cpr_design *rows);
/* The variance input of a fit: cpr_vcov_in_init with the fit's groups,
 * absorption, weights and diagnostics. */
cpr_vcov_in cpr_vcov_in_from_fit(const cpr_fit *f);
/* Variance (f->spec.se, ssc, dk_lag), standard errors, inference df and
 * the joint Wald test into f->r, at the place the estimator marked; the
 * SE of Stata's FE constant when the fit carries one. */
int cpr_infer_apply(cpr_fit *f);
/* The default specification tests the estimator chose (f->tests). */
int cpr_infer_diagnostics(cpr_fit *f);
/* FE: F test of the effects, Wooldridge AR(1), Pesaran CD; RE: classical
 * Hausman (unless Mundlak), Breusch-Pagan and Honda (src/infer/panel_diag.c). */
void cpr_infer_fe_tests(cpr_fit *f);
void cpr_infer_re_tests(cpr_fit *f);
/* cpr_infer_apply, then cpr_infer_diagnostics. */
int cpr_infer_run(cpr_fit *f);
/* Estimate and infer in one call; *out is a new result (caller frees). */
int cpr_model_fit(const cpr_design *d, const cpr_model_spec *spec, cpr_result **out);
/* Hansen's threshold model with SEs clustered by entity (Stata factor). */
int cpr_threshold_fit(const cpr_threshold_spec *s, cpr_result **out, cpr_threshold_info *info);
/* The first stage of endogenous regressor `which` (0-based), or with
 * which = -1 the reduced form, with the same effects and standard errors
 * and its default tests (src/infer/iv_first_stage.c). */
int cpr_iv_aux_fit(const cpr_design *d, const cpr_model_spec *s, long which, cpr_result **out);
/* First-stage F of the excluded instruments per endogenous regressor
 * (KP rk Wald F when clustered with one endogenous regressor), added to f->r. */
void cpr_iv_first_stage_f(cpr_fit *f);
/* Classical Hausman test: one-way FE on dfe and RE on dre (the same rows),
 * classical variances, the rest of base (re_method, ls_method) kept. */
int cpr_test_hausman_classical(const cpr_design *dfe, const cpr_design *dre, const cpr_model_spec *base, cpr_test *out);

#endif
