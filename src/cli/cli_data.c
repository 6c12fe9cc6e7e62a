/* Where the bundled data live and how commands load --data files. */
#include "cli.h"
#include "cpr/catalogue.h"
#include "cpr/formula.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the bundled data are, first match wins (no path of the build machine
 * is compiled in, so a clone can move and an install is relocatable):
 *   1. $CPR_DATA_DIR (or the older spelling $CPR_DATADIR), taken as given;
 *   2. the datasets/ of the source tree this binary was built in, when it runs
 *      from there: CPR_SRCROOT_REL is the way up from the build directory
 *      (build/cpr-stats: "..", build/asan/cpr-stats: "../..");
 *   3. PREFIX/share/cpr-stats, found from PREFIX/bin/cpr-stats.
 * --data FILE replaces the bundled panel itself (cli_load_data). */
static char data_dir[PATH_MAX];
static char searched[3 * PATH_MAX + 256];
static int looked_up;

static int is_file(const char *dir, const char *name)
{
    char p[PATH_MAX];
    struct stat st;
    return (size_t)snprintf(p, sizeof p, "%s/%s", dir, name) < sizeof p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A candidate holds the data when it has the catalogue; keep its real path.
 * Every candidate is listed for the error message, eligible or not. */
static int try_dir(const char *dir, int eligible)
{
    size_t k = strlen(searched);
    snprintf(searched + k, sizeof searched - k, "%s%s", k ? ", " : "", dir);
    if (!eligible || !is_file(dir, "catalogue.csv")) return 0;
    char *r = realpath(dir, NULL);
    snprintf(data_dir, sizeof data_dir, "%s", r ? r : dir);
    free(r);
    return 1;
}

static void data_dir_find(void)
{
    looked_up = 1;
    const char *env = getenv("CPR_DATA_DIR");
    if (!env || !*env) env = getenv("CPR_DATADIR");
    if (env && *env) { snprintf(data_dir, sizeof data_dir, "%s", env); return; }
    snprintf(searched, sizeof searched, "%s", "CPR_DATA_DIR (not set)");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return;
    *slash = '\0';   /* exe is now the binary's directory */
    char cand[PATH_MAX + 32];
#ifdef CPR_SRCROOT_REL
    /* a source tree has its Makefile beside datasets/ */
    snprintf(cand, sizeof cand, "%s/%s", exe, CPR_SRCROOT_REL);
    int tree = is_file(cand, "Makefile") && is_file(cand, "scripts/build_datasets.sh");
    snprintf(cand, sizeof cand, "%s/%s/datasets", exe, CPR_SRCROOT_REL);
    if (try_dir(cand, tree)) return;
#endif
    snprintf(cand, sizeof cand, "%s/../share/cpr-stats", exe);
    try_dir(cand, 1);
}

const char *cli_datadir(void)
{
    if (!looked_up) data_dir_find();
    return *data_dir ? data_dir : NULL;
}

const char *cli_datadir_searched(void)
{
    cli_datadir();
    return searched;
}

char *cli_datafile(const char *name)
{
    const char *d = cli_datadir();
    if (d) return cpr_asprintf("%s/%s", d, name);
    cpr_fail(CPR_E_OPEN, "bundled data file %s not found; searched: %s. Set CPR_DATA_DIR to the folder that holds "
                         "the cpr-stats datasets, or name your own file (--data, vars --catalogue, reproduce --manifest)",
             name, searched);
    return NULL;
}

static cpr_catalogue *catalogue_optional(int (*load)(const char *, cpr_catalogue **))
{
    cpr_catalogue *cat = NULL;
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    char *path = cli_datafile("catalogue.csv");
    if (!path || load(path, &cat) != CPR_OK) cat = NULL;
    free(path);
    cpr_error_scope_end(&es);
    return cat;
}

cpr_catalogue *cli_catalogue_optional(void) { return catalogue_optional(cpr_catalogue_load); }

cpr_catalogue *cli_catalogue_labels(void) { return catalogue_optional(cpr_catalogue_load_labels); }

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

void cli_names_add(cli_names *l, const char *name)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = cpr_realloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = cpr_strdup(name);
}

void cli_names_add_list(cli_names *l, const char *list)
{
    if (!list) return;
    char *copy = cpr_strdup(list);
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) cli_names_add(l, tok);
    free(copy);
}

void cli_names_add_formula(cli_names *l, const cpr_formula *fm)
{
    const char **v;
    size_t n = cpr_formula_columns(fm, &v);
    for (size_t i = 0; i < n; i++) cli_names_add(l, v[i]);
    free(v);
}

void cli_names_free(cli_names *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

int cli_load_data(const cli_args *a, int require_panel, cpr_frame **out)
{
    return cli_load_data_want(a, require_panel, NULL, out);
}

int cli_load_data_want(const cli_args *a, int require_panel, const cli_names *want, cpr_frame **out)
{
    cpr_load_opts o = {0};
    cpr_progress_set_quiet(cli_has(a, "quiet"));
    const char *th = cli_get(a, "threads");
    if (th) {
        int n = cpr_threads_parse(th);
        if (n < 1) return cli_usage_error(a->cmd, "--threads needs a whole number from 1 to %d, not '%s'", CPR_THREADS_MAX, th);
        cpr_threads_set(n);
    }
    if (parse_sep(a, &o.sep) || parse_decimal(a, &o.decimal)) return CPR_E_USAGE;
    o.entity = cli_get(a, "entity");
    o.time = cli_get(a, "time");
    o.require_panel = require_panel;
    const char *paths[64];
    size_t n = cli_get_all(a, "data", paths, 64);
    if (n == 64) return cli_usage_error(a->cmd, "at most 63 --data files");
    /* the command's columns and those --zero-missing names (cli_apply_sample) */
    cli_names cols = {0};
    if (want && !want->all) {
        for (size_t i = 0; i < want->n; i++) cli_names_add(&cols, want->v[i]);
        cli_names_add_list(&cols, cli_get(a, "zero-missing"));
        o.want = (const char *const *)cols.v;
        o.nwant = cols.n;
    }
    cpr_load_notes notes = {0};
    o.notes = &notes;
    int rc;
    if (n > 0) rc = cpr_frame_read_many(paths, n, &o, out);
    else {
        char *def = cli_datafile("lac_panel.csv");
        rc = def ? cpr_frame_load(def, &o, out) : cpr_last_code();
        free(def);
    }
    for (size_t i = 0; i < notes.n; i++) fprintf(stderr, "%s\n", notes.lines[i]);
    cpr_load_notes_clear(&notes);
    cli_names_free(&cols);
    return rc;
}
