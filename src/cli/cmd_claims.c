/* What the batch engine (src/claims) needs to know about the command line,
 * shared by `run` and `reproduce`: the command names, which commands print
 * JSON, the binary to spawn and the data folder. */
#include "cmd_claims.h"
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *names[64];

void cmd_claims_syntax(cpr_batch_syntax *s, int manifest)
{
    s->manifest = manifest;
    s->commands = names;
    s->ncommands = cli_registry_names(names, sizeof names / sizeof *names);
}

static int has_json(const char *command)
{
    const cli_command *c = cli_registry_find(command);
    for (const cli_opt *o = c ? c->opts : NULL; o && o->name; o++)
        if (strcmp(o->name, "format") == 0) return 1;
    return 0;
}

void cmd_claims_opts(cpr_run_opts *o)
{
    static char exe[PATH_MAX];
    /* readlink, not the /proc path itself: valgrind reports the client here */
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) exe[n] = '\0';
    else snprintf(exe, sizeof exe, "%s", getenv("CPR_SELF") ? getenv("CPR_SELF") : "/proc/self/exe");
    memset(o, 0, sizeof *o);
    o->exe = exe;
    o->datadir = cli_datadir();
    o->has_json = has_json;
}
