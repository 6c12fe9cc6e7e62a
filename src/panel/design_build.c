/* Frame + formula -> regression design.
 *
 * Every term is evaluated over all frame rows first (lags need the rows the
 * model will later drop), then rows with any missing value are removed
 * (listwise deletion) and the entity, time and cluster codes are made dense
 * over the rows that remain, which is what the estimators count groups by. */
#include "cpr/design_build.h"
#include "bind_internal.h"
#include "design_codes.h"
#include "cpr/formula.h"
#include "cpr/lag.h"
#include "cpr/rowblocks.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Why a value is missing, tracked per row so the output can say why rows
 * were dropped. */
enum { WHY_LOG = 1, WHY_LAG = 2 };

typedef struct {
    const cpr_frame *f;
    long *prev, *next; /* period neighbours, NULL without a time column */
} ctx;

typedef struct {
    double *v;
    unsigned char *why;  /* NULL: no reasons (a plain variable) */
    int borrowed;        /* v is the frame's column: read only, not freed */
} column;

static column col_alloc(size_t n)
{
    column c = {cpr_malloc(n * sizeof(double)), cpr_calloc(n, 1), 0};
    return c;
}

static void col_free(column *c)
{
    if (!c->borrowed) free(c->v);
    free(c->why);
}

/* Make a column writable: own copy of the values, a reasons array. */
static void col_own(column *c, size_t n)
{
    if (c->borrowed) {
        double *v = cpr_malloc((n ? n : 1) * sizeof *v);
        memcpy(v, c->v, n * sizeof *v);
        c->v = v;
        c->borrowed = 0;
    }
    if (!c->why) c->why = cpr_calloc(n ? n : 1, 1);
}

static unsigned char why_at(const column *c, size_t i) { return c->why ? c->why[i] : 0; }

/* 1 when a term has a lag, lead or difference (needs the period links). */
static int uses_links(const cpr_expr *e)
{
    if (!e) return 0;
    if (e->kind == CPR_EX_LAG || e->kind == CPR_EX_DIFF) return 1;
    return uses_links(e->a) || uses_links(e->b);
}

/* Evaluate a term over all frame rows (checked beforehand by check_expr). */
static column eval(const ctx *cx, const cpr_expr *e)
{
    size_t n = cx->f->nrow;
    column c;
    switch (e->kind) {
    case CPR_EX_VAR: {
        long j = cpr_bind_find_col(cx->f, e->name);
        if (j >= 0) {   /* the frame's column itself, no copy */
            c.v = cx->f->cols[j].num; c.why = NULL; c.borrowed = 1;
            return c;
        }
        c = col_alloc(n);
        for (size_t i = 0; i < n; i++) c.v[i] = (double)cx->f->time[i];
        return c;
    }
    case CPR_EX_LAG: {
        column a = eval(cx, e->a);
        c = col_alloc(n);
        cpr_panel_shift(a.v, n, cx->prev, cx->next, e->k, c.v);
        /* shift the reasons along with the values: a log() problem at t-1
         * is what makes L.log(x) missing at t */
        double *w = cpr_malloc(n * sizeof *w);
        for (size_t i = 0; i < n; i++) w[i] = why_at(&a, i);
        double *ws = cpr_malloc(n * sizeof *ws);
        cpr_panel_shift(w, n, cx->prev, cx->next, e->k, ws);
        for (size_t i = 0; i < n; i++)
            c.why[i] = isnan(ws[i]) ? WHY_LAG : (unsigned char)ws[i];
        free(w);
        free(ws);
        col_free(&a);
        return c;
    }
    case CPR_EX_DIFF: {
        column a = eval(cx, e->a);
        c = col_alloc(n);
        cpr_panel_diff(a.v, n, cx->prev, c.v);
        for (size_t i = 0; i < n; i++)
            c.why[i] = cx->prev[i] < 0 ? WHY_LAG : (unsigned char)(why_at(&a, i) | why_at(&a, (size_t)cx->prev[i]));
        col_free(&a);
        return c;
    }
    case CPR_EX_LOG:
        c = eval(cx, e->a);
        col_own(&c, n);
        for (size_t i = 0; i < n; i++) {
            if (c.v[i] <= 0) c.why[i] |= WHY_LOG;   /* false for NAN */
            c.v[i] = c.v[i] > 0 ? log(c.v[i]) : NAN;
        }
        return c;
    case CPR_EX_POW:
        c = eval(cx, e->a);
        col_own(&c, n);
        for (size_t i = 0; i < n; i++) c.v[i] = pow(c.v[i], e->power);
        return c;
    case CPR_EX_PROD: {
        column b = eval(cx, e->b);
        c = eval(cx, e->a);
        col_own(&c, n);
        for (size_t i = 0; i < n; i++) {
            c.v[i] *= b.v[i];
            c.why[i] |= why_at(&b, i);
        }
        col_free(&b);
        return c;
    }
    case CPR_EX_ASIS:
    default:
        return eval(cx, e->a);
    }
}

typedef struct {
    column y;
    column *x;   /* k_terms = exog + endog */
    column *z;
    size_t kx, kz;
} evaluated;

static void free_evaluated(evaluated *ev)
{
    col_free(&ev->y);
    for (size_t j = 0; j < ev->kx; j++) col_free(&ev->x[j]);
    for (size_t j = 0; j < ev->kz; j++) col_free(&ev->z[j]);
    free(ev->x);
    free(ev->z);
}

/* opts->consume: the frame's key arrays once the design has its codes. */
static void frame_release_keys(cpr_frame *mut, const cpr_frame *f)
{
    if (mut != f) return;
    cpr_recycle(mut->entity); mut->entity = NULL;   /* its pages serve the fit's next array of n codes */
    free(mut->time); mut->time = NULL;
}

/* opts->consume: detach the frame's column v (read by term `used`) and
 * return it, unless a later term, the weight or a cluster variable still
 * reads it (NULL). The caller frees or keeps it. */
static double *frame_detach_col(cpr_frame *mut, const cpr_frame *f, const column *col, const evaluated *ev, size_t used,
                                long wcol, const cluster_src *cl, size_t ncl)
{
    const double *v = col->v;
    if (mut != f || !v || !col->borrowed) return NULL;
    size_t nt = 1 + ev->kx + ev->kz;   /* term 0 = y, then x, then z */
    for (size_t t = used + 1; t < nt; t++) {
        const column *c = t == 0 ? &ev->y : t <= ev->kx ? &ev->x[t - 1] : &ev->z[t - 1 - ev->kx];
        if (c->v == v) return NULL;
    }
    for (size_t j = 0; j < mut->ncol; j++) {
        if (mut->cols[j].type != CPR_COL_NUM || mut->cols[j].num != v) continue;
        if ((long)j == wcol) return NULL;
        for (size_t c = 0; c < ncl; c++) if (cl[c].col == (long)j) return NULL;
        mut->cols[j].num = NULL;
        return (double *)(uintptr_t)v;
    }
    return NULL;
}

/* Where frame row i is, for messages: "firm 3, year 1940" or "row 12". */
static char *row_where(const cpr_frame *f, size_t i)
{
    if (f->entity && f->entity_labels && f->time)
        return cpr_asprintf("%s %s, %s %d", f->entity_name, f->entity_labels[f->entity[i]], f->time_name, f->time[i]);
    return cpr_asprintf("data row %zu", i + 1);
}

/* The weight column: numeric, >= 0 where present, integer for fweights. */
static int check_weights(const cpr_frame *f, const cpr_design_opts *o, long *col)
{
    *col = -1;
    if (!o->weight) return CPR_OK;
    long j = cpr_bind_find_col(f, o->weight);
    if (j < 0) return cpr_bind_unknown_var(f, o->weight, "weight variable");
    if (f->cols[j].type != CPR_COL_NUM)
        return cpr_fail(CPR_E_NONNUMERIC, "weight variable '%s' is text, not numeric", o->weight);
    const double *w = f->cols[j].num;
    for (size_t i = 0; i < f->nrow; i++) {
        if (isnan(w[i])) continue;
        const char *bad = !isfinite(w[i]) ? "is not finite" : w[i] < 0 ? "is negative"
                        : o->weight_type == CPR_WEIGHT_F && w[i] != floor(w[i]) ? "is not an integer (fweights count observations)" : NULL;
        if (bad) {
            char *at = row_where(f, i);
            int rc = cpr_fail(CPR_E_NONNUMERIC, "weight variable '%s': value %g at %s %s", o->weight, w[i], at, bad);
            free(at);
            return rc;
        }
    }
    *col = j;
    return CPR_OK;
}

/* Is every frame row used (no missing value, no zero weight)? The first
 * row left out in each part of the rows, scanned on the threads: the
 * usual big file then skips the row-by-row pass below. */
typedef struct {
    const cpr_frame *f;
    const evaluated *ev;
    const cluster_src *cl;
    size_t ncl;
    const double *w;
} allok_job;

/* column by column: the first row left out is the least first failing
 * row of any column, each later column scanned only up to it */
static size_t dropped_at(void *p, size_t lo, size_t hi)
{
    allok_job *j = p;
    const evaluated *ev = j->ev;
    size_t end = cpr_first_nonfinite(ev->y.v, lo, hi);
    for (size_t c = 0; c < ev->kx; c++) end = cpr_first_nonfinite(ev->x[c].v, lo, end);
    for (size_t c = 0; c < ev->kz; c++) end = cpr_first_nonfinite(ev->z[c].v, lo, end);
    for (size_t c = 0; c < j->ncl; c++)
        if (j->cl[c].col >= 0)   /* the entity and time keys are never missing */
            for (size_t i = lo; i < end; i++)
                if (design_cluster_missing(j->f, &j->cl[c], i)) { end = i; break; }
    if (j->w)
        for (size_t i = lo; i < end; i++)
            if (isnan(j->w[i]) || j->w[i] == 0) { end = i; break; }
    return end;
}

static int build_rows(const cpr_frame *f, const evaluated *ev, const cluster_src *cl, size_t ncl,
                      const double *w, size_t *n_zero_w, size_t **rows_out, size_t *n_out, cpr_design_info *info)
{
    if (f->nrow > CPR_ROW_BLOCK) {
        allok_job j = { f, ev, cl, ncl, w };
        if (cpr_rows_find(f->nrow, dropped_at, &j) == f->nrow) { *n_out = f->nrow; *rows_out = NULL; return CPR_OK; }
    }
    /* the index array is made at the first dropped row: when every row is
     * used (the usual big file) its n entries are never allocated */
    size_t *rows = NULL;
    size_t n = 0;
    for (size_t i = 0; i < f->nrow; i++) {
        int ok = isfinite(ev->y.v[i]);
        unsigned why = why_at(&ev->y, i);
        for (size_t j = 0; j < ev->kx; j++) { ok &= isfinite(ev->x[j].v[i]) != 0; why |= why_at(&ev->x[j], i); }
        for (size_t j = 0; j < ev->kz; j++) { ok &= isfinite(ev->z[j].v[i]) != 0; why |= why_at(&ev->z[j], i); }
        for (size_t c = 0; c < ncl; c++) ok &= !design_cluster_missing(f, &cl[c], i);
        int zero_w = w && ok && w[i] == 0;
        if (zero_w) { (*n_zero_w)++; ok = 0; }
        if (w) ok &= !isnan(w[i]);
        if (ok) { if (rows) rows[n] = i; n++; continue; }
        if (!rows) {   /* the first row left out: rows so far were 0 .. n-1 */
            rows = cpr_malloc((f->nrow ? f->nrow : 1) * sizeof *rows);
            for (size_t r = 0; r < n; r++) rows[r] = r;
        }
        if (zero_w) continue;
        if (why & WHY_LOG) info->n_log_nonpositive++;
        if (why & WHY_LAG) info->n_lag_missing++;
    }
    *n_out = n;
    *rows_out = rows;   /* NULL: every row used, no index */
    if (n == 0) {
        free(rows);
        return cpr_fail(CPR_E_NUMERIC, "no observations left: every one of the %zu rows has a missing value in a variable of the model",
                        f->nrow);
    }
    return CPR_OK;
}

/* Copies split over the threads (the first touch of dst's pages, dear on
 * a virtual machine, too): exact, any split gives the same array. */
typedef struct {
    const double *src;
    const size_t *rows;
    double *dst;
} copy_job;

static void copy_part(void *p, size_t k, size_t lo, size_t hi)
{
    copy_job *j = p;
    (void)k;
    for (size_t r = lo; r < hi; r++) j->dst[r] = j->src[j->rows[r]];
}

static void copy_rows(const column *c, const size_t *rows, size_t n, double *dst)
{
    if (!rows) { cpr_copy_doubles(dst, c->v, n); return; }
    copy_job j = { c->v, rows, dst };
    cpr_rows_run(n, copy_part, &j);
}

/* Values this large or this small (but non-zero) make sums of squares
 * overflow to Inf or underflow to 0 in double precision, which would turn
 * into silent NaN estimates or a variable wrongly dropped as constant. */
#define SCALE_MAX 1e150
#define SCALE_MIN 1e-150

typedef struct {
    const double *v;
    double hi[CPR_THREADS_MAX], lo[CPR_THREADS_MAX];
} scale_job;

static void scale_part(void *p, size_t k, size_t i0, size_t i1)
{
    scale_job *j = p;
    double hi = 0, lo = INFINITY;
    size_t i = i0;
#ifdef __SSE2__
    /* four at a time: max(a, hi) and min(a > 0 ? a : Inf, lo) are the
     * scalar steps below lane by lane (max and min of a set: exact) */
    const __m128d absm = _mm_castsi128_pd(_mm_set1_epi64x(INT64_MAX)), zero = _mm_setzero_pd(), inf = _mm_set1_pd(INFINITY);
    __m128d vh = zero, vl = inf, wh = zero, wl = inf;
    for (; i + 4 <= i1; i += 4) {
        __m128d a = _mm_and_pd(_mm_loadu_pd(j->v + i), absm), pa = _mm_cmpgt_pd(a, zero);
        __m128d b = _mm_and_pd(_mm_loadu_pd(j->v + i + 2), absm), pb = _mm_cmpgt_pd(b, zero);
        vh = _mm_max_pd(a, vh);
        wh = _mm_max_pd(b, wh);
        vl = _mm_min_pd(_mm_or_pd(_mm_and_pd(pa, a), _mm_andnot_pd(pa, inf)), vl);
        wl = _mm_min_pd(_mm_or_pd(_mm_and_pd(pb, b), _mm_andnot_pd(pb, inf)), wl);
    }
    double h2[2], l2[2];
    _mm_storeu_pd(h2, _mm_max_pd(vh, wh));
    _mm_storeu_pd(l2, _mm_min_pd(vl, wl));
    hi = h2[0] > h2[1] ? h2[0] : h2[1];
    lo = l2[0] < l2[1] ? l2[0] : l2[1];
#endif
    for (; i < i1; i++) {
        double a = fabs(j->v[i]);
        if (a > hi) hi = a;
        if (a > 0 && a < lo) lo = a;
    }
    j->hi[k] = hi; j->lo[k] = lo;
}

static int check_scale(const char *name, const double *v, size_t n)
{
    /* largest and smallest non-zero |v|: split over the threads (exact) */
    scale_job j = { .v = v };
    size_t parts = cpr_rows_run(n, scale_part, &j);
    double hi = 0, lo = INFINITY;
    for (size_t k = 0; k < parts; k++) {
        if (j.hi[k] > hi) hi = j.hi[k];
        if (j.lo[k] < lo) lo = j.lo[k];
    }
    if (hi > SCALE_MAX)
        return cpr_fail(CPR_E_NUMERIC, "variable '%s': values as large as %g are out of range for the regression "
                        "arithmetic (squares overflow; limit %g); rescale it, e.g. divide by a power of 10", name, hi, SCALE_MAX);
    if (lo < SCALE_MIN)
        return cpr_fail(CPR_E_NUMERIC, "variable '%s': non-zero values as small as %g are out of range for the regression "
                        "arithmetic (squares underflow; limit %g); rescale it, e.g. multiply by a power of 10", name, lo, SCALE_MIN);
    return CPR_OK;
}

static int check_design_scale(const cpr_design *d)
{
    int rc = check_scale(d->outcome, d->y, d->n);
    size_t i = 1;
    while (i < d->n && d->y[i] == d->y[0]) i++;
    if (!rc && d->n > 1 && i == d->n)
        rc = cpr_fail(CPR_E_NUMERIC, "outcome '%s' is constant (%g in all %zu observations): there is nothing to explain",
                      d->outcome, d->y[0], d->n);
    for (size_t j = 0; !rc && j < d->k; j++) rc = check_scale(d->names[j], d->X + j * d->n, d->n);
    for (size_t j = 0; !rc && j < d->kz; j++) rc = check_scale(d->z_names[j], d->Z + j * d->n, d->n);
    return rc;
}

int cpr_design_build(const cpr_frame *f, const cpr_formula *fm,
                     const cpr_design_opts *opts, cpr_design **out,
                     cpr_design_info *info)
{
    static const cpr_design_opts no_opts = {0};
    cpr_design_info scratch;
    if (!opts) opts = &no_opts;
    if (!info) info = &scratch;
    memset(info, 0, sizeof *info);
    *out = NULL;

    int fe_e, fe_t;
    int rc = cpr_bind_check_formula(fm, f, &fe_e, &fe_t);
    cluster_src cl[2];
    size_t ncl = 0;
    if (!rc && opts->cluster) rc = design_find_cluster(f, opts->cluster, &cl[ncl++]);
    if (!rc && opts->cluster2) rc = design_find_cluster(f, opts->cluster2, &cl[ncl++]);
    long wcol = -1;
    if (!rc) rc = check_weights(f, opts, &wcol);
    if (rc) return rc;
    const double *wv = wcol >= 0 ? f->cols[wcol].num : NULL;
    size_t n_zero_w = 0;

    ctx cx = {f, NULL, NULL};
    int links = uses_links(fm->lhs);
    for (size_t j = 0; j < fm->nterms; j++) links |= uses_links(fm->terms[j]);
    for (size_t j = 0; j < fm->n_endog; j++) links |= uses_links(fm->endog[j]);
    for (size_t j = 0; j < fm->n_instr; j++) links |= uses_links(fm->instr[j]);
    if (f->time && links) cpr_panel_neighbours(f->entity, f->time, f->nrow, &cx.prev, &cx.next);
    evaluated ev = {0};
    ev.y = eval(&cx, fm->lhs);
    ev.kx = fm->nterms + fm->n_endog;
    ev.x = cpr_calloc(ev.kx ? ev.kx : 1, sizeof *ev.x);
    for (size_t j = 0; j < fm->nterms; j++) ev.x[j] = eval(&cx, fm->terms[j]);
    for (size_t j = 0; j < fm->n_endog; j++) ev.x[fm->nterms + j] = eval(&cx, fm->endog[j]);
    ev.kz = fm->n_instr;
    ev.z = cpr_calloc(ev.kz ? ev.kz : 1, sizeof *ev.z);
    for (size_t j = 0; j < ev.kz; j++) ev.z[j] = eval(&cx, fm->instr[j]);
    free(cx.prev);
    free(cx.next);

    size_t *rows, n;
    rc = build_rows(f, &ev, cl, ncl, wv, &n_zero_w, &rows, &n, info);
    if (rc) { free_evaluated(&ev); return rc; }

    int has_const = fm->intercept && !opts->no_constant && !opts->absorb_fe;
    size_t k0 = has_const ? 1 : 0;
    cpr_design *d = cpr_design_alloc(n, k0 + ev.kx);
    d->has_const = has_const;
    d->n_dropped = f->nrow - n - n_zero_w;
    d->outcome = cpr_expr_to_string(fm->lhs);
    /* with opts->consume, each frame column goes as soon as its last copy
     * is made (the outcome is taken over whole when every row is used), so
     * the frame and the design never both hold the data */
    cpr_frame *mut = opts->consume;
    double *took = frame_detach_col(mut, f, &ev.y, &ev, 0, wcol, cl, ncl);
    if (took && !rows) { free(d->y); d->y = took; }
    else { copy_rows(&ev.y, rows, n, d->y); cpr_recycle(took); }
    if (has_const) {
        d->names[0] = cpr_strdup("const");
        for (size_t r = 0; r < n; r++) d->X[r] = 1.0;
    }
    for (size_t j = 0; j < ev.kx; j++) {
        const cpr_expr *e = j < fm->nterms ? fm->terms[j] : fm->endog[j - fm->nterms];
        d->names[k0 + j] = cpr_expr_to_string(e);
        copy_rows(&ev.x[j], rows, n, d->X + (k0 + j) * n);
        /* the frame's column goes to cpr_recycle: the fit's next arrays of
         * n values (FE's y copy, the residuals) take its touched pages */
        cpr_recycle(frame_detach_col(mut, f, &ev.x[j], &ev, 1 + j, wcol, cl, ncl));
    }
    d->kx_endog = fm->n_endog;
    d->kz = ev.kz;
    if (ev.kz) {
        d->Z = cpr_malloc(n * ev.kz * sizeof *d->Z);
        d->z_names = cpr_calloc(ev.kz, sizeof *d->z_names);
        for (size_t j = 0; j < ev.kz; j++) {
            d->z_names[j] = cpr_expr_to_string(fm->instr[j]);
            copy_rows(&ev.z[j], rows, n, d->Z + j * n);
            free(frame_detach_col(mut, f, &ev.z[j], &ev, 1 + ev.kx + j, wcol, cl, ncl));
        }
    }
    free_evaluated(&ev);
    if (wv) {
        d->w = cpr_malloc(n * sizeof *d->w);
        for (size_t r = 0; r < n; r++) d->w[r] = wv[row_at(rows, r)];
        d->weight_type = opts->weight_type ? (cpr_weight_type)opts->weight_type : CPR_WEIGHT_A;
        d->weight_name = cpr_strdup(opts->weight);
        d->n_zero_weight = n_zero_w;
    }

    design_panel_codes(f, rows, d);
    if (ncl > 0 && !(cl[0].is_entity && d->entity)) {
        d->cluster = cpr_malloc(n * sizeof *d->cluster);
        d->n_clusters = design_cluster_codes(f, &cl[0], rows, d, d->cluster);
        d->cluster_name = cpr_strdup(cl[0].name);
    } else if (d->entity) {
        /* the entity codes themselves: dense over the used rows in label
         * order, which is what sorting the entity codes would give */
        d->cluster = d->entity;
        d->n_clusters = d->n_entities;
        d->cluster_name = cpr_strdup(ncl > 0 ? cl[0].name : f->entity_name ? f->entity_name : "entity");
    }
    if (ncl > 1) {
        d->cluster2 = cpr_malloc(n * sizeof *d->cluster2);
        d->n_cluster2 = design_cluster_codes(f, &cl[1], rows, d, d->cluster2);
    }
    free(rows);
    if (opts->consume) frame_release_keys(opts->consume, f);
    if (opts->drop_singletons && (rc = cpr_design_drop_singletons(d, opts->drop_singletons, &info->n_singletons))) {
        cpr_design_free(d);
        return rc;
    }
    if ((rc = check_design_scale(d))) { cpr_design_free(d); return rc; }
    *out = d;
    return CPR_OK;
}

/* One term over every frame row (missing = NAN), for estimators that need
 * values on rows a design would drop (GMM instruments, threshold grids). */
int cpr_term_eval(const cpr_frame *f, const cpr_expr *e, double *out)
{
    int rc = cpr_bind_check_expr(f, e);
    if (rc) return rc;
    ctx cx = {f, NULL, NULL};
    if (f->time) cpr_panel_neighbours(f->entity, f->time, f->nrow, &cx.prev, &cx.next);
    column c = eval(&cx, e);
    memcpy(out, c.v, f->nrow * sizeof *out);
    col_free(&c);
    free(cx.prev);
    free(cx.next);
    return CPR_OK;
}
