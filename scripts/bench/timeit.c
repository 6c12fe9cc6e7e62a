/* Whole-process timer for the benchmarks (scripts/bench.sh), in the spirit
 * of /usr/bin/time but with nanosecond wall clock and several runs:
 *
 *   timeit [--base PROG] RUNS WARMUP OUTFILE -- COMMAND [ARGS...]
 *
 * Runs COMMAND (no shell) WARMUP times untimed, then RUNS times, each with
 * stdout to OUTFILE (rewritten every run), stderr to OUTFILE.err and stdin
 * from /dev/null. Wall time is CLOCK_MONOTONIC from fork to wait4; peak
 * memory is ru_maxrss of the child from wait4 (resident set high-water
 * mark, KiB, as /usr/bin/time %M). Prints one line:
 *   median min max peak_MB runs
 * (seconds; peak = largest over the timed runs, in MB = 10^6 bytes).
 *
 * With --base PROG (e.g. /bin/true: the process floor of the machine),
 * every timed run of COMMAND is paired with a run of PROG (no arguments)
 * just before it, timed the same way, and the line goes on with
 *   cpu_median above_median base_median base_cpu_median
 * where cpu = the child's user + system time (wait4's rusage: all its
 * threads) and above = the median over the pairs of COMMAND's wall time
 * minus PROG's, so both see the same load. Exit 1 (and a message) when any
 * run fails. */
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

/* One run: returns wall seconds (< 0 on failure); *kib = peak RSS, *cpu =
 * user + system seconds. */
static double run_once(char **argv, const char *out, long *kib, double *cpu)
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
    *cpu = (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
           (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "timeit: %s failed (status %d); see %s\n", argv[0],
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), err);
        return -1;
    }
    return t;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

int main(int argc, char **argv)
{
    char *base[2] = {NULL, NULL};
    if (argc > 2 && strcmp(argv[1], "--base") == 0) {
        base[0] = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: timeit [--base PROG] RUNS WARMUP OUTFILE -- COMMAND [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]), warm = atoi(argv[2]);
    const char *out = argv[3];
    char **cmd = argv + 5;
    if (runs < 1 || warm < 0) { fprintf(stderr, "timeit: RUNS >= 1, WARMUP >= 0\n"); return 2; }
    char bout[4096];
    snprintf(bout, sizeof bout, "%s.base", out);
    long kib = 0, peak = 0, bkib = 0;
    double cpu0, bcpu0;
    for (int i = 0; i < warm; i++) {
        if (base[0] && run_once(base, bout, &bkib, &bcpu0) < 0) return 1;
        if (run_once(cmd, out, &kib, &cpu0) < 0) return 1;
    }
    double *t = malloc(5 * (size_t)runs * sizeof *t);
    if (!t) return 1;
    double *cpu = t + runs, *bt = t + 2 * runs, *bcpu = t + 3 * runs, *above = t + 4 * runs;
    for (int i = 0; i < runs; i++) {
        if (base[0] && (bt[i] = run_once(base, bout, &bkib, &bcpu[i])) < 0) return 1;
        if ((t[i] = run_once(cmd, out, &kib, &cpu[i])) < 0) return 1;
        if (base[0]) above[i] = t[i] - bt[i];
        if (kib > peak) peak = kib;
    }
    if (base[0]) remove(bout), snprintf(bout + strlen(bout), sizeof bout - strlen(bout), ".err"), remove(bout);
    double mabove = base[0] ? median(above, runs) : 0, mcpu = median(cpu, runs);
    double mbase = base[0] ? median(bt, runs) : 0, mbcpu = base[0] ? median(bcpu, runs) : 0;
    double med = median(t, runs);
    printf("%.4f %.4f %.4f %.1f %d", med, t[0], t[runs - 1], (double)peak * 1024.0 / 1e6, runs);
    if (base[0]) printf(" %.5f %.5f %.5f %.5f", mcpu, mabove, mbase, mbcpu);
    printf("\n");
    free(t);
    return 0;
}
