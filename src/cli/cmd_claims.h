/* Shared by `run` and `reproduce` (cmd_claims.c): what the batch engine needs to know
 * about the CLI (command names, which print JSON, the binary to spawn). */
#ifndef CPR_CMD_CLAIMS_H
#define CPR_CMD_CLAIMS_H

#include "cpr/claims.h"

/* Syntax with the registered command names (manifest: 1 = claim directives). */
void cmd_claims_syntax(cpr_batch_syntax *s, int manifest);
/* Options with the running binary, ${DATA} and the JSON test filled in. */
void cmd_claims_opts(cpr_run_opts *o);

#endif
