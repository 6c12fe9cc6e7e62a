/* Group and reduce one variable (cpr/group_stat.h): rows sorted by entity
 * then time (by year: re-sorted by year, then row), so everything stays
 * O(n log n); each group is reduced in time order. */
#include "cpr/group_stat.h"
#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const fn_names[] = {"value", "mean", "median", "min", "max", "sum", "count", "sd",
                                       "first", "last", "growth", "change", "pct_change", "slope"};
static const char *const by_names[] = {"entity", "year", "all"};

const char *cpr_stat_fn_name(cpr_stat_fn fn) { return fn >= 0 && fn < CPR_STAT_NFN ? fn_names[fn] : "?"; }
const char *cpr_stat_by_name(cpr_stat_by by) { return by >= 0 && by < CPR_STAT_NBY ? by_names[by] : "?"; }

int cpr_stat_fn_parse(const char *s)
{
    for (int i = 0; i < CPR_STAT_NFN; i++)
        if (strcmp(s, fn_names[i]) == 0) return i;
    return strcmp(s, "latest") == 0 ? CPR_STAT_LAST : -1;
}

int cpr_stat_by_parse(const char *s)
{
    for (int i = 0; i < CPR_STAT_NBY; i++)
        if (strcmp(s, by_names[i]) == 0) return i;
    return -1;
}

void cpr_stat_series_clear(cpr_stat_series *s)
{
    free(s->t);
    free(s->v);
    *s = (cpr_stat_series){0};
}

static double series_at(const cpr_stat_series *s, int year)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->t[mid] < year) lo = mid + 1; else hi = mid;
    }
    return lo < s->n && s->t[lo] == year ? s->v[lo] : NAN;
}

/* OLS of the group's values on the --vs series over common years
 * (cpr_line_fit), with the t-based 95% interval and p-value. */
static void slope_fit(const cpr_stat_series *vs, const double *v, const int *t, size_t n, cpr_stat_row *g)
{
    double *xs = cpr_malloc((n + 1) * sizeof *xs);
    g->first_year = g->last_year = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        xs[i] = series_at(vs, t[i]);
        if (isnan(xs[i])) continue;
        if (m++ == 0) g->first_year = t[i];
        g->last_year = t[i];
    }
    cpr_line ln;
    cpr_line_fit(xs, v, n, &ln);
    free(xs);
    g->n = ln.n;
    g->value = g->intercept = g->se = g->p = g->lo = g->hi = g->r = NAN;
    if (ln.n < 3 || !(ln.sxx > 0)) return;
    double b = ln.slope, df = (double)ln.n - 2;
    g->value = b;
    g->intercept = ln.intercept;
    g->se = sqrt(ln.ssr / df / ln.sxx);
    g->r = ln.r;
    double tc = gsl_cdf_tdist_Qinv(0.025, df);
    g->p = g->se > 0 ? 2 * gsl_cdf_tdist_Q(fabs(b / g->se), df) : NAN;
    g->lo = b - tc * g->se;
    g->hi = b + tc * g->se;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* v: n values of one group in time order (t: their years). */
static void reduce(cpr_stat_fn fn, const double *v, const int *t, size_t n, double *scratch, cpr_stat_row *g)
{
    g->n = n;
    g->first = v[0];
    g->last = v[n - 1];
    g->first_year = t[0];
    g->last_year = t[n - 1];
    double s = 0, mn = v[0], mx = v[0];
    for (size_t i = 0; i < n; i++) { s += v[i]; mn = fmin(mn, v[i]); mx = fmax(mx, v[i]); }
    double mean = s / (double)n;
    switch (fn) {
    case CPR_STAT_MEAN: g->value = mean; break;
    case CPR_STAT_MIN: g->value = mn; break;
    case CPR_STAT_MAX: g->value = mx; break;
    case CPR_STAT_SUM: g->value = s; break;
    case CPR_STAT_COUNT: g->value = (double)n; break;
    case CPR_STAT_SD: {
        double ss = 0;
        for (size_t i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
        g->value = n > 1 ? sqrt(ss / (double)(n - 1)) : NAN;
        break;
    }
    case CPR_STAT_MEDIAN:
        memcpy(scratch, v, n * sizeof *v);
        qsort(scratch, n, sizeof *scratch, cmp_double);
        g->value = n % 2 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
        break;
    case CPR_STAT_FIRST: g->value = g->first; break;
    case CPR_STAT_GROWTH: g->value = g->last / g->first; break;
    case CPR_STAT_CHANGE: g->value = g->last - g->first; break;
    case CPR_STAT_PCT: g->value = 100.0 * (g->last / g->first - 1.0); break;
    default: g->value = g->last; break;
    }
}

int cpr_stat_series_capture(const cpr_frame *f, const char *entity, const char *var, cpr_stat_series *s)
{
    const double *x;
    int rc = cpr_frame_numeric(f, var, &x);
    if (rc) return rc;
    long e = cpr_frame_entity_code(f, entity);
    if (e < 0) return cpr_fail(CPR_E_NOVAR, "%s: --vs: no %s '%s' in the data", f->source, f->entity_name, entity);
    s->t = cpr_malloc((f->nrow + 1) * sizeof *s->t);
    s->v = cpr_malloc((f->nrow + 1) * sizeof *s->v);
    for (size_t i = 0; i < f->nrow; i++) /* rows of one entity are in time order */
        if (f->entity[i] == e && !isnan(x[i])) { s->t[s->n] = f->time[i]; s->v[s->n++] = x[i]; }
    return 0;
}

typedef struct { int year; size_t i; } yr_idx;

static int cmp_yr(const void *a, const void *b)
{
    const yr_idx *x = a, *y = b;
    if (x->year != y->year) return (x->year > y->year) - (x->year < y->year);
    return (x->i > y->i) - (x->i < y->i);
}

/* Groups over rows sorted by entity then time (by year: re-sorted by year,
 * then row), so the whole thing stays O(n log n). */
size_t cpr_stat_groups(const cpr_frame *f, const double *x, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_series *vs, cpr_stat_row **out)
{
    size_t n = 0;
    size_t *idx = cpr_malloc((f->nrow + 1) * sizeof *idx);
    for (size_t i = 0; i < f->nrow; i++)
        if (!isnan(x[i])) idx[n++] = i;
    if (by == CPR_STAT_BY_YEAR && fn != CPR_STAT_VALUE) {
        yr_idx *p = cpr_malloc((n + 1) * sizeof *p);
        for (size_t i = 0; i < n; i++) p[i] = (yr_idx){f->time[idx[i]], idx[i]};
        qsort(p, n, sizeof *p, cmp_yr);
        for (size_t i = 0; i < n; i++) idx[i] = p[i].i;
        free(p);
    }
    cpr_stat_row *g = cpr_calloc(n + 1, sizeof *g);
    double *v = cpr_malloc((n + 1) * sizeof *v), *scratch = cpr_malloc((n + 1) * sizeof *v);
    int *t = cpr_malloc((n + 1) * sizeof *t);
    size_t ng = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        if (fn == CPR_STAT_VALUE) e = s + 1;
        else if (by == CPR_STAT_BY_ALL) e = n;
        else if (by == CPR_STAT_BY_ENTITY) while (e < n && f->entity[idx[e]] == f->entity[idx[s]]) e++;
        else while (e < n && f->time[idx[e]] == f->time[idx[s]]) e++;
        for (size_t i = s; i < e; i++) { v[i - s] = x[idx[i]]; t[i - s] = f->time ? f->time[idx[i]] : 0; }
        cpr_stat_row *r = &g[ng++];
        if (fn == CPR_STAT_SLOPE) slope_fit(vs, v, t, e - s, r);
        else reduce(fn == CPR_STAT_VALUE ? CPR_STAT_LAST : fn, v, t, e - s, scratch, r);
        if (f->entity && (fn == CPR_STAT_VALUE || by == CPR_STAT_BY_ENTITY)) r->entity = f->entity_labels[f->entity[idx[s]]];
        if (f->time && (fn == CPR_STAT_VALUE || by == CPR_STAT_BY_YEAR)) { r->has_year = 1; r->year = f->time[idx[s]]; }
        s = e;
    }
    free(v); free(scratch); free(t); free(idx);
    *out = g;
    return ng;
}

void cpr_stat_summarize(const cpr_stat_row *g, size_t ng, cpr_stat_summary *s)
{
    double *v = cpr_malloc((ng + 1) * sizeof *v);
    size_t n = 0, pos = 0, neg = 0;
    double sum = 0, mn = INFINITY, mx = -INFINITY;
    for (size_t i = 0; i < ng; i++) {
        if (!isfinite(g[i].value)) continue;
        v[n++] = g[i].value;
        sum += g[i].value;
        mn = fmin(mn, g[i].value);
        mx = fmax(mx, g[i].value);
        pos += g[i].value > 0;
        neg += g[i].value < 0;
    }
    qsort(v, n, sizeof *v, cmp_double);
    *s = (cpr_stat_summary){
        .n = n, .n_pos = pos, .n_neg = neg,
        .mean = n ? sum / (double)n : NAN,
        .median = n == 0 ? NAN : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]),
        .min = n ? mn : NAN, .max = n ? mx : NAN, .sum = n ? sum : NAN};
    free(v);
}
