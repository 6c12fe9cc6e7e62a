/* The command table: one entry per subcommand, in the order --help lists them.
 * Only main.c reads it; it hands it to cli_registry_set for the commands
 * that need the list (run, reproduce). */
#include "commands.h"

extern const cli_command cli_cmd_describe;
extern const cli_command cli_cmd_vars;
extern const cli_command cli_cmd_plot;
extern const cli_command cli_cmd_correlate;
extern const cli_command cli_cmd_regress;
extern const cli_command cli_cmd_stat;
extern const cli_command cli_cmd_run;
extern const cli_command cli_cmd_reproduce;
extern const cli_command cli_cmd_gmm;
extern const cli_command cli_cmd_threshold;
extern const cli_command cli_cmd_table;

const cli_command *const cli_commands[] = {
    &cli_cmd_describe,
    &cli_cmd_vars,
    &cli_cmd_regress,
    &cli_cmd_gmm,
    &cli_cmd_threshold,
    &cli_cmd_table,
    &cli_cmd_correlate,
    &cli_cmd_plot,
    &cli_cmd_stat,
    &cli_cmd_run,
    &cli_cmd_reproduce,
};
const size_t cli_ncommands = sizeof cli_commands / sizeof *cli_commands;
