/* cpr-stats table M1.json M2.json ...: saved models side by side. */
#include "cli.h"
#include "cpr/result_json.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>

static int run_table(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    if (a.npos == 0) {
        rc = cli_usage_error(cmd, "give the saved models: 'cpr-stats table M1.json M2.json' "
                                  "(save them with 'regress ... --format json > M1.json')");
        cli_args_free(&a);
        return rc;
    }
    cpr_result **m = cpr_calloc((size_t)a.npos, sizeof *m);
    for (int i = 0; i < a.npos && !rc; i++) rc = cpr_result_read_json(a.pos[i], &m[i]);
    if (!rc) rc = cli_table_write(&a, (const cpr_result *const *)m, (size_t)a.npos, 1);
    for (int i = 0; i < a.npos; i++) cpr_result_free(m[i]);
    free(m);
    cli_args_free(&a);
    return rc;
}

static const cli_opt table_opts[] = {
    CLI_TABLE_OPTS,
    {"format", 0, "FMT", "text, or from -o FILE's extension", "text|md|csv|json|latex|html|docx"},
    {0}};

const cli_command cli_cmd_table = {
    "table", "several saved models side by side, one column each", "[OPTIONS] M1.json M2.json ...",
    "Takes models saved with 'regress|threshold|gmm ... --format json > M.json' and prints one table:\n"
    "columns (1), (2), ... (with --titles), each estimate with stars and its standard error beneath\n"
    "(--below t|p|ci for the others), the wild cluster bootstrap p in braces where it was computed;\n"
    "rows labelled from the variable catalogue; then observations, entities, R-squared (within for\n"
    "fixed effects), the fixed effects, the estimator, the standard errors and clusters, and notes with\n"
    "the star levels (* p<0.1, ** p<0.05, *** p<0.01). LaTeX needs \\usepackage{booktabs}. Word (.docx)\n"
    "is converted from HTML by pandoc (exit 19 when pandoc is missing or fails).",
    table_opts, run_table};
