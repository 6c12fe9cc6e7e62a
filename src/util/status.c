/* Last-error store: one slot per thread keeps every function's signature a
 * plain status code (GSL style). Worker threads (cpr/threads.h) have slots
 * of their own, so what they record never reaches the command's message. */
#include "cpr/status.h"

#include <stdio.h>

#include <assert.h>
#include <string.h>

static _Thread_local char last_msg[1024];
static _Thread_local int last_code;
static _Thread_local cpr_error_scope *cur_scope;

/* Messages quote user input (names, cells, formulas): keep control
 * characters (terminal escapes) out of the terminal; '\n' and '\t' lay out
 * caret lines. */
static void sanitise(char *from)
{
    for (unsigned char *c = (unsigned char *)from; *c; c++)
        if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f) *c = '?';
}

int cpr_vfail(int code, const char *fmt, va_list ap)
{
    if (last_code == 0) {   /* a pending error is the cause: it stays */
        vsnprintf(last_msg, sizeof last_msg, fmt, ap);
        last_code = code;
        sanitise(last_msg);
    }
    return code;
}

int cpr_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cpr_vfail(code, fmt, ap);
    va_end(ap);
    return code;
}

const char *cpr_last_error(void) { return last_code ? last_msg : ""; }
int cpr_last_code(void) { return last_code; }
void cpr_error_clear(void) { last_code = 0; last_msg[0] = '\0'; }

int cpr_error_context(int rc, const char *fmt, ...)
{
    if (rc == CPR_OK || last_code == 0) return rc;
    char ctx[sizeof last_msg];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(ctx, sizeof ctx, fmt, ap);
    va_end(ap);
    if (n <= 0) return rc;
    sanitise(ctx);
    /* "<ctx>: <message>", cut at the slot's size */
    size_t c = strlen(ctx), m = strlen(last_msg), cap = sizeof last_msg - 1;
    if (c + 2 > cap) c = cap - 2;
    if (c + 2 + m > cap) m = cap - c - 2;
    memmove(last_msg + c + 2, last_msg, m);
    memcpy(last_msg, ctx, c);
    last_msg[c] = ':';
    last_msg[c + 1] = ' ';
    last_msg[c + 2 + m] = '\0';
    return rc;
}

void cpr_error_scope_begin(cpr_error_scope *s)
{
    s->outer = cur_scope;
    s->code = last_code;
    if (last_code) memcpy(s->msg, last_msg, sizeof s->msg);
    cur_scope = s;
    cpr_error_clear();
}

/* Scopes end in reverse order of their beginnings, on their own thread. */
static void scope_pop(cpr_error_scope *s)
{
    assert(cur_scope == s);
    cur_scope = s->outer;
}

void cpr_error_scope_end(cpr_error_scope *s)
{
    scope_pop(s);
    last_code = s->code;
    if (s->code) memcpy(last_msg, s->msg, sizeof last_msg);
    else last_msg[0] = '\0';
}

void cpr_error_scope_keep(cpr_error_scope *s)
{
    scope_pop(s);
    if (s->code == 0) return;   /* the inner error (or none) is now current */
    last_code = s->code;        /* first wins: the outer one was pending */
    memcpy(last_msg, s->msg, sizeof last_msg);
}

int cpr_error_scope_return(cpr_error_scope *s, int rc)
{
    if (rc != CPR_OK) cpr_error_scope_keep(s);
    else cpr_error_scope_end(s);
    return rc;
}

void cpr_error_scope_reset(cpr_error_scope *s)
{
    assert(cur_scope == s);
    (void)s;
    cpr_error_clear();
}

const char *cpr_status_name(int code)
{
    switch (code) {
    case CPR_OK: return "success";
    case CPR_E_ASSERT: return "an assertion or claim check failed";
    case CPR_E_USAGE: return "usage error (unknown option, missing argument)";
    case CPR_E_OPEN: return "file missing or unreadable";
    case CPR_E_EMPTY: return "empty file";
    case CPR_E_NODATA: return "header row but no data rows";
    case CPR_E_RAGGED: return "ragged row or broken quoting";
    case CPR_E_BINARY: return "not a text file, or a damaged/unsupported .dta, .sav or .gz";
    case CPR_E_NONNUMERIC: return "non-numeric or non-finite cell in a numeric column";
    case CPR_E_DUPKEY: return "duplicate (entity, time) key";
    case CPR_E_NOKEY: return "entity or time column not found";
    case CPR_E_NOVAR: return "unknown variable";
    case CPR_E_FORMULA: return "formula syntax error";
    case CPR_E_NUMERIC: return "numerical failure (singular design, no observations)";
    case CPR_E_NOCONV: return "iterative algorithm did not converge";
    case CPR_E_WRITE: return "output could not be written";
    case CPR_E_GNUPLOT: return "gnuplot missing or failed";
    case CPR_E_MANIFEST: return "malformed batch file, claims manifest or model JSON";
    case CPR_E_NOMEM: return "out of memory";
    case CPR_E_PANDOC: return "pandoc missing or failed (Word .docx output)";
    case CPR_E_LIMIT: return "a safety limit was reached (run/reproduce nesting, a CSV line of 16 MiB)";
    case CPR_E_CLOBBER: return "an output file names an input file or another output (nothing written)";
    case CPR_E_INTERNAL: return "internal error";
    default: return "unknown";
    }
}
