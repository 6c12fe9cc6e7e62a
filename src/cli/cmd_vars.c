/* cpr-stats vars: the variable catalogue of the bundled data, selected by
 * pattern here and printed through the report backends (cpr_vars_doc). */
#include "cli.h"
#include "cpr/catalogue.h"
#include "cpr/report.h"
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

static int run_vars(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    cpr_format fmt = CPR_FMT_TEXT;
    if ((rc = cli_get_format(&a, &fmt))) { cli_args_free(&a); return rc; }
    const char *path = cli_get(&a, "catalogue");
    char *def = path ? NULL : cli_datafile("catalogue.csv");
    cpr_catalogue *c = NULL;
    rc = path || def ? cpr_catalogue_load(path ? path : def, &c) : cpr_last_code();
    const cpr_var_info **shown = NULL;
    size_t n = 0;
    if (!rc) {
        shown = cpr_malloc((c->n + 1) * sizeof *shown);
        for (size_t i = 0; i < c->n; i++)
            if (matches(&c->vars[i], a.pos, a.npos)) shown[n++] = &c->vars[i];
        if (n == 0 && a.npos > 0) rc = cpr_fail(CPR_E_NOVAR, "no catalogued variable matches '%s'", a.pos[0]);
    }
    if (!rc) {
        cpr_doc *d = cpr_vars_doc(shown, n, cli_has(&a, "long"));
        rc = cpr_doc_render(stdout, d, fmt);
        cpr_doc_free(d);
    }
    free(shown);
    cpr_catalogue_free(c);
    free(def);
    cli_args_free(&a);
    return rc;
}

static const cli_opt vars_opts[] = {
    {"catalogue", 0, "FILE", "datasets/catalogue.csv", "catalogue to print"},
    {"long", 'l', NULL, NULL, "print every field (source code, licence, transform, file) for each variable; "
                              "csv and json always hold every field"},
    CLI_FORMAT_OPT,
    {0}};

const cli_command cli_cmd_vars = {
    "vars", "list the variables of the bundled data: name, unit, source, label", "[OPTIONS] [PATTERN...]",
    "PATTERNs select variables whose name, label or source code contains them.",
    vars_opts, run_vars};
