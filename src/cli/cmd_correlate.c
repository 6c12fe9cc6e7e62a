/* cpr-stats correlate X Y: Pearson, Spearman and Kendall with tests and
 * confidence intervals, on the rows where both variables are present. */
#include "cli.h"
#include "cpr/correlate.h"
#include "cpr/report.h"
#include "cpr/status.h"

#include <stdio.h>

static int run_correlate(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    if (a.npos != 2) {
        rc = cli_usage_error(cmd, a.npos < 2 ? "needs two variables: X Y" : "needs exactly two variables, got %d", a.npos);
        cli_args_free(&a);
        return rc;
    }
    double level;
    int fmt = cpr_format_parse(cli_get(&a, "format") ? cli_get(&a, "format") : "text");
    if (fmt < 0) rc = cli_usage_error(cmd, "--format must be text|md|csv|json|latex, not '%s'", cli_get(&a, "format"));
    if (!rc && cli_get_double(&a, "level", 0.95, &level)) rc = CPR_E_USAGE;
    if (!rc && !(level > 0.5 && level < 1)) rc = cli_usage_error(cmd, "--level must lie between 0.5 and 1");
    cpr_frame *f = NULL;
    if (!rc) rc = cli_load_data(&a, 0, &f);
    if (!rc) rc = cli_apply_sample(&a, f);
    const double *x = NULL, *y = NULL;
    if (!rc) rc = cpr_frame_numeric(f, a.pos[0], &x);
    if (!rc) rc = cpr_frame_numeric(f, a.pos[1], &y);
    cpr_correlation c = {0};
    if (!rc) rc = cpr_correlate(x, y, f->nrow, a.pos[0], a.pos[1], level, &c);
    if (!rc) rc = cpr_report_correlation(stdout, &c, (cpr_format)fmt);
    cpr_correlation_clear(&c);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt correlate_opts[] = {
    {"level", 0, "P", "0.95", "confidence level of the intervals"},
    {"format", 0, "FMT", "text", "output format: text|md|csv|json|latex"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_correlate = {
    "correlate", "Pearson, Spearman and Kendall correlation of two variables", "[OPTIONS] X Y",
    "Rows where either variable is missing are dropped (the count is printed). p-values and\n"
    "intervals follow R's cor.test(exact = FALSE): t tests for Pearson and Spearman, a normal\n"
    "approximation for Kendall's tau-b; Fisher-z intervals.",
    correlate_opts, run_correlate};
