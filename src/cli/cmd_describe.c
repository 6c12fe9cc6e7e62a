/* cpr-stats describe: what is in the data, per variable, before any model. */
#include "cli.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void describe_panel(const cpr_frame *f)
{
    if (!f->entity) {
        printf("Layout:   cross-section (no entity/time columns found), %zu rows\n", f->nrow);
        return;
    }
    int *times;
    size_t nt;
    cpr_frame_periods(f, &times, &nt);
    size_t *per = cpr_calloc(f->n_entities, sizeof *per);
    for (size_t i = 0; i < f->nrow; i++) per[f->entity[i]]++;
    size_t minT = (size_t)-1, maxT = 0;
    for (size_t e = 0; e < f->n_entities; e++) {
        if (per[e] < minT) minT = per[e];
        if (per[e] > maxT) maxT = per[e];
    }
    int balanced = minT == nt;
    printf("Panel:    %zu entities (%s), %zu periods (%s %d-%d), %zu rows\n", f->n_entities, f->entity_name, nt,
           f->time_name, nt ? times[0] : 0, nt ? times[nt - 1] : 0, f->nrow);
    printf("Balance:  %s; periods per entity: min %zu, max %zu\n",
           balanced ? "balanced" : "unbalanced", minT == (size_t)-1 ? 0 : minT, maxT);
    free(per);
    free(times);
}

static int wanted(const char *name, char **vars, size_t nvars)
{
    if (nvars == 0) return 1;
    for (size_t i = 0; i < nvars; i++)
        if (strcmp(vars[i], name) == 0) return 1;
    return 0;
}

static void describe_columns(const cpr_frame *f, char **vars, size_t nvars)
{
    printf("\n%-22s %7s %6s %6s %13s %13s %13s\n", "variable", "n", "first", "last", "min", "mean", "max");
    for (size_t j = 0; j < f->ncol; j++) {
        const cpr_column *c = &f->cols[j];
        if (!wanted(c->name, vars, nvars)) continue;
        size_t n = 0;
        int first = 0, last = 0;
        if (c->type == CPR_COL_TEXT) {
            for (size_t i = 0; i < f->nrow; i++) n += c->text[i] != NULL;
            printf("%-22s %7zu %6s %6s %13s %13s %13s\n", c->name, n, "", "", "(text)", "", "");
            continue;
        }
        double mn = INFINITY, mx = -INFINITY, sum = 0;
        for (size_t i = 0; i < f->nrow; i++) {
            double v = c->num[i];
            if (isnan(v)) continue;
            if (f->time) {
                if (n == 0 || f->time[i] < first) first = f->time[i];
                if (n == 0 || f->time[i] > last) last = f->time[i];
            }
            n++;
            sum += v;
            if (v < mn) mn = v;
            if (v > mx) mx = v;
        }
        if (n == 0) {
            printf("%-22s %7zu %6s %6s %13s %13s %13s\n", c->name, n, "", "", "NA", "NA", "NA");
            continue;
        }
        char fs[8] = "", ls[8] = "";
        if (f->time) { snprintf(fs, sizeof fs, "%d", first); snprintf(ls, sizeof ls, "%d", last); }
        /* the mean of values near DBL_MAX: a scaled sum cannot overflow */
        double mean = isfinite(sum) ? sum / (double)n : NAN;
        if (!isfinite(mean)) {
            double scale = fmax(fabs(mn), fabs(mx)), ss = 0;
            for (size_t i = 0; i < f->nrow; i++)
                if (!isnan(c->num[i])) ss += c->num[i] / scale;
            mean = ss / (double)n * scale;
        }
        char mean_s[32] = "NA";
        if (isfinite(mean)) snprintf(mean_s, sizeof mean_s, "%.6g", mean);
        printf("%-22s %7zu %6s %6s %13.6g %13s %13.6g\n", c->name, n, fs, ls, mn, mean_s, mx);
    }
    /* Labels that came with the file (series names, Stata/SPSS variable labels). */
    int any = 0;
    for (size_t j = 0; j < f->ncol; j++) {
        const cpr_column *c = &f->cols[j];
        if (!c->label || !wanted(c->name, vars, nvars)) continue;
        if (!any++) printf("\nLabels (from the file):\n");
        printf("  %-20s %s\n", c->name, c->label);
    }
}

static int run_describe(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    if (a.npos > 0) { rc = cli_usage_error(cmd, "unexpected argument '%s'", a.pos[0]); cli_args_free(&a); return rc; }
    cpr_frame *f = NULL;
    rc = cli_load_data(&a, 0, &f);
    if (!rc) rc = cli_apply_sample(&a, f);
    char **vars = NULL;
    size_t nvars = 0;
    if (!rc && cli_get(&a, "vars")) {
        char *list = cpr_strdup(cli_get(&a, "vars"));
        for (char *tok = strtok(list, ","); tok && !rc; tok = strtok(NULL, ",")) {
            const double *col;
            if (cpr_frame_find(f, tok) < 0 && (rc = cpr_frame_numeric(f, tok, &col))) break;
            vars = cpr_realloc(vars, (nvars + 1) * sizeof *vars);
            vars[nvars++] = cpr_strdup(tok);
        }
        free(list);
    }
    if (!rc) {
        printf("Data:     %s\n", f->source);
        describe_panel(f);
        describe_columns(f, vars, nvars);
    }
    for (size_t i = 0; i < nvars; i++) free(vars[i]);
    free(vars);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt describe_opts[] = {
    CLI_DATA_OPTS,
    {"vars", 0, "LIST", "all", "comma-separated variables to describe"},
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_describe = {
    "describe", "describe the panel: entities, periods, balance and coverage per variable", "[OPTIONS]",
    "Without --data, describes the bundled LAC panel (datasets/lac_panel.csv).\n"
    "Per variable: non-missing count, first and last year with data, min, mean, max.",
    describe_opts, run_describe};
