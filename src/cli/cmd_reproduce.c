/* cpr-stats reproduce: run the claims manifest, decide every verdict from
 * the data, print the verdict table; --out DIR writes the full report. */
#include "cli.h"
#include "cli_clobber.h"
#include "cmd_claims.h"
#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
    }
    return cpr_fail(CPR_E_WRITE, "%s: cannot create directory: %s", path, strerror(errno ? errno : ENOTDIR));
}

/* Verdicts are findings (exit 0); --check turns a verdict that differs from
 * the manifest's `expect` line into exit 1, for CI. */
static int check_expect(const cpr_run_result *r)
{
    int bad = 0;
    for (size_t i = 0; i < r->nclaims; i++) {
        const cpr_claim *c = &r->claims[i];
        if (!c->expect || c->expect == c->verdict) continue;
        fprintf(stderr, "cpr-stats: %s: verdict %s, expected %s\n", c->id, cpr_verdict_name(c->verdict),
                cpr_verdict_name(c->expect));
        bad = 1;
    }
    return bad ? CPR_E_ASSERT : 0;
}

static int run_reproduce(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    if (a.npos) {
        rc = cli_usage_error(cmd, "unexpected argument '%s'", a.pos[0]);
        cli_args_free(&a);
        return rc;
    }
    if ((rc = cli_gnuplot_timeout(&a)) || (rc = cpr_run_depth_enter())) { cli_args_free(&a); return rc; }
    const char *out = cli_get(&a, "out");
    char *def = cli_get(&a, "manifest") ? NULL : cli_datafile("claims.manifest");
    const char *path = cli_get(&a, "manifest") ? cli_get(&a, "manifest") : def;
    if (!path) rc = cpr_last_code();
    char *figdir = out ? cpr_asprintf("%s/figures", out) : NULL;
    if (!rc && out && !(rc = make_dir(out))) rc = make_dir(figdir);
    cpr_batch_syntax syn;
    cmd_claims_syntax(&syn, 1);
    cpr_batch *b = NULL;
    if (!rc) rc = cpr_batch_read(path, &syn, &b);
    if (!rc) rc = cli_clobber_protect(path);
    cpr_run_opts o;
    cmd_claims_opts(&o);
    o.figdir = figdir;
    o.verbose = cli_has(&a, "verbose");
    cpr_run_result r = {0};
    if (!rc) rc = cpr_batch_run(b, &o, &r);
    if (!rc) {
        cpr_claims_print_table(&r, stdout);
        for (size_t i = 0; i < r.nfail; i++) fprintf(stderr, "%s\n", r.failures[i]);
        /* the papers' bibliography beside the default manifest */
        cpr_error_scope es;   /* no bibliography: said, not an error */
        cpr_error_scope_begin(&es);
        char *rp = cli_datafile("references.csv");
        cpr_references *refs = NULL;
        if (out && rp && cpr_references_load(rp, &refs))
            fprintf(stderr, "cpr-stats: %s; the report cites the papers by their ids\n", cpr_last_error());
        cpr_error_scope_end(&es);
        free(rp);
        if (out && !(rc = cpr_claims_write_report(&r, out, refs)))
            fprintf(stderr, "cpr-stats: report written to %s/report.md, %s/report.html, %s/claims.json (%zu figures)\n",
                    out, out, out, r.nfigs);
        cpr_references_free(refs);
        if (!rc && r.nfail) rc = CPR_E_ASSERT;
        if (!rc && cli_has(&a, "check")) rc = check_expect(&r);
        if (!rc) rc = r.fig_status;
    }
    cpr_run_result_clear(&r);
    cpr_batch_free(b);
    free(figdir);
    free(def);
    cli_args_free(&a);
    return rc;
}

static const cli_opt reproduce_opts[] = {
    {"out", 'o', "DIR", "none (table only)", "write DIR/report.md, DIR/report.html, DIR/claims.json, DIR/figures/*.png|svg and their captions DIR/figures/*.json"},
    {"manifest", 0, "FILE", "datasets/claims.manifest", "claims manifest to run"},
    {"check", 0, NULL, NULL, "exit 1 when a verdict differs from the manifest's 'expect' line"},
    {"verbose", 'v', NULL, NULL, "print each command on stderr before it runs"},
    CLI_GNUPLOT_TIMEOUT_OPT,
    {0}};

const cli_command cli_cmd_reproduce = {
    "reproduce", "test the source papers' claims on the bundled data: verdict table and report", "[OPTIONS]",
    "Runs the claims manifest (one entry per claim ID: paraphrase, source, computation,\n"
    "the parts of the claim with their tolerances). Verdicts are computed from the data on\n"
    "every run. Exit 0 whatever the verdicts; non-zero only when the engine fails (or with\n"
    "--check, when a verdict differs from its 'expect' line). Figures are drawn only with\n"
    "--out (needs gnuplot), with C01's leave-one-country-out refits. The bundled manifest\n"
    "runs its panel regressions with few-cluster inference: CV3 jackknife SEs (--se cr3) and\n"
    "the WCR31 wild cluster bootstrap (--boot-type wcr31), B = 9999 for headline regressions\n"
    "and 999 for each robustness specification.\n\n" CPR_VERDICT_RULES_TEXT,
    reproduce_opts, run_reproduce};
