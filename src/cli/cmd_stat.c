/* cpr-stats stat: the simple numbers the claims rest on (a region's value
 * in a year, a growth multiple, a cross-country mean, each country's latest
 * value), grouped by entity, by year or over everything. */
#include "cli.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { F_VALUE, F_MEAN, F_MEDIAN, F_MIN, F_MAX, F_SUM, F_COUNT, F_SD,
               F_FIRST, F_LAST, F_GROWTH, F_CHANGE, F_PCT, F_SLOPE } stat_fn;
static const char *const fn_names[] = {"value", "mean", "median", "min", "max", "sum", "count", "sd",
                                       "first", "last", "growth", "change", "pct_change", "slope"};
enum { BY_ENTITY, BY_YEAR, BY_ALL };
static const char *const by_names[] = {"entity", "year", "all"};

typedef struct {
    const char *entity;   /* NULL when grouped by year or over all */
    int year, has_year;
    size_t n;
    int first_year, last_year;
    double first, last, value;
    double intercept, se, p, lo, hi, r; /* slope only */
} group_row;

/* --vs ENTITY: that entity's series, captured before the sample filter. */
typedef struct { size_t n; int *t; double *v; } series;

static double series_at(const series *s, int year)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->t[mid] < year) lo = mid + 1; else hi = mid;
    }
    return lo < s->n && s->t[lo] == year ? s->v[lo] : NAN;
}

/* OLS of the group's values on the --vs series over common years. */
static void slope_fit(const series *vs, const double *v, const int *t, size_t n, group_row *g)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    size_t m = 0;
    g->first_year = g->last_year = 0;
    for (size_t i = 0; i < n; i++) {
        double x = series_at(vs, t[i]);
        if (isnan(x)) continue;
        if (m == 0) g->first_year = t[i];
        g->last_year = t[i];
        m++;
        sx += x; sy += v[i];
    }
    g->n = m;
    g->value = g->intercept = g->se = g->p = g->lo = g->hi = g->r = NAN;
    if (m < 3) return;
    double mx = sx / (double)m, my = sy / (double)m;
    for (size_t i = 0; i < n; i++) {
        double x = series_at(vs, t[i]);
        if (isnan(x)) continue;
        sxx += (x - mx) * (x - mx); sxy += (x - mx) * (v[i] - my); syy += (v[i] - my) * (v[i] - my);
    }
    if (!(sxx > 0)) return;
    double b = sxy / sxx, df = (double)m - 2, ssr = syy - b * sxy;
    g->value = b;
    g->intercept = my - b * mx;
    g->se = sqrt((ssr > 0 ? ssr : 0) / df / sxx);
    g->r = syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
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
static void reduce(stat_fn fn, const double *v, const int *t, size_t n, double *scratch, group_row *g)
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
    case F_MEAN: g->value = mean; break;
    case F_MIN: g->value = mn; break;
    case F_MAX: g->value = mx; break;
    case F_SUM: g->value = s; break;
    case F_COUNT: g->value = (double)n; break;
    case F_SD: {
        double ss = 0;
        for (size_t i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
        g->value = n > 1 ? sqrt(ss / (double)(n - 1)) : NAN;
        break;
    }
    case F_MEDIAN:
        memcpy(scratch, v, n * sizeof *v);
        qsort(scratch, n, sizeof *scratch, cmp_double);
        g->value = n % 2 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
        break;
    case F_FIRST: g->value = g->first; break;
    case F_GROWTH: g->value = g->last / g->first; break;
    case F_CHANGE: g->value = g->last - g->first; break;
    case F_PCT: g->value = 100.0 * (g->last / g->first - 1.0); break;
    default: g->value = g->last; break;
    }
}

static json_t *num(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static void summary_json(json_t *o, const group_row *g, size_t ng)
{
    double *v = cpr_malloc((ng + 1) * sizeof *v);
    size_t n = 0, pos = 0, neg = 0;
    double s = 0, mn = INFINITY, mx = -INFINITY;
    for (size_t i = 0; i < ng; i++) {
        if (!isfinite(g[i].value)) continue;
        v[n++] = g[i].value;
        s += g[i].value;
        mn = fmin(mn, g[i].value);
        mx = fmax(mx, g[i].value);
        pos += g[i].value > 0;
        neg += g[i].value < 0;
    }
    qsort(v, n, sizeof *v, cmp_double);
    double med = n == 0 ? NAN : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    json_object_set_new(o, "summary", json_pack("{s:I,s:o,s:o,s:o,s:o,s:o,s:I,s:I}", "n", (json_int_t)n,
        "mean", num(n ? s / (double)n : NAN), "median", num(med), "min", num(n ? mn : NAN), "max", num(n ? mx : NAN),
        "sum", num(n ? s : NAN), "n_pos", (json_int_t)pos, "n_neg", (json_int_t)neg));
    if (ng == 1) json_object_set_new(o, "value", num(g[0].value));
    free(v);
}

static int print_json(const char *var, stat_fn fn, int by, const group_row *g, size_t ng)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "variable", var, "function", fn_names[fn], "by", fn == F_VALUE ? "none" : by_names[by]);
    json_t *rows = json_array();
    for (size_t i = 0; i < ng; i++) {
        json_t *r = json_object();
        if (g[i].entity) json_object_set_new(r, "entity", json_string(g[i].entity));
        if (g[i].has_year) json_object_set_new(r, "year", json_integer(g[i].year));
        json_object_set_new(r, "value", num(g[i].value));
        json_object_set_new(r, "n", json_integer((json_int_t)g[i].n));
        if (fn == F_SLOPE) {
            json_object_set_new(r, "intercept", num(g[i].intercept));
            json_object_set_new(r, "std_error", num(g[i].se));
            json_object_set_new(r, "p_value", num(g[i].p));
            json_object_set_new(r, "conf_low", num(g[i].lo));
            json_object_set_new(r, "conf_high", num(g[i].hi));
            json_object_set_new(r, "r", num(g[i].r));
            json_object_set_new(r, "r2", num(g[i].r * g[i].r));
        }
        if (fn >= F_FIRST) {
            json_object_set_new(r, "first_year", json_integer(g[i].first_year));
            json_object_set_new(r, "last_year", json_integer(g[i].last_year));
            if (fn != F_SLOPE) {
                json_object_set_new(r, "first", num(g[i].first));
                json_object_set_new(r, "last", num(g[i].last));
            }
        }
        json_array_append_new(rows, r);
    }
    json_object_set_new(o, "rows", rows);
    summary_json(o, g, ng);
    int rc = json_dumpf(o, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) ? CPR_E_WRITE : 0;
    fputc('\n', stdout);
    json_decref(o);
    return rc;
}

static void print_text(const char *var, stat_fn fn, const group_row *g, size_t ng)
{
    printf("%s of %s\n\n%-10s %6s %16s %6s", fn_names[fn], var, "entity", "year", "value", "n");
    if (fn >= F_FIRST) printf(" %6s %6s", "from", "to");
    putchar('\n');
    for (size_t i = 0; i < ng; i++) {
        char yr[16] = "";
        if (g[i].has_year) snprintf(yr, sizeof yr, "%d", g[i].year);
        /* undefined values (sd of one value, growth from 0, ...) print as NA, as in JSON (null) */
        if (isfinite(g[i].value)) printf("%-10s %6s %16.8g %6zu", g[i].entity ? g[i].entity : "all", yr, g[i].value, g[i].n);
        else printf("%-10s %6s %16s %6zu", g[i].entity ? g[i].entity : "all", yr, "NA", g[i].n);
        if (fn >= F_FIRST) printf(" %6d %6d", g[i].first_year, g[i].last_year);
        putchar('\n');
    }
}

static int keep_years(const cli_args *a, cpr_frame *f)
{
    const char *list = cli_get(a, "at");
    if (!list) return 0;
    unsigned char *keep = cpr_calloc(f->nrow + 1, 1);
    char *copy = cpr_strdup(list), *save = NULL;
    int rc = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *end;
        long y = strtol(tok, &end, 10);
        if (*end || end == tok) { rc = cli_usage_error(a->cmd, "--at needs years such as 2002,2014, not '%s'", tok); break; }
        for (size_t i = 0; i < f->nrow; i++) keep[i] |= f->time[i] == y;
    }
    if (!rc) cpr_frame_subset(f, keep);
    free(copy);
    free(keep);
    return rc;
}

static int capture_series(const cpr_frame *f, const char *entity, const char *var, series *s)
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

static int drop_entities(const cli_args *a, cpr_frame *f)
{
    const char *list = cli_get(a, "exclude");
    if (!list) return 0;
    unsigned char *keep = cpr_malloc(f->nrow + 1);
    memset(keep, 1, f->nrow + 1);
    char *copy = cpr_strdup(list), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long e = cpr_frame_entity_code(f, tok);
        for (size_t i = 0; e >= 0 && i < f->nrow; i++)
            if (f->entity[i] == e) keep[i] = 0;
    }
    cpr_frame_subset(f, keep);
    free(copy);
    free(keep);
    return 0;
}

static int lookup(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0) return i;
    return strcmp(s, "latest") == 0 && names == fn_names ? F_LAST : -1;
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
static size_t build_groups(const cpr_frame *f, const double *x, stat_fn fn, int by, const series *vs, group_row **out)
{
    size_t n = 0;
    size_t *idx = cpr_malloc((f->nrow + 1) * sizeof *idx);
    for (size_t i = 0; i < f->nrow; i++)
        if (!isnan(x[i])) idx[n++] = i;
    if (by == BY_YEAR && fn != F_VALUE) {
        yr_idx *p = cpr_malloc((n + 1) * sizeof *p);
        for (size_t i = 0; i < n; i++) p[i] = (yr_idx){f->time[idx[i]], idx[i]};
        qsort(p, n, sizeof *p, cmp_yr);
        for (size_t i = 0; i < n; i++) idx[i] = p[i].i;
        free(p);
    }
    group_row *g = cpr_calloc(n + 1, sizeof *g);
    double *v = cpr_malloc((n + 1) * sizeof *v), *scratch = cpr_malloc((n + 1) * sizeof *v);
    int *t = cpr_malloc((n + 1) * sizeof *t);
    size_t ng = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        if (fn == F_VALUE) e = s + 1;
        else if (by == BY_ALL) e = n;
        else if (by == BY_ENTITY) while (e < n && f->entity[idx[e]] == f->entity[idx[s]]) e++;
        else while (e < n && f->time[idx[e]] == f->time[idx[s]]) e++;
        for (size_t i = s; i < e; i++) { v[i - s] = x[idx[i]]; t[i - s] = f->time ? f->time[idx[i]] : 0; }
        group_row *r = &g[ng++];
        if (fn == F_SLOPE) slope_fit(vs, v, t, e - s, r);
        else reduce(fn == F_VALUE ? F_LAST : fn, v, t, e - s, scratch, r);
        if (f->entity && (fn == F_VALUE || by == BY_ENTITY)) r->entity = f->entity_labels[f->entity[idx[s]]];
        if (f->time && (fn == F_VALUE || by == BY_YEAR)) { r->has_year = 1; r->year = f->time[idx[s]]; }
        s = e;
    }
    free(v); free(scratch); free(t); free(idx);
    *out = g;
    return ng;
}

static int run_stat(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    const char *fs = cli_get(&a, "fn"), *bs = cli_get(&a, "by"), *fmt = cli_get(&a, "format");
    int fn = fs ? lookup(fs, fn_names, (int)(sizeof fn_names / sizeof *fn_names)) : F_VALUE;
    int by = bs ? lookup(bs, by_names, 3) : (fn >= F_FIRST ? BY_ENTITY : BY_ALL);
    if (a.npos != 1) rc = cli_usage_error(cmd, "needs exactly one variable");
    else if (fn < 0) rc = cli_usage_error(cmd, "unknown --fn '%s' (value mean median min max sum count sd first last growth change pct_change slope)", fs);
    else if (by < 0) rc = cli_usage_error(cmd, "--by must be entity, year or all, not '%s'", bs);
    else if (fmt && strcmp(fmt, "text") && strcmp(fmt, "json")) rc = cli_usage_error(cmd, "--format must be text or json, not '%s'", fmt);
    cpr_frame *f = NULL;
    if (!rc) rc = cli_load_data(&a, 0, &f);
    if (!rc && !f->entity && (by != BY_ALL || cli_has(&a, "at") || cli_has(&a, "vs") || cli_has(&a, "exclude")))
        rc = cli_usage_error(cmd, "--by entity|year and --at need panel data (entity and time columns)");
    series vs = {0};
    if (!rc && (fn == F_SLOPE) != cli_has(&a, "vs")) rc = cli_usage_error(cmd, "--fn slope and --vs ENTITY go together");
    if (!rc && fn == F_SLOPE) {
        if (by != BY_ENTITY) rc = cli_usage_error(cmd, "--fn slope works --by entity");
        else rc = capture_series(f, cli_get(&a, "vs"), a.pos[0], &vs);
    }
    if (!rc) rc = cli_apply_sample(&a, f);
    if (!rc) rc = keep_years(&a, f);
    if (!rc) rc = drop_entities(&a, f);
    const double *x = NULL;
    if (!rc) rc = cpr_frame_numeric(f, a.pos[0], &x);
    group_row *g = NULL;
    size_t ng = 0;
    if (!rc) ng = build_groups(f, x, (stat_fn)fn, by, &vs, &g);
    free(vs.t);
    free(vs.v);
    if (!rc && ng == 0) rc = cpr_fail(CPR_E_NUMERIC, "%s: no non-missing values of '%s' in the selected rows", f->source, a.pos[0]);
    if (!rc) {
        if (fmt && strcmp(fmt, "json") == 0) rc = print_json(a.pos[0], (stat_fn)fn, by, g, ng);
        else print_text(a.pos[0], (stat_fn)fn, g, ng);
    }
    free(g);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt stat_opts[] = {
    {"fn", 0, "FN", "value", "value|mean|median|min|max|sum|count|sd|first|last (latest)|growth (last/first)|change|pct_change|slope"},
    {"by", 0, "WHAT", "entity for first/last/growth/change, else all", "group by entity, year or all"},
    {"at", 0, "YEARS", "all", "comma-separated years to keep (e.g. 2002,2014)"},
    {"exclude", 0, "LIST", "none", "comma-separated entities to leave out (e.g. CHN)"},
    {"vs", 0, "ENTITY", "none", "--fn slope: regress each entity's series on ENTITY's series, year by year"},
    {"format", 0, "FMT", "text", "output format: text|json"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_stat = {
    "stat", "simple numbers: values, means, growth, latest value per country", "[OPTIONS] VAR",
    "Missing values are skipped. --fn value lists every selected observation; the other\n"
    "functions reduce each group (--by). first/last/growth/change use the earliest and latest\n"
    "year with data in the group. JSON adds a summary over the groups (n, mean, median, min,\n"
    "max, sum, n_pos, n_neg) and 'value' when there is exactly one group. --fn slope --vs E\n"
    "fits OLS of each entity's values on E's values of the same year (slope, SE, t-based 95%\n"
    "CI, p-value, r). Example:\n"
    "  cpr-stats stat --data datasets/aggregates.csv --countries LCN --at 2002,2014 pov_830",
    stat_opts, run_stat};
