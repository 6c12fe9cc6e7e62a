/* Worker threads for the parallel sections (CSV parsing, bootstrap draws).
 * Results must not depend on the thread count: callers cut their work into
 * a fixed number of tasks that does not depend on it (cpr_threads_span),
 * each task writes only its own output, and the caller combines the outputs
 * in task order. The threads only decide which core computes which task. */
#ifndef CPR_THREADS_H
#define CPR_THREADS_H

#include <stddef.h>

/* Most threads accepted by --threads / CPR_THREADS. */
#define CPR_THREADS_MAX 256

/* Threads to use: set by cpr_threads_set, else $CPR_THREADS, else the cores
 * online (sysconf). Always 1..CPR_THREADS_MAX. */
int cpr_threads_get(void);
/* n >= 1 fixes the count; n == 0 returns to the default. */
void cpr_threads_set(int n);
/* Parse a thread count ("1".."256"); 0 when the text is not one. */
int cpr_threads_parse(const char *s);

/* Run fn(arg, k) for every k in [0, ntasks), on at most cpr_threads_get()
 * threads (the caller's among them); returns when all are done. Tasks run
 * in no particular order and must not share output. */
void cpr_threads_run(size_t ntasks, void (*fn)(void *arg, size_t k), void *arg);

/* Work below which starting a thread costs more than it saves: creating
 * and joining one is ~0.1 ms on a virtual machine, about 10^5 simple
 * element operations. */
#define CPR_THREADS_MIN_WORK ((size_t)1 << 16)

/* cpr_threads_run, but on the caller alone when `work` (the job's size in
 * element operations, e.g. rows x columns) is below CPR_THREADS_MIN_WORK:
 * the same tasks in order, so the same results. */
void cpr_threads_run_work(size_t ntasks, size_t work, void (*fn)(void *arg, size_t k), void *arg);

/* The k-th of `parts` near-equal contiguous pieces of [0, n): [*lo, *hi). */
void cpr_threads_span(size_t n, size_t parts, size_t k, size_t *lo, size_t *hi);

#endif
