/* cpr-stats vars: the variable catalogue of the bundled data. */
#include "cli.h"
#include "cpr/catalogue.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int matches(const cpr_var_info *v, char **pats, int npat)
{
    for (int i = 0; i < npat; i++)
        if (strstr(v->name, pats[i]) || strstr(v->label, pats[i]) || strstr(v->source_code, pats[i])) return 1;
    return npat == 0;
}

static void print_long(const cpr_var_info *v)
{
    printf("%s\n  label:     %s\n  unit:      %s\n  source:    %s\n  code:      %s\n  licence:   %s\n  transform: %s\n  file:      %s\n",
           v->name, v->label, v->unit, v->source, v->source_code, v->licence, v->transform, v->file);
}

static int run_vars(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    const char *path = cli_get(&a, "catalogue");
    char *def = path ? NULL : cli_datafile("catalogue.csv");
    cpr_catalogue *c = NULL;
    rc = path || def ? cpr_catalogue_load(path ? path : def, &c) : cpr_last_code();
    if (!rc) {
        size_t w = 8, shown = 0;
        for (size_t i = 0; i < c->n; i++)
            if (matches(&c->vars[i], a.pos, a.npos) && strlen(c->vars[i].name) > w) w = strlen(c->vars[i].name);
        int verbose = cli_has(&a, "long");
        if (!verbose) printf("%-*s  %-16s  %-30s  %s\n", (int)w, "name", "unit", "source", "label");
        for (size_t i = 0; i < c->n; i++) {
            const cpr_var_info *v = &c->vars[i];
            if (!matches(v, a.pos, a.npos)) continue;
            shown++;
            if (verbose) print_long(v);
            else printf("%-*s  %-16s  %-30s  %s\n", (int)w, v->name, v->unit, v->source, v->label);
        }
        if (shown == 0 && a.npos > 0) rc = cpr_fail(CPR_E_NOVAR, "no catalogued variable matches '%s'", a.pos[0]);
    }
    cpr_catalogue_free(c);
    free(def);
    cli_args_free(&a);
    return rc;
}

static const cli_opt vars_opts[] = {
    {"catalogue", 0, "FILE", "datasets/catalogue.csv", "catalogue to print"},
    {"long", 'l', NULL, NULL, "print every field (source code, licence, transform) for each variable"},
    {0}};

const cli_command cli_cmd_vars = {
    "vars", "list the variables of the bundled data: name, unit, source, label", "[OPTIONS] [PATTERN...]",
    "PATTERNs select variables whose name, label or source code contains them.",
    vars_opts, run_vars};
