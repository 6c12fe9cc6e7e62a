/* cpr-stats: entry point. Global options, command dispatch, and the final
 * check that everything written to stdout actually got out. */
#include "cli.h"
#include "commands.h"
#include "cpr/cleanup.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef CPR_VERSION
#define CPR_VERSION "0.1.0"
#endif

static void print_exit_codes(FILE *out)
{
    static const int codes[] = {CPR_OK, CPR_E_ASSERT, CPR_E_USAGE, CPR_E_OPEN, CPR_E_EMPTY, CPR_E_NODATA,
                                CPR_E_RAGGED, CPR_E_BINARY, CPR_E_NONNUMERIC, CPR_E_DUPKEY, CPR_E_NOKEY,
                                CPR_E_NOVAR, CPR_E_FORMULA, CPR_E_NUMERIC, CPR_E_NOCONV, CPR_E_WRITE,
                                CPR_E_GNUPLOT, CPR_E_MANIFEST, CPR_E_NOMEM, CPR_E_PANDOC, CPR_E_LIMIT,
                                CPR_E_CLOBBER, CPR_E_INTERNAL};
    fputs("\nExit status:\n", out);
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        fprintf(out, "  %3d  %s\n", codes[i], cpr_status_name(codes[i]));
}

static void print_main_help(FILE *out)
{
    fputs("Usage: cpr-stats [--help] [--version] COMMAND [OPTIONS] [ARGS]\n"
          "Panel econometrics on Chinese finance, trade and poverty in Latin America and the\n"
          "Caribbean, with bundled cited data, or on your own CSV files.\n\nCommands:\n", out);
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(out, "  %-12s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
    fputs("\nRun 'cpr-stats COMMAND --help' for the options of a command.\n", out);
    if (cli_datadir()) fprintf(out, "Bundled data directory: %s (override with CPR_DATA_DIR)\n", cli_datadir());
    else fprintf(out, "Bundled data directory: not found (searched: %s); set CPR_DATA_DIR\n", cli_datadir_searched());
    print_exit_codes(out);
    fputs("\nReport bugs in the project's issue tracker.\n", out);
}

/* Like gnulib's close_stdout: a full disk or a closed pipe (EPIPE, when
 * SIGPIPE is ignored) must not pass as success; both are exit 15. */
static int finish_stdout(int rc)
{
    /* errno is not reset: after an earlier failed write it still names the
     * reason (ENOSPC, EPIPE) when the final flush has nothing left to write */
    int bad = fflush(stdout) != 0;
    bad |= ferror(stdout) != 0;
    int err = errno;
    if (fclose(stdout) != 0) { bad = 1; if (!err) err = errno; }
    if (bad) {
        fprintf(stderr, "cpr-stats: write error on standard output: %s\n", strerror(err ? err : EIO));
        return rc ? rc : CPR_E_WRITE;
    }
    return rc;
}

int main(int argc, char **argv)
{
    cpr_gsl_guard_install();
    cpr_cleanup_install();
    cli_registry_set(cli_commands, cli_ncommands);
    if (argc < 2) {
        fputs("cpr-stats: missing command\nTry 'cpr-stats --help' for more information.\n", stderr);
        return CPR_E_USAGE;
    }
    const char *c = argv[1];
    if (strcmp(c, "--help") == 0 || strcmp(c, "-h") == 0 || strcmp(c, "help") == 0) {
        if (strcmp(c, "help") == 0 && argc > 2) {
            for (size_t i = 0; i < cli_ncommands; i++)
                if (strcmp(cli_commands[i]->name, argv[2]) == 0) {
                    cli_print_help(cli_commands[i], stdout);
                    return finish_stdout(0);
                }
        }
        print_main_help(stdout);
        return finish_stdout(0);
    }
    if (strcmp(c, "--version") == 0 || strcmp(c, "-V") == 0) {
        printf("cpr-stats %s\nLicence: GPL-3.0-or-later. Bundled data keep their own licences (datasets/SOURCES.md).\n",
               CPR_VERSION);
        return finish_stdout(0);
    }
    if (c[0] == '-') {
        fprintf(stderr, "cpr-stats: unrecognized option '%s'\nTry 'cpr-stats --help' for more information.\n", c);
        return CPR_E_USAGE;
    }
    for (size_t i = 0; i < cli_ncommands; i++) {
        if (strcmp(cli_commands[i]->name, c) != 0) continue;
        cpr_error_clear();
        int rc = cli_commands[i]->run(cli_commands[i], argc - 1, argv + 1);
        if (rc == -1) rc = 0; /* --help */
        if (rc != 0 && cpr_last_code())
            fprintf(stderr, "cpr-stats: %s\n", cpr_last_error());
        return finish_stdout(rc);
    }
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < cli_ncommands && n < 64; i++) names[n++] = cli_commands[i]->name;
    const char *hint = cpr_closest(c, names, n);
    if (hint) fprintf(stderr, "cpr-stats: unknown command '%s'; did you mean '%s'?\n", c, hint);
    else fprintf(stderr, "cpr-stats: unknown command '%s'\n", c);
    fputs("Try 'cpr-stats --help' for more information.\n", stderr);
    return CPR_E_USAGE;
}
