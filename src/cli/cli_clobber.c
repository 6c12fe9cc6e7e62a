/* Outputs never clobber inputs (issue 14): every file a command will write is
 * compared with every file it reads and with the other outputs before
 * anything is written. Which option reads and which writes is listed here, in
 * one place, by option name. */
#include "cli_clobber.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const input_opts[] = {"data", "manifest", "catalogue"};
static const char *const output_opts[] = {"output", "script", "resid-plot", "resid-script", "lr-plot"};
/* reproduce --out DIR writes these inside DIR (figures go to DIR/figures/) */
static const char *const out_dir_files[] = {"report.md", "report.html", "claims.json"};

typedef struct {
    char *label;    /* "--script m.csv" */
    char *path;
    int output;
    int has_id;     /* the file exists: compared by device and inode */
    dev_t dev;
    ino_t ino;
    char *norm;     /* else: normalised absolute path */
} entry;

typedef struct {
    entry *e;
    size_t n;
} entries;

static int in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0) return 1;
    return 0;
}

/* Absolute path with "." and ".." and repeated slashes removed, textually. */
static char *lexical_abs(const char *p)
{
    char cwd[PATH_MAX];
    char *full = p[0] == '/' ? cpr_strdup(p) : cpr_asprintf("%s/%s", getcwd(cwd, sizeof cwd) ? cwd : ".", p);
    char *out = cpr_malloc(strlen(full) + 2);
    size_t o = 0;
    for (char *s = full; *s;) {
        while (*s == '/') s++;
        char *e = s;
        while (*e && *e != '/') e++;
        size_t len = (size_t)(e - s);
        if (len == 0 || (len == 1 && s[0] == '.')) { /* skip */
        } else if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (o > 0 && out[o - 1] != '/') o--;
            if (o > 0) o--;
        } else {
            out[o++] = '/';
            memcpy(out + o, s, len);
            o += len;
        }
        s = e;
    }
    if (o == 0) out[o++] = '/';
    out[o] = '\0';
    free(full);
    return out;
}

/* A file that does not exist yet: its directory resolved (symlinks), then
 * its name; lexical when the directory does not exist either. */
static char *normalise(const char *p)
{
    char *abs = lexical_abs(p);
    char *slash = strrchr(abs, '/');
    char dir[PATH_MAX];
    char *out = NULL;
    if (slash && slash != abs) {
        *slash = '\0';
        if (realpath(abs, dir)) out = cpr_asprintf("%s/%s", strcmp(dir, "/") ? dir : "", slash + 1);
        *slash = '/';
    }
    if (!out) out = cpr_strdup(abs);
    free(abs);
    return out;
}

static void add(entries *es, const char *what, const char *path, int output)
{
    /* "-" is standard input or output, never a file of ours */
    if (!path || !*path || strcmp(path, "-") == 0) return;
    struct stat st;
    entry e = {0};
    if (stat(path, &st) == 0) {
        /* devices, pipes and sockets (/dev/null, /dev/stdout to a terminal)
         * are not overwritten by a rename */
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return;
        e.has_id = 1;
        e.dev = st.st_dev;
        e.ino = st.st_ino;
    } else {
        e.norm = normalise(path);
    }
    e.label = cpr_asprintf("%s %s", what, path);
    e.path = cpr_strdup(path);
    e.output = output;
    es->e = cpr_realloc(es->e, (es->n + 1) * sizeof *es->e);
    es->e[es->n++] = e;
}

static int same(const entry *x, const entry *y)
{
    if (x->has_id != y->has_id) return 0;
    if (x->has_id) return x->dev == y->dev && x->ino == y->ino;
    return strcmp(x->norm, y->norm) == 0;
}

static void collect_options(const cli_args *a, entries *es)
{
    for (size_t i = 0; i < a->n; i++) {
        const char *name = a->names[i], *v = a->values[i];
        /* an output option given twice: only its last value is written */
        int later = 0;
        for (size_t k = i + 1; k < a->n && !later; k++) later = strcmp(a->names[k], name) == 0;
        if (later && !in_list(name, input_opts, sizeof input_opts / sizeof *input_opts)) continue;
        char *what = cpr_asprintf("--%s", name);
        if (in_list(name, input_opts, sizeof input_opts / sizeof *input_opts)) add(es, what, v, 0);
        else if (in_list(name, output_opts, sizeof output_opts / sizeof *output_opts)) add(es, what, v, 1);
        else if (strcmp(name, "out") == 0 && v)
            for (size_t k = 0; k < sizeof out_dir_files / sizeof *out_dir_files; k++) {
                char *p = cpr_asprintf("%s/%s", v, out_dir_files[k]);
                add(es, "--out (the report)", p, 1);
                free(p);
            }
        free(what);
    }
}

/* Positional arguments that are files read: the batch FILE of run, the
 * saved models of table and of plot coef. */
static void collect_positionals(const cli_args *a, entries *es)
{
    const char *cmd = a->cmd->name;
    int from = -1;
    if (strcmp(cmd, "run") == 0 || strcmp(cmd, "table") == 0) from = 0;
    else if (strcmp(cmd, "plot") == 0 && a->npos > 0 && strcmp(a->pos[0], "coef") == 0) from = 1;
    if (from < 0) return;
    for (int i = from; i < a->npos; i++) add(es, strcmp(cmd, "run") == 0 ? "batch file" : "model file",
                                             a->pos[i], 0);
}

/* Files of the run/reproduce this command was started by. */
static void collect_protected(entries *es)
{
    const char *env = getenv(CLI_PROTECT_ENV);
    if (!env || !*env) return;
    char *copy = cpr_strdup(env), *save = NULL;
    for (char *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
        add(es, "batch file or manifest being run", t, 0);
    free(copy);
}

int cli_clobber_check(const cli_args *a)
{
    entries es = {0};
    collect_options(a, &es);
    collect_positionals(a, &es);
    collect_protected(&es);
    int rc = 0;
    for (size_t i = 0; i < es.n && !rc; i++) {
        if (!es.e[i].output) continue;
        for (size_t j = 0; j < es.n && !rc; j++) {
            if (j == i || !same(&es.e[i], &es.e[j])) continue;
            if (!es.e[j].output)
                rc = cpr_fail(CPR_E_CLOBBER, "%s: %s would overwrite the input %s; choose another output "
                              "(nothing was written)", a->cmd->name, es.e[i].label, es.e[j].label);
            else if (j > i)
                rc = cpr_fail(CPR_E_CLOBBER, "%s: %s and %s name one file, so one output would overwrite the "
                              "other; choose different outputs (nothing was written)", a->cmd->name, es.e[i].label,
                              es.e[j].label);
        }
    }
    for (size_t i = 0; i < es.n; i++) { free(es.e[i].label); free(es.e[i].path); free(es.e[i].norm); }
    free(es.e);
    return rc;
}

int cli_clobber_protect(const char *path)
{
    if (!path || strcmp(path, "-") == 0) return 0;
    char buf[PATH_MAX];
    char *abs = realpath(path, buf) ? cpr_strdup(buf) : normalise(path);
    const char *old = getenv(CLI_PROTECT_ENV);
    char *v = old && *old ? cpr_asprintf("%s\n%s", old, abs) : cpr_strdup(abs);
    int rc = setenv(CLI_PROTECT_ENV, v, 1) == 0 ? 0 : cpr_fail(CPR_E_NOMEM, "cannot set %s", CLI_PROTECT_ENV);
    free(v);
    free(abs);
    return rc;
}
