/* Exit/status codes shared by every module. The numbers are the process exit
 * codes documented in README.md and `cpr-stats --help`; keep them stable. */
#ifndef CPR_STATUS_H
#define CPR_STATUS_H

#include <stdarg.h>

typedef enum {
    CPR_OK = 0,
    CPR_E_ASSERT = 1,      /* a batch assertion or claim check failed */
    CPR_E_USAGE = 2,       /* bad command line */
    CPR_E_OPEN = 3,        /* file missing or unreadable */
    CPR_E_EMPTY = 4,       /* file has no bytes / no header */
    CPR_E_NODATA = 5,      /* header present, no data rows */
    CPR_E_RAGGED = 6,      /* row with the wrong number of fields, bad quoting */
    CPR_E_BINARY = 7,      /* not text: NUL bytes or invalid UTF-8 */
    CPR_E_NONNUMERIC = 8,  /* text or non-finite value in a numeric column, invalid weight */
    CPR_E_DUPKEY = 9,      /* duplicate (entity, time) key */
    CPR_E_NOKEY = 10,      /* entity or time column not found */
    CPR_E_NOVAR = 11,      /* unknown variable name */
    CPR_E_FORMULA = 12,    /* formula syntax error */
    CPR_E_NUMERIC = 13,    /* singular design, no observations, ... */
    CPR_E_NOCONV = 14,     /* iterative algorithm did not converge */
    CPR_E_WRITE = 15,      /* output could not be written */
    CPR_E_GNUPLOT = 16,    /* gnuplot missing or failed */
    CPR_E_MANIFEST = 17,   /* batch file, claims manifest or model JSON malformed */
    CPR_E_NOMEM = 18,      /* out of memory */
    CPR_E_PANDOC = 19,     /* pandoc missing or failed (Word output) */
    CPR_E_LIMIT = 20,      /* a safety limit was reached: run/reproduce nesting, a CSV line of 16 MiB */
    CPR_E_CLOBBER = 21,    /* an output file names an input file or another output */
    CPR_E_INTERNAL = 70    /* a bug: please report */
} cpr_status;

/* Record the error message for the current failure (first one wins until
 * cleared) and return `code`, so callers can write `return cpr_fail(...)`. */
int cpr_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cpr_vfail(int code, const char *fmt, va_list ap);
const char *cpr_last_error(void);
int cpr_last_code(void);
void cpr_error_clear(void);
/* One-line description of an exit code, for --help and the README table. */
const char *cpr_status_name(int code);

#endif
