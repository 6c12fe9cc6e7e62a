/* Checked allocation: running out of memory is reported with its own exit
 * code instead of a crash further down. */
#include "cpr/util.h"
#include "cpr/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/mman.h>
#include <stdint.h>
#include <pthread.h>

/* Big arrays (columns, designs, residuals) ask the kernel for transparent
 * huge pages. First touching 4 KiB pages is what dominated a 10^7-row fit:
 * each fault costs a trap and a zeroed page, and on a virtual machine the
 * trap is dear. One 2 MiB page replaces 512 of them. Advice only: where the
 * kernel has THP off, nothing changes. */
#define HUGE_FROM ((size_t)4 << 20)

static void advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n < HUGE_FROM) return;
    /* The whole block, rounded out to 4 KiB pages: advising only its 2 MiB
     * aligned middle split glibc's mapping into three areas, and mremap
     * (realloc of a big block) refuses a range that spans areas, so every
     * realloc copied the block into fresh, unadvised 4 KiB pages. One area
     * lets realloc move or grow the block in place; the kernel uses huge
     * pages wherever an aligned 2 MiB range lies inside it. */
    uintptr_t a = (uintptr_t)p & ~(uintptr_t)4095;
    uintptr_t e = ((uintptr_t)p + malloc_usable_size(p) + 4095) & ~(uintptr_t)4095;
    (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p; (void)n;
#endif
}

static void die_nomem(void)
{
    fputs("cpr-stats: out of memory\n", stderr);
    exit(CPR_E_NOMEM);
}

/* Recycled big blocks (see cpr_recycle in cpr/util.h). */
#define RECYCLE_SLOTS 4
static struct { void *p; size_t size; } recycled[RECYCLE_SLOTS];
static pthread_mutex_t recycle_mu = PTHREAD_MUTEX_INITIALIZER;

void cpr_recycle(void *p)
{
    if (!p) return;
    size_t size = malloc_usable_size(p);
    if (size >= HUGE_FROM) {
        pthread_mutex_lock(&recycle_mu);
        for (int s = 0; s < RECYCLE_SLOTS && p; s++)
            if (!recycled[s].p) { recycled[s].p = p; recycled[s].size = size; p = NULL; }
        pthread_mutex_unlock(&recycle_mu);
    }
    free(p);
}

void cpr_recycle_drop(void)
{
    pthread_mutex_lock(&recycle_mu);
    for (int s = 0; s < RECYCLE_SLOTS; s++) { free(recycled[s].p); recycled[s].p = NULL; }
    pthread_mutex_unlock(&recycle_mu);
}

/* The smallest recycled block of at least n bytes and at most n + n/8. */
static void *recycle_take(size_t n)
{
    if (n < HUGE_FROM) return NULL;
    void *p = NULL;
    pthread_mutex_lock(&recycle_mu);
    int best = -1;
    for (int s = 0; s < RECYCLE_SLOTS; s++)
        if (recycled[s].p && recycled[s].size >= n && recycled[s].size - n <= n / 8 &&
            (best < 0 || recycled[s].size < recycled[best].size)) best = s;
    if (best >= 0) { p = recycled[best].p; recycled[best].p = NULL; }
    pthread_mutex_unlock(&recycle_mu);
    return p;
}

void *cpr_malloc(size_t n)
{
    void *p = recycle_take(n);
    if (p) return p;
    p = malloc(n ? n : 1);
    if (!p) die_nomem();
    advise_huge(p, n);
    return p;
}

void *cpr_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) die_nomem();
    if (size && n <= SIZE_MAX / size) advise_huge(p, n * size);
    return p;
}

void *cpr_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) die_nomem();
    advise_huge(q, n);
    return q;
}

/* Copies exactly n bytes of s (a span, not necessarily terminated): to cut a
 * C string, pass strnlen(s, max). */
char *cpr_strndup(const char *s, size_t n)
{
    char *d = cpr_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cpr_strdup(const char *s) { return cpr_strndup(s, strlen(s)); }

char *cpr_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *s = cpr_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}
