/* cpr-stats run FILE: a batch of cpr-stats commands with assertions, for CI.
 * Each command runs as a child (the same binary, --format json appended);
 * failed assertions are listed after everything ran and give exit 1. */
#include "cli.h"
#include "cli_clobber.h"
#include "cmd_claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_run(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    if (a.npos != 1) {
        rc = cli_usage_error(cmd, "needs one batch FILE");
        cli_args_free(&a);
        return rc;
    }
    if ((rc = cpr_run_depth_enter())) { cli_args_free(&a); return rc; }
    cpr_batch_syntax syn;
    cmd_claims_syntax(&syn, 0);
    cpr_batch *b = NULL;
    rc = cpr_batch_read(a.pos[0], &syn, &b);
    /* the commands it runs must not write over the batch file */
    if (!rc) rc = cli_clobber_protect(a.pos[0]);
    cpr_run_opts o;
    cmd_claims_opts(&o);
    o.verbose = cli_has(&a, "verbose");
    cpr_run_result r = {0};
    if (!rc) rc = cpr_batch_run(b, &o, &r);
    if (!rc) {
        size_t nassert = 0, ncmd = 0;
        for (size_t i = 0; i < b->n; i++) {
            nassert += b->lines[i].kind == CPR_L_ASSERT;
            ncmd += b->lines[i].kind == CPR_L_CMD || b->lines[i].kind == CPR_L_TRY;
        }
        for (size_t i = 0; i < r.nfail; i++) fprintf(stderr, "%s\n", r.failures[i]);
        printf("%s: %zu commands, %zu assertions, %zu failed\n", strcmp(a.pos[0], "-") ? a.pos[0] : "<stdin>",
               ncmd, nassert, r.nfail);
        if (r.nfail) rc = CPR_E_ASSERT;
    }
    cpr_run_result_clear(&r);
    cpr_batch_free(b);
    cli_args_free(&a);
    return rc;
}

static const cli_opt run_opts[] = {
    {"verbose", 'v', NULL, NULL, "print each command on stderr before it runs"},
    {0}};

const cli_command cli_cmd_run = {
    "run", "run a batch file of cpr-stats commands with assertions (for CI)", "[OPTIONS] FILE|-",
    "FILE ('-' = standard input) holds one cpr-stats command per line (without 'cpr-stats'), '#' comments, and\n"
    "  assert EXPR        e.g. assert coef(aid).estimate < 0, assert nobs >= 100,\n"
    "                     assert stats.r2_within ~= 0.4 tol 10%\n"
    "  let NAME = EXPR    keep a number as $NAME for later lines\n"
    "  try COMMAND        a command allowed to fail (sets 'failed')\n"
    "Assertions read the JSON of the last command. Exit 1 when an assertion fails (all are\n"
    "listed), 17 for a malformed FILE or an assertion on a path not in the result (a typo: the\n"
    "message gives the closest path; missing(PATH) tests for absence), or the exit code of a\n"
    "command that failed; 20 when\n"
    "run/reproduce nest more than 4 deep (a FILE that runs itself).",
    run_opts, run_run};
