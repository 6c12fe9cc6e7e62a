/* `describe`'s printer (src/report/describe_doc.c). */
#ifndef CPR_DESCRIBE_DOC_H
#define CPR_DESCRIBE_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "cpr/frame.h"
#include "cpr/report.h"

/* The data file, the panel layout (entities, periods, balance) and one row
 * per column of f (only those named in vars when nvars > 0, in the frame's
 * order): n, first and last period with a value, min, mean, max; then the
 * labels the file gave its columns. */
cpr_doc *cpr_describe_doc(const cpr_frame *f, const char *const *vars, size_t nvars);

#endif
