/* The command table as main.c hands it over at start. The commands that
 * run other commands (run, reproduce) read it here; commands.c lists them,
 * so their reading commands.c back would tie the two in a loop. */
#include "cli.h"

#include <string.h>

static const cli_command *const *table;
static size_t ntable;

void cli_registry_set(const cli_command *const *cmds, size_t n)
{
    table = cmds;
    ntable = n;
}

const cli_command *cli_registry_find(const char *name)
{
    for (size_t i = 0; i < ntable; i++)
        if (strcmp(table[i]->name, name) == 0) return table[i];
    return NULL;
}

size_t cli_registry_names(const char **names, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ntable && n < max; i++) names[n++] = table[i]->name;
    return n;
}
