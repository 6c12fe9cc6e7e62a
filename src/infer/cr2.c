/* CR2, the Bell-McCaffrey (2002) bias-reduced cluster-robust variance, with
 * Bell-McCaffrey degrees of freedom per coefficient, as R's estimatr
 * lm_robust(se_type = "CR2") (Imbens & Kolesar 2016; Pustejovsky & Tipton
 * 2018):
 *   V  = C^-1 (sum_g Z_g' A_g e_g e_g' A_g Z_g) C^-1,  A_g = (I - H_gg)^(-1/2),
 *   df = (sum lambda)^2 / sum lambda^2, lambda the eigenvalues of G'G with
 *        G = [(I - H)_{.,g} A_g Z_g C^-1 l]_g,
 * on the jackknife columns Z (effects nested in the clusters absorbed,
 * others as dummies; C = Z'Z). With nested effects absorbed this equals the
 * dummy-variable (LSDV) CR2 with the pseudo-inverse square root (Pustejovsky
 * & Tipton 2018, Theorem 2). Costs sum_g n_g^3 (one eigen-decomposition per
 * cluster): refused above CR2_MAX_WORK. */
#include "cpr/infer.h"
#include "jk_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CR2_MAX_WORK 2e10      /* sum of n_g^3 */
#define CR2_EIG_TOL 1e-12      /* eigenvalues of I - H_gg at or below: pseudo-inverse */

/* A = (I - H)^(-1/2) of the symmetric m*m matrix M = I - H (in place in a
 * GSL matrix); returns 0 or a GSL status. */
static int inv_sqrt(gsl_matrix *M, gsl_matrix *A)
{
    size_t m = M->size1;
    gsl_vector *lam = gsl_vector_alloc(m);
    gsl_matrix *V = gsl_matrix_alloc(m, m);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(m);
    int st = gsl_eigen_symmv(M, lam, V, w);
    gsl_eigen_symmv_free(w);
    if (st == 0) {
        gsl_matrix_set_zero(A);
        for (size_t l = 0; l < m; l++) {
            double v = gsl_vector_get(lam, l);
            if (!(v > CR2_EIG_TOL)) continue;
            double f = 1.0 / sqrt(v);
            for (size_t a = 0; a < m; a++) {
                double va = gsl_matrix_get(V, a, l) * f;
                for (size_t b = 0; b < m; b++) A->data[a * m + b] += va * gsl_matrix_get(V, b, l);
            }
        }
    }
    gsl_vector_free(lam);
    gsl_matrix_free(V);
    return st;
}

int cpr_vcov_cr2(const cpr_vcov_in *in, double *V, cpr_vcov_info *info)
{
    cpr_jk_in ji = cpr_vcov_jk_in(in);
    size_t n = in->n, k = in->k, G = in->n_clusters, pd;
    if (!in->cluster || G < 2) return cpr_fail(CPR_E_NUMERIC, "CR2 standard errors need at least 2 clusters");
    size_t *order = cpr_malloc((n ? n : 1) * sizeof *order), *start = cpr_malloc((G + 1) * sizeof *start);
    cpr_jk_group_rows(in->cluster, n, G, order, start);
    double work = 0;
    size_t mmax = 0;
    for (size_t g = 0; g < G; g++) {
        double m = (double)(start[g + 1] - start[g]);
        work += m * m * m;
        if (start[g + 1] - start[g] > mmax) mmax = start[g + 1] - start[g];
    }
    if (work > CR2_MAX_WORK) {
        free(order); free(start);
        return cpr_fail(CPR_E_NUMERIC, "CR2 needs one eigen-decomposition per cluster (sum of cluster sizes cubed %.3g "
                        "exceeds %.0e); use --se cr3, which costs a few passes over the data", work, CR2_MAX_WORK);
    }
    double *D = cpr_jk_dummies(&ji, &pd);
    size_t q = pd + k;
    const double **col = cpr_malloc(q * sizeof *col);
    for (size_t c = 0; c < pd; c++) col[c] = D + c * n;
    for (size_t c = 0; c < k; c++) col[pd + c] = in->X + c * n;
    long double *C = cpr_calloc(q * q, sizeof *C), *Cg = cpr_malloc(q * q * sizeof *Cg), *sg = cpr_malloc(q * sizeof *sg);
    long double *scale = cpr_malloc(q * sizeof *scale), *Ci = cpr_malloc(q * q * sizeof *Ci), *b = cpr_malloc(q * sizeof *b);
    unsigned char *keep = cpr_malloc(q);
    cpr_jk_cross_total(col, q, in->resid, order, start, G, Cg, sg, C, scale);
    cpr_jk_chol_drop(C, q, scale, keep);
    int rc = CPR_OK;
    for (size_t j = 0; j < k; j++)
        if (!keep[pd + j]) rc = cpr_fail(CPR_E_NUMERIC, "CR2: regressor %zu is collinear with the absorbed effects", j + 1);
    for (size_t a = 0; a < q && rc == CPR_OK; a++) {
        for (size_t c = 0; c < q; c++) b[c] = c == a;
        cpr_jk_chol_solve(C, q, keep, b, Ci + a * q);
    }
    /* per cluster: Z_g (m x q), H_gg, A_g; score s_g = Z_g' A_g e_g; for the
     * df, u_gj = Z_g' w_gj and |w_gj|^2 with w_gj = A_g Z_g C^-1 l_j */
    long double *S = cpr_calloc(q * q, sizeof *S);
    double *U = cpr_calloc(G * k * q, sizeof *U), *W2 = cpr_calloc(G * k, sizeof *W2);
    double *Zg = cpr_malloc((mmax ? mmax : 1) * q * sizeof *Zg), *ZC = cpr_malloc((mmax ? mmax : 1) * q * sizeof *ZC);
    double *ae = cpr_malloc((mmax ? mmax : 1) * sizeof *ae), *w = cpr_malloc((mmax ? mmax : 1) * sizeof *w);
    for (size_t g = 0; g < G && rc == CPR_OK; g++) {
        size_t m = start[g + 1] - start[g];
        const size_t *rows = order + start[g];
        for (size_t r = 0; r < m; r++)
            for (size_t a = 0; a < q; a++) Zg[r * q + a] = col[a][rows[r]];
        for (size_t r = 0; r < m; r++)            /* ZC = Z_g C^-1 */
            for (size_t a = 0; a < q; a++) {
                long double s = 0;
                for (size_t c = 0; c < q; c++) s += Zg[r * q + c] * Ci[c * q + a];
                ZC[r * q + a] = (double)s;
            }
        gsl_matrix *M = gsl_matrix_alloc(m, m), *A = gsl_matrix_alloc(m, m);
        for (size_t r = 0; r < m; r++)
            for (size_t t = 0; t <= r; t++) {
                long double h = 0;
                for (size_t a = 0; a < q; a++) h += ZC[r * q + a] * Zg[t * q + a];
                double v = (r == t) - (double)h;
                gsl_matrix_set(M, r, t, v);
                gsl_matrix_set(M, t, r, v);
            }
        if (inv_sqrt(M, A) != 0) rc = cpr_fail(CPR_E_NUMERIC, "CR2: eigen-decomposition failed in cluster %zu", g + 1);
        for (size_t r = 0; r < m && rc == CPR_OK; r++) {
            long double s = 0;
            for (size_t t = 0; t < m; t++) s += A->data[r * m + t] * in->resid[rows[t]];
            ae[r] = (double)s;
        }
        for (size_t a = 0; a < q && rc == CPR_OK; a++) {
            long double s = 0;
            for (size_t r = 0; r < m; r++) s += Zg[r * q + a] * ae[r];
            sg[a] = s;
        }
        for (size_t a = 0; a < q && rc == CPR_OK; a++)
            for (size_t c = 0; c < q; c++) S[a * q + c] += sg[a] * sg[c];
        for (size_t j = 0; j < k && rc == CPR_OK; j++) {
            size_t l = pd + j;
            long double nn = 0;
            for (size_t r = 0; r < m; r++) {
                long double s = 0;
                for (size_t t = 0; t < m; t++) s += A->data[r * m + t] * ZC[t * q + l];
                w[r] = (double)s;
                nn += s * s;
            }
            W2[g * k + j] = (double)nn;
            for (size_t a = 0; a < q; a++) {
                long double s = 0;
                for (size_t r = 0; r < m; r++) s += Zg[r * q + a] * w[r];
                U[(g * k + j) * q + a] = (double)s;
            }
        }
        gsl_matrix_free(M);
        gsl_matrix_free(A);
    }
    if (rc == CPR_OK) {
        for (size_t a = 0; a < k; a++)          /* slope block of C^-1 S C^-1 */
            for (size_t c = a; c < k; c++) {
                long double s = 0;
                for (size_t e = 0; e < q; e++)
                    for (size_t f = 0; f < q; f++) s += Ci[(pd + a) * q + e] * S[e * q + f] * Ci[f * q + pd + c];
                V[a * k + c] = V[c * k + a] = (double)s;
            }
        info->df_coef = cpr_malloc(k * sizeof *info->df_coef);
        double *Mst = cpr_malloc(G * G * sizeof *Mst), *Ciu = cpr_malloc(q * sizeof *Ciu);
        for (size_t j = 0; j < k; j++) {
            /* M_st = [s == t] |w_s|^2 - u_s' C^-1 u_t */
            for (size_t s = 0; s < G; s++) {
                const double *us = U + (s * k + j) * q;
                for (size_t a = 0; a < q; a++) {
                    long double v = 0;
                    for (size_t c = 0; c < q; c++) v += Ci[a * q + c] * us[c];
                    Ciu[a] = (double)v;
                }
                for (size_t t = 0; t < G; t++) {
                    const double *ut = U + (t * k + j) * q;
                    long double v = 0;
                    for (size_t a = 0; a < q; a++) v += Ciu[a] * ut[a];
                    Mst[s * G + t] = (s == t ? W2[s * k + j] : 0.0) - (double)v;
                }
            }
            long double tr = 0, tr2 = 0;
            for (size_t s = 0; s < G; s++) {
                tr += Mst[s * G + s];
                for (size_t t = 0; t < G; t++) tr2 += Mst[s * G + t] * Mst[t * G + s];
            }
            info->df_coef[j] = (double)(tr * tr / tr2);
        }
        free(Mst); free(Ciu);
        info->df = (double)G - 1.0;
        info->n_clusters = G;
        info->type = cpr_strdup("cr2");
        info->label = cpr_asprintf("CR2 (Bell-McCaffrey) clustered by %s, %zu clusters; t tests with Bell-McCaffrey df "
                                   "per coefficient, as estimatr", in->cluster_name ? in->cluster_name : "cluster", G);
    }
    free(S); free(U); free(W2); free(Zg); free(ZC); free(ae); free(w);
    free(order); free(start); free(D); free(col); free(C); free(Cg); free(sg); free(scale); free(Ci); free(b); free(keep);
    return rc;
}
