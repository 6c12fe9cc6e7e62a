/* Wild cluster bootstrap by the algebra of Roodman et al. (2019) and, for
 * the CV3 variants, of MacKinnon, Nielsen & Webb (2023): see
 * include/cpr/bootstrap.h.
 *
 * WCR31 / WCU33 (CV3 t statistics). With A_g = X'X - X_g'X_g, c_g = A_g^-1 e_j,
 * a bootstrap sample y* = X b0 + w.v (w: restricted residuals u0 - r u1 for
 * WCR31, jackknife residuals y_g - X_g b_(g) for WCU33), s_h = X_h'w_h and
 * S = sum_h v_h s_h:
 *   beta*_j - b0_j        = a'S
 *   beta*_(g)j - beta*_j  = (c_g - a)'S - v_g c_g's_g,
 * linear in r again, so the same five numbers per draw serve p(r) for every
 * r; each draw costs O(G k).
 *
 * WCR (CV1 t). Notation (X'X)^-1 = A, a = row j
 * of A, u_r = u0 - r u1 the restricted residuals (u0 = M_{-j} y,
 * u1 = M_{-j} x_j). For a draw v:
 *   beta*_j - r = sum_g v_g c_g,            c_g = a' X_g' u_r,g
 *   CR score h  = v_h c_h - w_h' sum_g v_g A X_g' u_r,g,   w_h = X_h'X_h a
 * Both are linear in r, so the numerator is N0 - r N1 and the squared
 * score sum is qa - 2 r qb + r^2 qc: five numbers per draw. */
#include "cpr/bootstrap.h"
#include "bootstrap_internal.h"
#include "boot_draws.h"
#include "cpr/threads.h"
#include "cpr/linalg.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Number of weight vectors of G clusters, 0 when above max. */
static size_t n_vectors(size_t G, cpr_boot_weights wt, size_t max)
{
    size_t base = wt == CPR_BOOT_WEBB ? 6 : 2, m = 1;
    for (size_t g = 0; g < G; g++) {
        if (m > max / base) return 0;
        m *= base;
    }
    return m;
}

int cpr_wcr_enumerates(size_t G, size_t B, cpr_boot_weights wt)
{
    return n_vectors(G, wt, B) != 0;
}

/* The draws, on several threads: draws [first, first + count) cut into
 * ntask runs of consecutive draws, each task with its own buffers, writing
 * only its own rows of every coefficient's d. Draw b's weights depend on
 * (seed, b) alone and serve every coefficient. */
typedef struct {
    const cpr_wcr_setup *set;
    size_t nj;
    int exact;
    size_t G, k, first, count, ntask;
    unsigned long seed;
    cpr_boot_weights weights;
    size_t B;               /* draws in all: the stride between the five arrays */
    double *const *d;       /* nj blocks of five arrays of B */
} draw_job;

static void draw_task(void *arg, size_t t)
{
    const draw_job *j = arg;
    enum { L = CPR_WCR_LANES };
    size_t lo, hi, G = j->G ? j->G : 1;
    cpr_threads_span(j->count, j->ntask, t, &lo, &hi);
    double *V = cpr_calloc(G * L, sizeof *V), *v = cpr_malloc(G * sizeof *v), *S = cpr_malloc(2 * j->k * sizeof *S);
    for (size_t b = j->first + lo; b < j->first + hi; b += L) {
        size_t nl = j->first + hi - b < L ? j->first + hi - b : L;
        cpr_boot_draw_block(j->seed, b, nl, L, j->G, j->exact, j->weights, V);
        for (size_t jj = 0; jj < j->nj; jj++) {
            double *out[L];
            for (size_t l = 0; l < L; l++) out[l] = j->d[jj] + b + (l < nl ? l : 0);
            if (!j->set[jj].cv3) { cpr_wcr_block_stats(&j->set[jj].p, V, nl, out, j->B); continue; }
            for (size_t l = 0; l < nl; l++) {
                for (size_t g = 0; g < j->G; g++) v[g] = V[g * L + l];
                cpr_wcr_draw_stats_cv3(&j->set[jj].jp, v, S, out[l], j->B);
            }
        }
    }
    free(V); free(v); free(S);
}

int cpr_wcr_alloc_range(const double *X, size_t n, size_t k, const double *y,
                        const int *cluster, size_t G, size_t j0, size_t nj,
                        const cpr_boot_spec *spec, cpr_wcr **out)
{
    for (size_t jj = 0; jj < nj; jj++) out[jj] = NULL;
    if (G < 2) return cpr_fail(CPR_E_NUMERIC, "wild cluster bootstrap: needs at least 2 clusters");
    if (nj == 0 || j0 + nj > k || spec->B == 0) return cpr_fail(CPR_E_INTERNAL, "wild cluster bootstrap: bad coefficient or B");
    cpr_wcr_setup *set = cpr_calloc(nj, sizeof *set);
    int rc = cpr_wcr_setup_range(X, n, k, y, cluster, G, j0, nj, spec->type, set);
    if (rc != CPR_OK) {
        for (size_t jj = 0; jj < nj; jj++) cpr_wcr_setup_clear(set + jj);
        free(set);
        return rc;
    }
    size_t nv = n_vectors(G, spec->weights, spec->B);
    double **d = cpr_malloc(nj * sizeof *d);
    for (size_t jj = 0; jj < nj; jj++) {
        cpr_wcr *w = out[jj] = cpr_calloc(1, sizeof *w);
        w->beta = set[jj].beta;
        w->se = set[jj].se;
        w->centred = spec->type == CPR_BOOT_WCU33;
        w->exact = nv != 0;
        w->B = w->exact ? nv : spec->B;
        /* under enumeration the weight vectors proportional to 1 (2 Rademacher,
         * 6 Webb) reproduce |t| for the restricted bootstraps, and v, -v always
         * tie: the smallest attainable p */
        w->floor = !w->exact ? 1.0 / (double)w->B
                 : (w->centred ? 2.0 : spec->weights == CPR_BOOT_WEBB ? 6.0 : 2.0) / (double)w->B;
        d[jj] = w->d = cpr_malloc(5 * w->B * sizeof *w->d);
    }
    size_t B = out[0]->B;
    cpr_progress *prog = cpr_progress_start("wild cluster bootstrap", B);
    /* Batches of draws between progress updates (all draws at once when no
     * progress is shown: one start of the threads, not one per batch);
     * within a batch, tasks of DRAWS_PER_TASK draws whatever the thread
     * count (small jobs: one task, no thread started). */
    enum { DRAWS_PER_TASK = 256, TASKS_PER_BATCH = 16 };
    const size_t batch = prog ? DRAWS_PER_TASK * TASKS_PER_BATCH : B;
    for (size_t b0 = 0; b0 < B; b0 += batch) {
        cpr_progress_update(prog, b0);
        size_t nb = B - b0 < batch ? B - b0 : batch;
        draw_job job = {set, nj, out[0]->exact, G, k, b0, nb, (nb + DRAWS_PER_TASK - 1) / DRAWS_PER_TASK,
                        spec->seed, spec->weights, B, d};
        /* a thread would cost more than it saves (a started thread costs
         * about what 2 x 10^4 cluster-coefficient products of a draw do) */
        if (G * k * nj * nb < 20000) job.ntask = 1;
        cpr_threads_run(job.ntask, draw_task, &job);
    }
    cpr_progress_finish(prog);
    for (size_t jj = 0; jj < nj; jj++) cpr_wcr_setup_clear(set + jj);
    free(set);
    free(d);
    return CPR_OK;
}

int cpr_wcr_alloc(const double *X, size_t n, size_t k, const double *y,
                  const int *cluster, size_t G, size_t j,
                  const cpr_boot_spec *spec, cpr_wcr **out)
{
    return cpr_wcr_alloc_range(X, n, k, y, cluster, G, j, 1, spec, out);
}

void cpr_wcr_free(cpr_wcr *w)
{
    if (!w) return;
    free(w->d);
    free(w);
}

/* p(r) = #{b : |t*_b| >= |t(r)|} / B over every draw (Roodman et al.
 * 2019): ties count as extreme, and so does a degenerate draw (zero
 * bootstrap variance: |t*| infinite or undefined), which is conservative. */
double cpr_wcr_pvalue(const cpr_wcr *w, double r)
{
    /* |num| >= lim sqrt(den2) compared squared: no square root in the scan */
    return (double)cpr_wcr_count_extreme(w->d, w->B, r, cpr_wcr_lim2(fabs(w->beta - r), w->se)) / (double)w->B;
}

size_t cpr_wcr_degenerate(const cpr_wcr *w, double r)
{
    const double *qa = w->d + 2 * w->B, *qb = w->d + 3 * w->B, *qc = w->d + 4 * w->B;
    size_t m = 0;
    for (size_t b = 0; b < w->B; b++) m += !(qa[b] - 2.0 * r * qb[b] + r * r * qc[b] > 0);
    return m;
}

/* The interval ends of every coefficient as tasks (2 per coefficient),
 * on the threads when the scans are long enough to pay for starting one:
 * each end is its own search, so the result is the same on any thread. */
typedef struct {
    cpr_wcr *const *w;
    double alpha;
    cpr_boot_out *out;
} ci_job;

static void ci_task(void *arg, size_t t)
{
    const ci_job *j = arg;
    cpr_boot_out *o = j->out + t / 2;
    if (t % 2) o->high = cpr_wcr_ci_end(j->w[t / 2], j->alpha, 1.0);
    else o->low = cpr_wcr_ci_end(j->w[t / 2], j->alpha, -1.0);
}

int cpr_wcr_test_range(const double *X, size_t n, size_t k, const double *y,
                       const int *cluster, size_t G, size_t j0, size_t nj,
                       const cpr_boot_spec *spec, cpr_boot_out *out)
{
    cpr_wcr **w = cpr_calloc(nj ? nj : 1, sizeof *w);
    int rc = cpr_wcr_alloc_range(X, n, k, y, cluster, G, j0, nj, spec, w);
    for (size_t jj = 0; jj < nj && rc == CPR_OK; jj++) {
        cpr_boot_out *o = out + jj;
        o->B = w[jj]->B;
        o->exact = w[jj]->exact;
        o->estimate = w[jj]->beta;
        o->se = w[jj]->se;
        o->t = w[jj]->beta / w[jj]->se;
        o->p = cpr_wcr_pvalue(w[jj], 0.0);
        o->p_floor = w[jj]->floor;
        o->n_degenerate = cpr_wcr_degenerate(w[jj], 0.0);
    }
    if (rc == CPR_OK && nj > 0) {
        /* an end costs some ten scans of the B draws (bootstrap_ci.c):
         * below 10^5 draws in all a thread would cost about what it saves */
        ci_job job = {w, 1.0 - spec->conf_level, out};
        if (w[0]->B * nj >= 100000) cpr_threads_run(2 * nj, ci_task, &job);
        else for (size_t t = 0; t < 2 * nj; t++) ci_task(&job, t);
    }
    for (size_t jj = 0; jj < nj; jj++) cpr_wcr_free(w[jj]);
    free(w);
    return rc;
}

int cpr_wcr_test(const double *X, size_t n, size_t k, const double *y,
                 const int *cluster, size_t G, size_t j,
                 const cpr_boot_spec *spec, cpr_boot_out *out)
{
    return cpr_wcr_test_range(X, n, k, y, cluster, G, j, 1, spec, out);
}
