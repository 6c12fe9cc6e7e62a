/* Option parsing over getopt_long, driven by each command's option table. */
#include "cli.h"
#include "cli_clobber.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static size_t count_opts(const cli_opt *o)
{
    size_t n = 0;
    while (o && o[n].name) n++;
    return n;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "cpr-stats%s%s: ", cmd ? " " : "", cmd ? cmd->name : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'cpr-stats%s%s --help' for more information.\n", cmd ? " " : "", cmd ? cmd->name : "");
    return CPR_E_USAGE;
}

void cli_print_help(const cli_command *cmd, FILE *out)
{
    fprintf(out, "Usage: cpr-stats %s %s\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->description) fprintf(out, "\n%s\n", cmd->description);
    fputs("\nOptions:\n", out);
    size_t n = count_opts(cmd->opts);
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = &cmd->opts[i];
        char head[64];
        if (o->short_name)
            snprintf(head, sizeof head, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(head, sizeof head, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-26s %s", head, o->help);
        if (o->def) fprintf(out, " [default: %s]", o->def);
        fputc('\n', out);
    }
    fprintf(out, "  %-26s %s\n", "-h, --help", "show this help and exit");
    fputs("\nExit status: 0 on success; see 'cpr-stats --help' for the list of codes.\n", out);
}

static void args_push(cli_args *a, const char *name, const char *value)
{
    a->names = cpr_realloc(a->names, (a->n + 1) * sizeof *a->names);
    a->values = cpr_realloc(a->values, (a->n + 1) * sizeof *a->values);
    a->names[a->n] = name;
    a->values[a->n] = value;
    a->n++;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *a)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    size_t n = count_opts(cmd->opts);
    struct option *lo = cpr_calloc(n + 2, sizeof *lo);
    /* '-': positionals come back in order as code 1, so options may follow
     * them; ':': a missing argument is told apart from an unknown option. */
    char shorts[128] = "-:h";
    size_t sl = 3;
    for (size_t i = 0; i < n; i++) {
        lo[i].name = cmd->opts[i].name;
        lo[i].has_arg = cmd->opts[i].arg ? required_argument : no_argument;
        lo[i].val = 256 + (int)i;
        if (cmd->opts[i].short_name && sl + 3 < sizeof shorts) {
            shorts[sl++] = (char)cmd->opts[i].short_name;
            if (cmd->opts[i].arg) shorts[sl++] = ':';
        }
    }
    shorts[sl] = '\0';
    lo[n].name = "help";
    lo[n].val = 'h';
    opterr = 0;
    optind = 0;
    int rc = 0, c;
    a->pos = cpr_calloc((size_t)argc + 1, sizeof *a->pos);
    while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
        if (c == 1) { a->pos[a->npos++] = optarg; continue; }
        if (c == 'h') { cli_print_help(cmd, stdout); rc = -1; break; }
        if (c == ':') {
            if (optopt >= 256) rc = cli_usage_error(cmd, "option '--%s' requires an argument", cmd->opts[optopt - 256].name);
            else rc = cli_usage_error(cmd, "option '-%c' requires an argument", optopt);
            break;
        }
        if (c == '?') {
            if (optopt > 0 && optopt < 256) rc = cli_usage_error(cmd, "invalid option -- '%c'", optopt);
            else rc = cli_usage_error(cmd, "unrecognized option '%s'", argv[optind - 1]);
            break;
        }
        if (c >= 256) { args_push(a, cmd->opts[c - 256].name, optarg); continue; }
        for (size_t i = 0; i < n; i++)
            if (cmd->opts[i].short_name == c) { args_push(a, cmd->opts[i].name, optarg); break; }
    }
    free(lo);
    /* before any command writes anything */
    if (!rc) rc = cli_clobber_check(a);
    if (rc) cli_args_free(a);
    return rc;
}

void cli_args_free(cli_args *a)
{
    free(a->names);
    free(a->values);
    free(a->pos);
    memset(a, 0, sizeof *a);
}

const char *cli_get(const cli_args *a, const char *name)
{
    for (size_t i = a->n; i-- > 0;)
        if (strcmp(a->names[i], name) == 0) return a->values[i] ? a->values[i] : "";
    return NULL;
}

int cli_has(const cli_args *a, const char *name) { return cli_get(a, name) != NULL; }

size_t cli_get_all(const cli_args *a, const char *name, const char **out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->names[i], name) == 0 && k < max) out[k++] = a->values[i];
    return k;
}

int cli_get_long(const cli_args *a, const char *name, long def, long lo, long hi, long *out)
{
    const char *s = cli_get(a, name);
    *out = def;
    if (!s) return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno || v < lo || v > hi)
        return cli_usage_error(a->cmd, "--%s needs a whole number from %ld to %ld, not '%s'", name, lo, hi, s);
    *out = v;
    return 0;
}

int cli_gnuplot_timeout(const cli_args *a)
{
    const char *s = cli_get(a, "gnuplot-timeout");
    double v;
    if (!s) return 0;
    if (cpr_parse_double(s, strlen(s), &v) != 1 || !(v > 0) || v > 86400)
        return cli_usage_error(a->cmd, "--gnuplot-timeout needs seconds between 0 and 86400, not '%s'", s);
    /* through the environment, so `reproduce`'s children inherit it */
    return setenv("CPR_GNUPLOT_TIMEOUT", s, 1) == 0 ? 0 : cli_usage_error(a->cmd, "cannot set CPR_GNUPLOT_TIMEOUT");
}

int cli_get_format(const cli_args *a, cpr_format *out)
{
    const char *s = cli_get(a, "format");
    int f = cpr_format_parse(s ? s : "text");
    if (f < 0) return cli_usage_error(a->cmd, "--format must be text|md|csv|json|latex|html, not '%s'", s);
    *out = (cpr_format)f;
    return 0;
}

int cli_get_double(const cli_args *a, const char *name, double def, double *out)
{
    const char *s = cli_get(a, name);
    *out = def;
    if (!s) return 0;
    if (cpr_parse_double(s, strlen(s), out) != 1)
        return cli_usage_error(a->cmd, "--%s needs a number, not '%s'", name, s);
    return 0;
}
