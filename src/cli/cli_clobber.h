/* Outputs never clobber inputs: one check, run by cli_parse for every
 * command, that no output file names an input file or another output. */
#ifndef CPR_CLI_CLOBBER_H
#define CPR_CLI_CLOBBER_H

#include "cli.h"

/* Environment variable through which `run` and `reproduce` pass their batch
 * file or manifest to the commands they start, so those refuse to write it. */
#define CLI_PROTECT_ENV "CPR_PROTECT_INPUTS"

/* CPR_E_CLOBBER with a message naming both options when an output path
 * (-o/--output, --script, --resid-plot, --resid-script, --lr-plot, the files
 * of reproduce --out DIR) is an input (--data, --manifest, --catalogue, the
 * batch FILE of run, the model files of table and plot coef, the files in
 * CPR_PROTECT_INPUTS) or another output; 0 otherwise. Existing files are
 * compared by device and inode (symlinks, ./x and x, hard links), others by
 * their normalised absolute path. Nothing is written before this passes. */
int cli_clobber_check(const cli_args *a);

/* Add `path` (made absolute) to CPR_PROTECT_INPUTS for child commands. */
int cli_clobber_protect(const char *path);

#endif
