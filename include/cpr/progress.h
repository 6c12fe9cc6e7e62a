/* Progress of long jobs on stderr ("threshold bootstrap: 120/300 (40%),
 * ETA 9 s"), for a person watching a terminal only: never when stderr is a
 * pipe or a file, never in CI (CI set in the environment) or on a dumb
 * terminal, never with --quiet, and only once a job has run for a second
 * (CPR_PROGRESS_DELAY seconds), so quick jobs print nothing. The line is
 * redrawn in place at most 5 times a second and erased when done. */
#ifndef CPR_PROGRESS_H
#define CPR_PROGRESS_H

#include <stddef.h>

typedef struct cpr_progress cpr_progress;

/* The decision, separated so it can be tested: stderr_is_tty from
 * isatty(2), ci and term the values of $CI and $TERM (NULL when unset). */
int cpr_progress_wanted(int stderr_is_tty, const char *ci, const char *term, int quiet);

/* --quiet for the whole process (set by the command line). */
void cpr_progress_set_quiet(int quiet);

/* NULL (and every call below a no-op) when progress is not wanted. */
cpr_progress *cpr_progress_start(const char *what, size_t total);
void cpr_progress_update(cpr_progress *p, size_t done);
/* Erase the line and free; NULL is allowed. */
void cpr_progress_finish(cpr_progress *p);

/* The text of a progress line (without the leading '\r'), for tests:
 * done of total after `elapsed` seconds. */
void cpr_progress_format(char *buf, size_t size, const char *what, size_t done, size_t total, double elapsed);

#endif
