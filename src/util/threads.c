/* A small fork-join helper over POSIX threads. Each call starts its worker
 * threads and joins them: the parallel sections are few and long (parsing a
 * file, thousands of bootstrap draws), so a pool would buy nothing. Tasks
 * are handed out by an atomic counter; which thread runs a task never
 * changes its result (see cpr/threads.h). */
#include "cpr/threads.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

static int threads_set; /* 0: not fixed */
/* The default (CPR_THREADS, else the cores online), found once: sysconf
 * reads /sys/devices/system/cpu/online on every call, and a small job asked
 * about 30 times (an open, read and close each, ~0.3 ms of a 2 ms job). */
static atomic_int threads_default; /* 0: not yet found */

int cpr_threads_parse(const char *s)
{
    if (!s || !*s) return 0;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        v = v * 10 + (*p - '0');
        if (v > CPR_THREADS_MAX) return 0;
    }
    return (int)v;
}

void cpr_threads_set(int n) { threads_set = n > CPR_THREADS_MAX ? CPR_THREADS_MAX : n < 0 ? 0 : n; }

int cpr_threads_get(void)
{
    if (threads_set > 0) return threads_set;
    int d = atomic_load_explicit(&threads_default, memory_order_relaxed);
    if (d > 0) return d;
    d = cpr_threads_parse(getenv("CPR_THREADS"));
    if (d <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        d = cores < 1 ? 1 : cores > CPR_THREADS_MAX ? CPR_THREADS_MAX : (int)cores;
    }
    atomic_store_explicit(&threads_default, d, memory_order_relaxed);
    return d;
}

void cpr_threads_span(size_t n, size_t parts, size_t k, size_t *lo, size_t *hi)
{
    size_t q = n / parts, r = n % parts;
    *lo = k * q + (k < r ? k : r);
    *hi = *lo + q + (k < r);
}

typedef struct {
    void (*fn)(void *, size_t);
    void *arg;
    size_t ntasks;
    atomic_size_t next;
} job;

static void *worker(void *p)
{
    job *j = p;
    for (;;) {
        size_t k = atomic_fetch_add(&j->next, 1);
        if (k >= j->ntasks) return NULL;
        j->fn(j->arg, k);
    }
}

void cpr_threads_run_work(size_t ntasks, size_t work, void (*fn)(void *arg, size_t k), void *arg)
{
    if (work < CPR_THREADS_MIN_WORK) {
        for (size_t k = 0; k < ntasks; k++) fn(arg, k);
        return;
    }
    cpr_threads_run(ntasks, fn, arg);
}

void cpr_threads_run(size_t ntasks, void (*fn)(void *arg, size_t k), void *arg)
{
    size_t nt = (size_t)cpr_threads_get();
    if (nt > ntasks) nt = ntasks;
    if (nt <= 1) {
        for (size_t k = 0; k < ntasks; k++) fn(arg, k);
        return;
    }
    job j = {fn, arg, ntasks, 0};
    pthread_t tid[CPR_THREADS_MAX];
    size_t started = 0;
    /* A thread that cannot be started only leaves more tasks to the others. */
    while (started < nt - 1 && pthread_create(&tid[started], NULL, worker, &j) == 0) started++;
    worker(&j);
    for (size_t t = 0; t < started; t++) pthread_join(tid[t], NULL);
}
