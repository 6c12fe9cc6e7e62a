/* Group and reduce one variable of a frame (src/panel/group_stat.c): the
 * engine of `cpr-stats stat`. Rows with a missing value are skipped; the
 * rest are grouped by entity, by year or over everything, and each group is
 * reduced to one number (mean, growth, latest value, ... or the OLS slope
 * on another entity's series, year by year). */
#ifndef CPR_GROUP_STAT_H
#define CPR_GROUP_STAT_H

#include <stddef.h>

#include "cpr/frame.h"

typedef enum { CPR_STAT_VALUE, CPR_STAT_MEAN, CPR_STAT_MEDIAN, CPR_STAT_MIN, CPR_STAT_MAX, CPR_STAT_SUM,
               CPR_STAT_COUNT, CPR_STAT_SD, CPR_STAT_FIRST, CPR_STAT_LAST, CPR_STAT_GROWTH, CPR_STAT_CHANGE,
               CPR_STAT_PCT, CPR_STAT_SLOPE, CPR_STAT_NFN } cpr_stat_fn;
typedef enum { CPR_STAT_BY_ENTITY, CPR_STAT_BY_YEAR, CPR_STAT_BY_ALL, CPR_STAT_NBY } cpr_stat_by;

/* Names as the command line and the JSON spell them ("pct_change", ...). */
const char *cpr_stat_fn_name(cpr_stat_fn fn);
const char *cpr_stat_by_name(cpr_stat_by by);
/* The function or grouping called s ("latest" = last), or -1. */
int cpr_stat_fn_parse(const char *s);
int cpr_stat_by_parse(const char *s);

typedef struct {
    const char *entity;   /* the frame's label; NULL when grouped by year or over all */
    int year, has_year;
    size_t n;
    int first_year, last_year;
    double first, last, value;           /* value: NAN when undefined (sd of one value, ...) */
    double intercept, se, p, lo, hi, r;  /* slope only: t-based 95% interval */
} cpr_stat_row;

/* One entity's series in time order (the --vs of a slope). */
typedef struct { size_t n; int *t; double *v; } cpr_stat_series;

/* var's non-missing values of entity; CPR_E_NOVAR when there is no such entity. */
int cpr_stat_series_capture(const cpr_frame *f, const char *entity, const char *var, cpr_stat_series *s);
void cpr_stat_series_clear(cpr_stat_series *s);

/* The groups of x (a column of f) reduced by fn; vs is needed by
 * CPR_STAT_SLOPE only. *out (caller frees) holds the rows, in entity or
 * year order; returns their number (0 when no value is left). */
size_t cpr_stat_groups(const cpr_frame *f, const double *x, cpr_stat_fn fn, cpr_stat_by by,
                       const cpr_stat_series *vs, cpr_stat_row **out);

/* The groups' values summarised (the "summary" of `stat`'s JSON): over the
 * finite values only; NAN (n = 0) when none is. */
typedef struct {
    size_t n, n_pos, n_neg;
    double mean, median, min, max, sum;
} cpr_stat_summary;

void cpr_stat_summarize(const cpr_stat_row *g, size_t ng, cpr_stat_summary *s);

#endif
