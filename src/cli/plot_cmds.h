/* Figure commands that do not draw from a data frame. */
#ifndef CPR_CLI_PLOT_CMDS_H
#define CPR_CLI_PLOT_CMDS_H

#include "cli.h"
#include "cpr/catalogue.h"

/* plot coef M1.json [M2.json ...] (see plot_coef_cmd.c). */
int cli_plot_coef(const cli_args *a);

/* The last path component ("" for NULL). */
const char *cli_base_name(const char *path);
/* The catalogue entry of `name` for the file `source` was read from (the
 * catalogue lists a name once per bundled file); NULL when uncatalogued. */
const cpr_var_info *cli_plot_var(const cpr_catalogue *cat, const char *source, const char *name);
/* "Source: World Bank WDI, SI.POV.DDAY (provenance: datasets/sources/wb-wdi);
 * ...; data file aggregates.csv." for the variables drawn. Caller frees. */
char *cli_plot_sources_text(const cpr_catalogue *cat, const char *source, char *const *vars, size_t n);

#endif
