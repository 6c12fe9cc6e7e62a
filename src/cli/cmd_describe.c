/* cpr-stats describe: what is in the data, per variable, before any model. */
#include "cli.h"
#include "cpr/describe_doc.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_describe(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    cpr_format fmt = CPR_FMT_TEXT;
    if (a.npos > 0) rc = cli_usage_error(cmd, "unexpected argument '%s'", a.pos[0]);
    else rc = cli_get_format(&a, &fmt);
    if (rc) { cli_args_free(&a); return rc; }
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
        cpr_doc *d = cpr_describe_doc(f, (const char *const *)vars, nvars);
        rc = cpr_doc_render(stdout, d, fmt);
        cpr_doc_free(d);
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
    CLI_FORMAT_OPT,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_describe = {
    "describe", "describe the panel: entities, periods, balance and coverage per variable", "[OPTIONS]",
    "Without --data, describes the bundled LAC panel (datasets/lac_panel.csv).\n"
    "Per variable: non-missing count, first and last year with data, min, mean, max\n"
    "(a text variable: its count only). --format json: data, layout, n_rows and, for a\n"
    "panel, entity, n_entities, time, n_periods, first_period, last_period, balance,\n"
    "min/max_periods_per_entity; 'variables' (variable, type, n, first, last, min, mean,\n"
    "max; null where nothing applies) and 'labels' (name: label from the file). --format\n"
    "csv: the variables table.",
    describe_opts, run_describe};
