/* `stat`'s printer (src/report/stat_doc.c). */
#ifndef CPR_STAT_DOC_H
#define CPR_STAT_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "cpr/group_stat.h"
#include "cpr/report.h"

/* A row per group (entity, year, value, n, ...), and for the machine
 * formats the top-level variable, function and by, a summary over the
 * groups and "value" when there is one group; the keys are listed in
 * stat_doc.c (`run` and `reproduce` read them by path). */
cpr_doc *cpr_stat_doc(const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g, size_t ng);
int cpr_report_stat(FILE *out, const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g,
                    size_t ng, cpr_format fmt);

#endif
