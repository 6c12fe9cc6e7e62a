/* Stata .dta and SPSS .sav through ReadStat. Internal to src/load/. */
#ifndef CPR_LOAD_STATFILE_H
#define CPR_LOAD_STATFILE_H

#include "cpr/frame.h"

#include <stddef.h>

enum { CPR_STATFILE_DTA = 1, CPR_STATFILE_SAV = 2 };

/* From the first bytes: CPR_STATFILE_DTA, CPR_STATFILE_SAV or 0. */
int cpr_statfile_kind(const char *s, size_t n);
/* Variable labels become column labels, value-labelled numeric columns
 * text categories, Stata's . and .a-.z and SPSS system and user-missing
 * values NAN; the panel key is found as for CSV files. */
int cpr_statfile_read(const char *path, int kind, const cpr_load_opts *opts, cpr_frame **out);

#endif
