/* Figure commands that do not draw from a data frame. */
#ifndef CPR_CLI_PLOT_CMDS_H
#define CPR_CLI_PLOT_CMDS_H

#include "cli.h"

/* plot coef M1.json [M2.json ...] (see plot_coef_cmd.c). */
int cli_plot_coef(const cli_args *a);

#endif
