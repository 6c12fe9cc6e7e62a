/* Layouts recognised by their header and reshaped to (entity, year):
 * World Bank wide (years as columns), World Bank long (Series/Indicator
 * Code + Value) and SDMX-CSV (REF_AREA, TIME_PERIOD, OBS_VALUE). Internal
 * to src/load/. */
#ifndef CPR_LOAD_RESHAPE_H
#define CPR_LOAD_RESHAPE_H

#include "cpr/frame.h"

#include <stddef.h>

typedef enum { CPR_LAYOUT_PLAIN, CPR_LAYOUT_WB_WIDE, CPR_LAYOUT_WB_LONG, CPR_LAYOUT_SDMX } cpr_layout;

/* Which layout a header (its field names) is. */
cpr_layout cpr_layout_detect(char *const *names, size_t n);
const char *cpr_layout_name(cpr_layout lay);
/* A column name that is a year: "1990" or "1990 [YR1990]"; 1 and *year. */
int cpr_year_column(const char *name, int *year);
/* The variable name for a series code: every character other than a
 * letter, digit or '_' becomes '_', and a name that would not start with a
 * letter gets a leading 'v' ("SI.POV.DDAY" -> "SI_POV_DDAY", "2.1" ->
 * "v2_1"). Caller frees. */
char *cpr_series_varname(const char *code);

/* `table` is the file loaded as a plain table (no key; its first data row
 * is line header_line + 1). On success *out is the panel and *note a
 * summary for the user (caller frees); `table` is left to the caller. */
int cpr_reshape(const cpr_frame *table, cpr_layout lay, const cpr_load_opts *opts, const char *path,
                size_t header_line, cpr_frame **out, char **note);

#endif
