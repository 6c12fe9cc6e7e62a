/* Time cpr_frame_read_csv alone (csvspeed branch): load FILE N times and
 * print the median wall and CPU time and MB/s.
 *   make && cc -O2 -Iinclude scripts/bench/csv_load_bench.c build/libcpr.a \
 *       -lgsl -lgslcblas -lcsv -ljansson -lm -o /tmp/csv_load_bench
 *   /tmp/csv_load_bench /tmp/big.csv 7
 * CPR_CSV_LIBCSV=1 forces the libcsv-only path for comparison. */
#define _POSIX_C_SOURCE 200809L
#include "cpr/frame.h"
#include "cpr/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

static double now(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100) runs = 5;
    struct stat st;
    if (stat(argv[1], &st) != 0) { perror(argv[1]); return 3; }
    double t[100], c[100];
    cpr_load_opts o = {0};
    o.quiet = 1;
    for (int i = 0; i < runs; i++) {
        cpr_frame *f;
        double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        int rc = cpr_frame_read_csv(argv[1], &o, &f);
        t[i] = now(CLOCK_MONOTONIC) - t0;
        c[i] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (rc) { fprintf(stderr, "%s\n", cpr_last_error()); return rc; }
        cpr_frame_free(f);
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_d);
    qsort(c, (size_t)runs, sizeof *c, cmp_d);
    double mb = (double)st.st_size / 1e6;
    printf("%s: %.1f MB, %d runs: wall median %.3f s (%.0f MB/s), min %.3f s (%.0f MB/s); cpu median %.3f s (%.0f MB/s)\n",
           argv[1], mb, runs, t[runs / 2], mb / t[runs / 2], t[0], mb / t[0], c[runs / 2], mb / c[runs / 2]);
    return 0;
}
