/* Panel specification tests: F test of the effects, Hausman, Breusch-Pagan
 * LM / Honda, Wooldridge's serial-correlation test, Pesaran's CD. */
#include "cpr/infer.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cpr_test_clear(cpr_test *t)
{
    free(t->name); free(t->label); free(t->note);
    memset(t, 0, sizeof *t);
}

void cpr_result_take_test(cpr_result *r, cpr_test *t)
{
    cpr_result_add_test(r, t->name, t->label, t->statistic, t->df1, t->df2, t->p_value, t->note);
    cpr_test_clear(t);
}

static void set_test(cpr_test *t, const char *name, const char *label, double stat,
                     double df1, double df2, double p, const char *note)
{
    t->name = cpr_strdup(name); t->label = cpr_strdup(label);
    t->statistic = stat; t->df1 = df1; t->df2 = df2; t->p_value = p;
    t->note = note ? cpr_strdup(note) : NULL;
}

double cpr_quad_pinv(const double *b, const double *V, size_t q, size_t *rank)
{
    gsl_matrix *A = gsl_matrix_alloc(q, q), *E = gsl_matrix_alloc(q, q);
    gsl_vector *ev = gsl_vector_alloc(q);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(q);
    for (size_t a = 0; a < q; a++)
        for (size_t c = 0; c < q; c++) gsl_matrix_set(A, a, c, 0.5 * (V[a * q + c] + V[c * q + a]));
    /* GSL's handler is off: a failed eigen-decomposition is a status, and
     * the statistic is then not computed (NA), never built from garbage */
    if (gsl_eigen_symmv(A, ev, E, ws) != GSL_SUCCESS) {
        gsl_eigen_symmv_free(ws); gsl_vector_free(ev); gsl_matrix_free(E); gsl_matrix_free(A);
        *rank = 0;
        return NAN;
    }
    double mx = 0;
    for (size_t a = 0; a < q; a++) mx = fmax(mx, fabs(gsl_vector_get(ev, a)));
    /* eigenvalues below sqrt(eps) of the largest are zero (MASS::ginv's rule) */
    long double h = 0;
    size_t r = 0;
    for (size_t a = 0; a < q; a++) {
        double l = gsl_vector_get(ev, a);
        if (!(fabs(l) > mx * 1.4901161193847656e-08)) continue;
        long double u = 0;
        for (size_t c = 0; c < q; c++) u += (long double)gsl_matrix_get(E, c, a) * b[c];
        h += u * u / l;
        r++;
    }
    gsl_eigen_symmv_free(ws); gsl_vector_free(ev); gsl_matrix_free(E); gsl_matrix_free(A);
    *rank = r;
    return (double)h;
}

void cpr_test_f_effects(double rss_pooled, double rss_fe, double df1, double df2, cpr_test *out)
{
    double F = ((rss_pooled - rss_fe) / df1) / (rss_fe / df2);
    set_test(out, "f_effects", "F test for individual effects", F, df1, df2,
             gsl_cdf_fdist_Q(F, df1, df2), "H0: all fixed effects are zero (pooled OLS is adequate)");
}

int cpr_test_hausman(const cpr_result *fe, const cpr_result *re, cpr_test *out)
{
    size_t k = fe->k, q = 0;
    size_t *ia = cpr_malloc((k ? k : 1) * sizeof *ia), *ib = cpr_malloc((k ? k : 1) * sizeof *ib);
    for (size_t j = 0; j < k; j++) {
        long m = cpr_result_term(re, fe->terms[j]);
        if (m >= 0 && strcmp(fe->terms[j], "const") != 0) { ia[q] = j; ib[q] = (size_t)m; q++; }
    }
    double *d = cpr_malloc((q ? q : 1) * sizeof *d), *V = cpr_malloc((q ? q * q : 1) * sizeof *V);
    size_t *id = cpr_malloc((q ? q : 1) * sizeof *id);
    for (size_t a = 0; a < q; a++) {
        id[a] = a;
        d[a] = fe->estimate[ia[a]] - re->estimate[ib[a]];
        for (size_t b = 0; b < q; b++)
            V[a * q + b] = fe->vcov[ia[a] * k + ia[b]] - re->vcov[ib[a] * re->k + ib[b]];
    }
    double H = NAN;
    cpr_error_scope es;   /* not positive definite: the generalised inverse below */
    cpr_error_scope_begin(&es);
    int rc = q ? cpr_wald(d, V, q, id, q, &H) : CPR_E_NUMERIC;
    cpr_error_scope_end(&es);
    if (rc == CPR_OK) {
        set_test(out, "hausman", "Hausman test (FE vs RE)", H, (double)q, 0, gsl_cdf_chisq_Q(H, (double)q),
                 "H0: random effects are consistent (chi2; classical variances, as plm phtest)");
    } else if (q) {
        /* V_FE - V_RE not positive definite: d' V^+ d with the Moore-Penrose
         * inverse and df = rank(V), as Stata's hausman does (its invsym is a
         * generalised inverse; for a nonsingular V every one is V^-1) */
        size_t rank = 0;
        H = cpr_quad_pinv(d, V, q, &rank);
        char *note = cpr_asprintf("V_FE - V_RE is not positive definite: statistic computed with a generalised (Moore-Penrose) "
                                  "inverse, df = rank = %zu, as Stata's hausman%s", rank,
                                  H < 0 ? "; the statistic is negative, so the data do not meet the test's asymptotic assumptions "
                                          "(no p-value; consider the regression-based --hausman-type mundlak)" : "");
        set_test(out, "hausman", "Hausman test (FE vs RE)", H, (double)rank, 0,
                 H >= 0 && rank > 0 ? gsl_cdf_chisq_Q(H, (double)rank) : NAN, note);
        free(note);
    } else {
        set_test(out, "hausman", "Hausman test (FE vs RE)", NAN, 0, 0, NAN, "no common slopes; test not computed");
    }
    free(ia); free(ib); free(d); free(V); free(id);
    return CPR_OK;
}

int cpr_test_bp_lm(const double *e, const int *entity, size_t n, size_t ng,
                   cpr_test *bp, cpr_test *honda)
{
    long double *s = cpr_calloc(ng, sizeof *s), ee = 0, num = 0, sumT2 = 0;
    size_t *T = cpr_malloc(ng * sizeof *T);
    for (size_t c = 0; c < ng; c++) T[c] = 0;
    for (size_t i = 0; i < n; i++) { s[entity[i]] += e[i]; ee += (long double)e[i] * e[i]; T[entity[i]]++; }
    for (size_t c = 0; c < ng; c++) { num += s[c] * s[c]; sumT2 += (long double)T[c] * T[c]; }
    free(s); free(T);
    double N = (double)n, A = (double)(num / ee) - 1.0, c2 = N * N / (2.0 * ((double)sumT2 - N));
    if (!(c2 > 0) || !isfinite(c2)) return cpr_fail(CPR_E_NUMERIC, "Breusch-Pagan test needs entities observed more than once");
    double LM = c2 * A * A, h = sqrt(c2) * A;
    set_test(bp, "bp_lm", "Breusch-Pagan LM test for individual effects", LM, 1, 0, gsl_cdf_chisq_Q(LM, 1),
             "H0: no individual effects (var(u_i) = 0); chi2(1), Baltagi-Li form when unbalanced");
    if (honda)
        set_test(honda, "honda", "Honda test for individual effects", h, 0, 0, gsl_cdf_ugaussian_Q(h),
                 "one-sided N(0,1); H0: no individual effects");
    return CPR_OK;
}
