/* cpr-stats stat: the simple numbers the claims rest on (a region's value
 * in a year, a growth multiple, a cross-country mean, each country's latest
 * value), grouped by entity, by year or over everything. */
#include "cli.h"
#include "cpr/group_stat.h"
#include "cpr/stat_doc.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int run_stat(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    const char *fs = cli_get(&a, "fn"), *bs = cli_get(&a, "by");
    cpr_format fmt = CPR_FMT_TEXT;
    int fn = fs ? cpr_stat_fn_parse(fs) : CPR_STAT_VALUE;
    int by = bs ? cpr_stat_by_parse(bs) : (fn >= CPR_STAT_FIRST ? CPR_STAT_BY_ENTITY : CPR_STAT_BY_ALL);
    if (a.npos != 1) rc = cli_usage_error(cmd, "needs exactly one variable");
    else if (fn < 0) rc = cli_usage_error(cmd, "unknown --fn '%s' (value mean median min max sum count sd first last growth change pct_change slope)", fs);
    else if (by < 0) rc = cli_usage_error(cmd, "--by must be entity, year or all, not '%s'", bs);
    else rc = cli_get_format(&a, &fmt);
    cpr_frame *f = NULL;
    if (!rc) rc = cli_load_data(&a, 0, &f);
    if (!rc && !f->entity && (by != CPR_STAT_BY_ALL || cli_has(&a, "at") || cli_has(&a, "vs") || cli_has(&a, "exclude")))
        rc = cli_usage_error(cmd, "--by entity|year and --at need panel data (entity and time columns)");
    cpr_stat_series vs = {0};
    if (!rc && (fn == CPR_STAT_SLOPE) != cli_has(&a, "vs")) rc = cli_usage_error(cmd, "--fn slope and --vs ENTITY go together");
    if (!rc && fn == CPR_STAT_SLOPE) {
        if (by != CPR_STAT_BY_ENTITY) rc = cli_usage_error(cmd, "--fn slope works --by entity");
        else rc = cpr_stat_series_capture(f, cli_get(&a, "vs"), a.pos[0], &vs);
    }
    if (!rc) rc = cli_apply_sample(&a, f);
    if (!rc) rc = keep_years(&a, f);
    if (!rc) rc = drop_entities(&a, f);
    const double *x = NULL;
    if (!rc) rc = cpr_frame_numeric(f, a.pos[0], &x);
    cpr_stat_row *g = NULL;
    size_t ng = 0;
    if (!rc) ng = cpr_stat_groups(f, x, (cpr_stat_fn)fn, (cpr_stat_by)by, &vs, &g);
    cpr_stat_series_clear(&vs);
    if (!rc && ng == 0) rc = cpr_fail(CPR_E_NUMERIC, "%s: no non-missing values of '%s' in the selected rows", f->source, a.pos[0]);
    if (!rc) rc = cpr_report_stat(stdout, a.pos[0], (cpr_stat_fn)fn, (cpr_stat_by)by, g, ng, fmt);
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
    CLI_FORMAT_OPT,
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_stat = {
    "stat", "simple numbers: values, means, growth, latest value per country", "[OPTIONS] VAR",
    "Missing values are skipped. --fn value lists every selected observation; the other\n"
    "functions reduce each group (--by). first/last/growth/change use the earliest and latest\n"
    "year with data in the group. Values print with 8 significant digits (JSON and CSV: all).\n"
    "JSON: variable, function, by, 'rows' (entity, year, value, n, ...: the table's columns)\n"
    "and a summary over the groups (n, mean, median, min, max, sum, n_pos, n_neg), and\n"
    "'value' when there is exactly one group; CSV: the rows. --fn slope --vs E fits OLS of\n"
    "each entity's values on E's values of the same year (slope, SE, p-value, t-based 95%\n"
    "CI, r, r2). Example:\n"
    "  cpr-stats stat --data datasets/aggregates.csv --countries LCN --at 2002,2014 pov_830",
    stat_opts, run_stat};
