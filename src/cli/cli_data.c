/* Where the bundled data live and how commands load --data files. */
#include "cli.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

#ifndef CPR_DATADIR_DEFAULT
#define CPR_DATADIR_DEFAULT "datasets"
#endif

const char *cli_datadir(void)
{
    const char *d = getenv("CPR_DATADIR");
    return d && *d ? d : CPR_DATADIR_DEFAULT;
}

char *cli_datafile(const char *name) { return cpr_asprintf("%s/%s", cli_datadir(), name); }

static int parse_sep(const cli_args *a, char *sep)
{
    const char *s = cli_get(a, "sep");
    *sep = 0;
    if (!s) return 0;
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0) *sep = '\t';
    else if (strlen(s) == 1 && strchr(",;|", s[0])) *sep = s[0];
    else return cli_usage_error(a->cmd, "--sep must be ',', ';', '|' or 'tab', not '%s'", s);
    return 0;
}

static int parse_decimal(const cli_args *a, char *dec)
{
    const char *s = cli_get(a, "decimal");
    *dec = 0;
    if (!s) return 0;
    if (strcmp(s, ".") == 0 || strcmp(s, ",") == 0) *dec = s[0];
    else return cli_usage_error(a->cmd, "--decimal must be '.' or ',', not '%s'", s);
    return 0;
}

int cli_load_data(const cli_args *a, int require_panel, cpr_frame **out)
{
    cpr_load_opts o = {0};
    if (parse_sep(a, &o.sep) || parse_decimal(a, &o.decimal)) return CPR_E_USAGE;
    o.entity = cli_get(a, "entity");
    o.time = cli_get(a, "time");
    o.require_panel = require_panel;
    const char *paths[64];
    size_t n = cli_get_all(a, "data", paths, 64);
    if (n == 64) return cli_usage_error(a->cmd, "at most 63 --data files");
    if (n > 0) return cpr_frame_read_many(paths, n, &o, out);
    char *def = cli_datafile("lac_panel.csv");
    int rc = cpr_frame_load(def, &o, out);
    free(def);
    return rc;
}
