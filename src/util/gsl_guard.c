/* GSL's default error handler prints and aborts (exit 134). cpr-stats turns it
 * off for the whole program and checks every status GSL returns instead; the
 * one exception is running out of memory, where GSL hands back NULL from an
 * allocation that the callers (like cpr_malloc's) treat as impossible, so it
 * gets the same exit 18 as cpr_malloc. */
#include "cpr/util.h"
#include "cpr/status.h"

#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>

static void gsl_guard_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    (void)reason; (void)file; (void)line;
    if (gsl_errno == GSL_ENOMEM) {
        fputs("cpr-stats: out of memory\n", stderr);
        exit(CPR_E_NOMEM);
    }
    /* anything else: off, the caller checks the returned status */
}

void cpr_gsl_guard_install(void)
{
    gsl_set_error_handler(gsl_guard_handler);
}
