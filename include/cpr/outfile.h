/* Output files that appear whole or not at all.
 *
 * cpr_outfile_open creates a temporary file beside the target (mkstemp in
 * the target's directory, so the final rename stays on one file system);
 * the caller writes through the stream, or hands the temporary path to a
 * child program (gnuplot), then cpr_outfile_commit flushes, fsyncs and
 * closes it, checking every step, and renames it over the target. On any
 * failure the temporary file is removed, the previous target is left
 * untouched and the status is CPR_E_WRITE with the target's name and the
 * system's reason.
 *
 * A target that exists and is not a regular file (a terminal, a pipe,
 * /dev/stdout, /dev/full) cannot be replaced by a rename: it is opened and
 * written directly, with the same error checks. */
#ifndef CPR_OUTFILE_H
#define CPR_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

typedef struct cpr_outfile cpr_outfile;

/* CPR_E_WRITE when the temporary file cannot be created. */
int cpr_outfile_open(const char *path, cpr_outfile **out);
/* The stream to write to. */
FILE *cpr_outfile_stream(cpr_outfile *o);
/* Name of the file being written (the temporary one, or the target itself
 * when it is written directly). */
const char *cpr_outfile_temp_path(const cpr_outfile *o);
/* Flush, fsync, close and rename into place; frees `o` in every case. */
int cpr_outfile_commit(cpr_outfile *o);
/* Close and remove the temporary file; frees `o`. NULL is allowed. */
void cpr_outfile_abort(cpr_outfile *o);

/* The whole cycle for a buffer already in memory. */
int cpr_outfile_write(const char *path, const void *data, size_t len);

#endif
