/* Whole-process timer for the benchmarks (scripts/bench.sh), in the spirit
 * of /usr/bin/time but with nanosecond wall clock and several runs:
 *
 *   timeit RUNS WARMUP OUTFILE -- COMMAND [ARGS...]
 *
 * Runs COMMAND (no shell) WARMUP times untimed, then RUNS times, each with
 * stdout to OUTFILE (rewritten every run), stderr to OUTFILE.err and stdin
 * from /dev/null. Wall time is CLOCK_MONOTONIC from fork to wait4; peak
 * memory is ru_maxrss of the child from wait4 (resident set high-water
 * mark, KiB, as /usr/bin/time %M). Prints one line:
 *   median min max peak_MB runs
 * (seconds; peak = largest over the timed runs, in MB = 10^6 bytes).
 * Exit 1 (and a message) when any run fails. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* One run: returns wall seconds (< 0 on failure); *kib = peak RSS. */
static double run_once(char **argv, const char *out, long *kib)
{
    char err[4096];
    snprintf(err, sizeof err, "%s.err", out);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) { perror("timeit: fork"); return -1; }
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || fo < 0 || fe < 0) _exit(126);
        dup2(in, 0); dup2(fo, 1); dup2(fe, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) { perror("timeit: wait4"); return -1; }
    double t = now() - t0;
    *kib = ru.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "timeit: %s failed (status %d); see %s\n", argv[0],
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), err);
        return -1;
    }
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: timeit RUNS WARMUP OUTFILE -- COMMAND [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]), warm = atoi(argv[2]);
    const char *out = argv[3];
    char **cmd = argv + 5;
    if (runs < 1 || warm < 0) { fprintf(stderr, "timeit: RUNS >= 1, WARMUP >= 0\n"); return 2; }
    long kib = 0, peak = 0;
    for (int i = 0; i < warm; i++)
        if (run_once(cmd, out, &kib) < 0) return 1;
    double *t = malloc((size_t)runs * sizeof *t);
    if (!t) return 1;
    for (int i = 0; i < runs; i++) {
        if ((t[i] = run_once(cmd, out, &kib)) < 0) return 1;
        if (kib > peak) peak = kib;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    double med = runs % 2 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
    printf("%.4f %.4f %.4f %.1f %d\n", med, t[0], t[runs - 1], (double)peak * 1024.0 / 1e6, runs);
    free(t);
    return 0;
}
