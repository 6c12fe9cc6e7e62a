/* Progress lines on stderr for long jobs (see include/cpr/progress.h). */
#include "cpr/progress.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cpr_progress {
    char *what;
    size_t total;
    double t0, last, delay;
    int shown;
    size_t width;
};

static int quiet_flag;

void cpr_progress_set_quiet(int quiet) { quiet_flag = quiet; }

int cpr_progress_wanted(int stderr_is_tty, const char *ci, const char *term, int quiet)
{
    if (quiet || !stderr_is_tty) return 0;
    if (ci && *ci && strcmp(ci, "0") != 0 && strcmp(ci, "false") != 0) return 0; /* CI logs keep no \r lines */
    if (term && strcmp(term, "dumb") == 0) return 0;
    return 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

cpr_progress *cpr_progress_start(const char *what, size_t total)
{
    if (!cpr_progress_wanted(isatty(2), getenv("CI"), getenv("TERM"), quiet_flag) || total == 0) return NULL;
    cpr_progress *p = cpr_calloc(1, sizeof *p);
    p->what = cpr_strdup(what);
    p->total = total;
    p->t0 = p->last = now();
    const char *d = getenv("CPR_PROGRESS_DELAY");
    p->delay = d && *d ? atof(d) : 1.0;
    return p;
}

void cpr_progress_format(char *buf, size_t size, const char *what, size_t done, size_t total, double elapsed)
{
    double frac = total ? (double)done / (double)total : 0;
    if (done == 0 || elapsed <= 0) {
        snprintf(buf, size, "%s: %zu/%zu (%.0f%%)", what, done, total, 100 * frac);
        return;
    }
    double eta = elapsed * (double)(total - (done < total ? done : total)) / (double)done;
    if (eta >= 90) snprintf(buf, size, "%s: %zu/%zu (%.0f%%), ETA %.0f min", what, done, total, 100 * frac, eta / 60);
    else snprintf(buf, size, "%s: %zu/%zu (%.0f%%), ETA %.0f s", what, done, total, 100 * frac, eta);
}

void cpr_progress_update(cpr_progress *p, size_t done)
{
    if (!p) return;
    double t = now();
    if (t - p->t0 < p->delay || (p->shown && t - p->last < 0.2)) return;
    char line[256];
    cpr_progress_format(line, sizeof line, p->what, done, p->total, t - p->t0);
    size_t n = strlen(line);
    /* pad over a longer previous line */
    fprintf(stderr, "\r%s%*s", line, p->width > n ? (int)(p->width - n) : 0, "");
    fflush(stderr);
    p->width = n;
    p->shown = 1;
    p->last = t;
}

void cpr_progress_finish(cpr_progress *p)
{
    if (!p) return;
    if (p->shown) {
        fprintf(stderr, "\r%*s\r", (int)p->width, "");
        fflush(stderr);
    }
    free(p->what);
    free(p);
}
