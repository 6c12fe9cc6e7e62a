/* The command table (commands.c), read by main.c only: a command that needs
 * the list of commands asks cli_registry_find/cli_registry_names (cli.h). */
#ifndef CPR_CLI_COMMANDS_H
#define CPR_CLI_COMMANDS_H

#include "cli.h"

extern const cli_command *const cli_commands[];
extern const size_t cli_ncommands;

#endif
