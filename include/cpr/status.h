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

/* Errors. Functions return a plain status code (GSL style); the message
 * goes to the calling thread's error slot (worker threads have slots of
 * their own, cpr/threads.h).
 *
 * - cpr_fail records a failure. When no error is pending it starts a new
 *   one; when one is pending it is the cause and the new one only its
 *   consequence (the caller saying "that failed" again), so the pending
 *   message stays and only the code is returned. To say more, add context
 *   with cpr_error_context instead of writing a second message.
 * - A failure the caller handles (tries, falls back, skips a statistic)
 *   runs inside a scope: whatever was recorded inside is dropped at
 *   cpr_error_scope_end and the outer state comes back, so a handled
 *   failure never hides the next real message. cpr_error_scope_keep
 *   passes it on instead (first wins: a pending outer error stays).
 *   Scopes nest and end in reverse order.
 * - cpr_error_clear is the top-level reset: the cli before each command
 *   and tests between cases. Library code uses scopes
 *   (tests/scripts/test_layers.sh fails on a cpr_error_clear under src/
 *   outside src/cli/main.c). */
int cpr_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cpr_vfail(int code, const char *fmt, va_list ap);
const char *cpr_last_error(void);
int cpr_last_code(void);
void cpr_error_clear(void);

/* Where it happened: when `rc` is a failure and an error is pending,
 * prefix "<context>: " to its message (e.g. "reading x.csv: line 3: ...").
 * Returns rc, so `return cpr_error_context(rc, "reading %s", path);`. */
int cpr_error_context(int rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef struct cpr_error_scope {
    struct cpr_error_scope *outer;  /* the enclosing scope on this thread */
    int code;                       /* the outer state, restored at the end */
    char msg[1024];
} cpr_error_scope;

void cpr_error_scope_begin(cpr_error_scope *s);
/* Drop what was recorded inside; the outer state comes back. */
void cpr_error_scope_end(cpr_error_scope *s);
/* End the scope passing its error on (unless an outer one is pending). */
void cpr_error_scope_keep(cpr_error_scope *s);
/* End the scope: keep its error when rc is a failure, drop it when the
 * caller succeeded anyway. Returns rc. */
int cpr_error_scope_return(cpr_error_scope *s, int rc);
/* Forget what was recorded inside so far; the scope stays open (a later,
 * better message replaces an earlier one of the same operation). */
void cpr_error_scope_reset(cpr_error_scope *s);

/* One-line description of an exit code, for --help and the README table. */
const char *cpr_status_name(int code);

#endif
