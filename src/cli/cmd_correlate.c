/* cpr-stats correlate X Y: Pearson, Spearman and Kendall with tests and
 * confidence intervals, on the rows where both variables are present. */
#include "cli.h"
#include "cpr/correlate.h"
#include "cpr/report.h"
#include "cpr/status.h"

#include <math.h>
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
    cpr_format fmt = CPR_FMT_TEXT;
    rc = cli_get_format(&a, &fmt);
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
    /* panel data: country-years are not independent; test r by entity too */
    double bd = 9999;
    if (!rc && cli_get_double(&a, "bootstrap", 9999, &bd)) rc = CPR_E_USAGE;
    if (!rc && !(bd >= 0 && bd == floor(bd))) rc = cli_usage_error(cmd, "--bootstrap must be a whole number >= 0");
    if (!rc && f->entity && !cli_has(&a, "iid-only"))
        rc = cpr_correlate_cluster(x, y, f->entity, f->nrow, (size_t)bd, 42, &c);
    if (!rc) rc = cpr_report_correlation(stdout, &c, fmt);
    cpr_correlation_clear(&c);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt correlate_opts[] = {
    {"level", 0, "P", "0.95", "confidence level of the intervals"},
    CLI_FORMAT_OPT,
    {"bootstrap", 0, "B", "9999", "panel data: wild cluster bootstrap draws for Pearson's p by entity (fewer than 50 entities)"},
    {"iid-only", 0, NULL, NULL, "panel data: skip the cluster-robust p (rows treated as independent)"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_correlate = {
    "correlate", "Pearson, Spearman and Kendall correlation of two variables", "[OPTIONS] X Y",
    "Rows where either variable is missing are dropped (the count is printed). p-values and\n"
    "intervals follow R's cor.test(exact = FALSE): t tests for Pearson and Spearman, a normal\n"
    "approximation for Kendall's tau-b; Fisher-z intervals. These treat every row as\n"
    "independent. On panel data (several years per entity) Pearson's r is also tested with\n"
    "the entities as clusters, by default: the slope of Y on X with CR1 errors by entity,\n"
    "t(G-1), and the restricted wild cluster bootstrap p when there are fewer than 50\n"
    "entities (Rademacher, seed 42; all 2^G sign vectors when 2^G <= B).",
    correlate_opts, run_correlate};
