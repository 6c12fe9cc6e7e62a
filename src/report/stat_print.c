/* Printing the groups of `cpr-stats stat` (cpr/group_stat.h): the text
 * table and the JSON document that `run` and `reproduce` assertions read
 * (rows, a summary over the groups, and "value" when there is one group). */
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static json_t *num(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static void summary_json(json_t *o, const cpr_stat_row *g, size_t ng)
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

int cpr_stat_print_json(FILE *out, const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g, size_t ng)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "variable", var, "function", cpr_stat_fn_name(fn), "by", fn == CPR_STAT_VALUE ? "none" : cpr_stat_by_name(by));
    json_t *rows = json_array();
    for (size_t i = 0; i < ng; i++) {
        json_t *r = json_object();
        if (g[i].entity) json_object_set_new(r, "entity", json_string(g[i].entity));
        if (g[i].has_year) json_object_set_new(r, "year", json_integer(g[i].year));
        json_object_set_new(r, "value", num(g[i].value));
        json_object_set_new(r, "n", json_integer((json_int_t)g[i].n));
        if (fn == CPR_STAT_SLOPE) {
            json_object_set_new(r, "intercept", num(g[i].intercept));
            json_object_set_new(r, "std_error", num(g[i].se));
            json_object_set_new(r, "p_value", num(g[i].p));
            json_object_set_new(r, "conf_low", num(g[i].lo));
            json_object_set_new(r, "conf_high", num(g[i].hi));
            json_object_set_new(r, "r", num(g[i].r));
            json_object_set_new(r, "r2", num(g[i].r * g[i].r));
        }
        if (fn >= CPR_STAT_FIRST) {
            json_object_set_new(r, "first_year", json_integer(g[i].first_year));
            json_object_set_new(r, "last_year", json_integer(g[i].last_year));
            if (fn != CPR_STAT_SLOPE) {
                json_object_set_new(r, "first", num(g[i].first));
                json_object_set_new(r, "last", num(g[i].last));
            }
        }
        json_array_append_new(rows, r);
    }
    json_object_set_new(o, "rows", rows);
    summary_json(o, g, ng);
    int rc = json_dumpf(o, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) ? CPR_E_WRITE : 0;
    if (fputc('\n', out) == EOF) rc = CPR_E_WRITE;
    json_decref(o);
    return rc;
}

int cpr_stat_print_text(FILE *out, const char *var, cpr_stat_fn fn, const cpr_stat_row *g, size_t ng)
{
    fprintf(out, "%s of %s\n\n%-10s %6s %16s %6s", cpr_stat_fn_name(fn), var, "entity", "year", "value", "n");
    if (fn >= CPR_STAT_FIRST) fprintf(out, " %6s %6s", "from", "to");
    fputc('\n', out);
    for (size_t i = 0; i < ng; i++) {
        char yr[16] = "";
        if (g[i].has_year) snprintf(yr, sizeof yr, "%d", g[i].year);
        /* undefined values (sd of one value, growth from 0, ...) print as NA, as in JSON (null) */
        if (isfinite(g[i].value)) fprintf(out, "%-10s %6s %16.8g %6zu", g[i].entity ? g[i].entity : "all", yr, g[i].value, g[i].n);
        else fprintf(out, "%-10s %6s %16s %6zu", g[i].entity ? g[i].entity : "all", yr, "NA", g[i].n);
        if (fn >= CPR_STAT_FIRST) fprintf(out, " %6d %6d", g[i].first_year, g[i].last_year);
        fputc('\n', out);
    }
    return CPR_OK;   /* a failed write is caught when standard output is closed (main.c) */
}
