/* Running gnuplot and writing files atomically.
 *
 * gnuplot is started with posix_spawnp (program from CPR_GNUPLOT, default
 * "gnuplot" on PATH), LC_ALL=C in its environment, the script on stdin and
 * stderr captured through a pipe; stdin and stderr are serviced together
 * with poll() so a chatty gnuplot cannot deadlock us. SIGPIPE is ignored
 * while we write (gnuplot may die early) and restored afterwards.
 * Images go to a cpr_outfile (a mkstemp file in the destination directory)
 * and are renamed into place only after gnuplot exits 0 and the file is
 * fsync'ed (include/cpr/outfile.h). */
#include "plot_internal.h"

#include "cpr/cleanup.h"
#include "cpr/outfile.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define ERR_KEEP 4096 /* bytes of gnuplot's stderr kept for the message */

/* Seconds gnuplot may run per figure: CPR_GNUPLOT_TIMEOUT (set by the
 * commands' --gnuplot-timeout, inherited by `reproduce`'s children), else
 * CPR_GNUPLOT_TIMEOUT_DEFAULT. */
double cpr_plot_gnuplot_timeout(void)
{
    const char *t = getenv("CPR_GNUPLOT_TIMEOUT");
    double v;
    if (t && cpr_parse_double(t, strlen(t), &v) == 1 && v > 0) return v;
    return CPR_GNUPLOT_TIMEOUT_DEFAULT;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Milliseconds to the deadline for poll(), at least 0. */
static int ms_left(double deadline)
{
    double left = deadline - now_s();
    if (left <= 0) return 0;
    return left > 1e6 ? 1000000000 : (int)(left * 1000) + 1;
}

static const char *gnuplot_program(void)
{
    const char *p = getenv("CPR_GNUPLOT");
    return (p && *p) ? p : "gnuplot";
}

/* environ with every LC_ALL entry replaced by LC_ALL=C. */
static char **child_environment(void)
{
    size_t n = 0;
    while (environ && environ[n]) n++;
    char **env = cpr_calloc(n + 2, sizeof *env);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "LC_ALL=", 7) != 0) env[m++] = environ[i];
    env[m++] = (char *)"LC_ALL=C";
    env[m] = NULL;
    return env;
}

/* gnuplot's stderr on one line for the message: whitespace runs (the caret
 * line under an error) collapsed to one space. */
static void tidy_stderr(char *s)
{
    size_t j = 0;
    int space = 1; /* drops leading blanks too */
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            if (!space) s[j++] = ' ';
            space = 1;
        } else {
            s[j++] = c;
            space = 0;
        }
    }
    while (j && s[j - 1] == ' ') j--;
    s[j] = '\0';
}

static int fail_missing(const char *prog, int err)
{
    return cpr_fail(CPR_E_GNUPLOT,
                    "gnuplot not found: cannot run '%s' (%s); install it with "
                    "`apt-get install gnuplot-nox` or set CPR_GNUPLOT to the gnuplot program",
                    prog, strerror(err));
}

/* Both ends close-on-exec: the child only gets what the file actions dup2. */
static int pipe_cloexec(int fd[2])
{
    if (pipe(fd) != 0) return -1;
    fcntl(fd[0], F_SETFD, FD_CLOEXEC);
    fcntl(fd[1], F_SETFD, FD_CLOEXEC);
    return 0;
}

/* out_path (may be NULL) only names the figure in the messages. */
static int run_gnuplot(const char *script, size_t len, const char *out_path)
{
    const char *for_ = out_path ? " drawing " : "";
    if (!out_path) out_path = "";
    const char *prog = gnuplot_program();
    int in[2] = {-1, -1}, er[2] = {-1, -1};
    if (pipe_cloexec(in) != 0 || pipe_cloexec(er) != 0) {
        int e = errno;
        if (in[0] >= 0) { close(in[0]); close(in[1]); }
        return cpr_fail(CPR_E_GNUPLOT, "cannot create pipes for gnuplot: %s", strerror(e));
    }

    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, er[1], 2);
    posix_spawnattr_init(&attr);
    sigset_t defsig;
    sigemptyset(&defsig);
    sigaddset(&defsig, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defsig);
    /* registered as our child before a stop signal can be handled */
    sigset_t oldmask;
    cpr_cleanup_block(&oldmask);
    posix_spawnattr_setsigmask(&attr, &oldmask);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    char **env = child_environment();
    char *argv[] = {(char *)prog, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, &attr, argv, env);
    if (rc == 0) cpr_cleanup_add_child(pid);
    cpr_cleanup_unblock(&oldmask);
    free(env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(in[0]);
    close(er[1]);
    if (rc != 0) {
        close(in[1]);
        close(er[0]);
        return fail_missing(prog, rc);
    }

    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);

    fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
    char errbuf[ERR_KEEP + 1];
    size_t errlen = 0, off = 0;
    int write_fd = in[1], read_fd = er[0], broken_pipe = 0, timed_out = 0;
    double limit = cpr_plot_gnuplot_timeout(), deadline = now_s() + limit;
    if (len == 0) { close(write_fd); write_fd = -1; }
    while ((write_fd >= 0 || read_fd >= 0) && !timed_out) {
        struct pollfd p[2];
        nfds_t np = 0;
        if (read_fd >= 0) { p[np].fd = read_fd; p[np].events = POLLIN; p[np].revents = 0; np++; }
        if (write_fd >= 0) { p[np].fd = write_fd; p[np].events = POLLOUT; p[np].revents = 0; np++; }
        int pr = poll(p, np, ms_left(deadline));
        if (pr < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (pr == 0) { timed_out = 1; break; }
        for (nfds_t i = 0; i < np; i++) {
            if (p[i].fd == read_fd && (p[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                char chunk[1024];
                ssize_t got = read(read_fd, chunk, sizeof chunk);
                if (got > 0) {
                    size_t take = (size_t)got;
                    if (take > ERR_KEEP - errlen) take = ERR_KEEP - errlen;
                    memcpy(errbuf + errlen, chunk, take);
                    errlen += take;
                } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                    close(read_fd);
                    read_fd = -1;
                }
            } else if (p[i].fd == write_fd && (p[i].revents & (POLLOUT | POLLERR | POLLHUP))) {
                ssize_t put = write(write_fd, script + off, len - off);
                if (put > 0) off += (size_t)put;
                else if (put < 0 && errno != EINTR && errno != EAGAIN) {
                    if (errno == EPIPE) broken_pipe = 1;
                    off = len;
                }
                if (off >= len) { close(write_fd); write_fd = -1; }
            }
        }
    }
    if (write_fd >= 0) close(write_fd);
    if (read_fd >= 0) close(read_fd);
    sigaction(SIGPIPE, &old, NULL);

    /* gnuplot may also hang after closing its pipes: poll for its exit
     * until the deadline, then kill it */
    int status = 0;
    for (;;) {
        pid_t w = timed_out ? 0 : waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (w < 0 && errno != EINTR) {
            cpr_cleanup_forget_child(pid);
            return cpr_fail(CPR_E_GNUPLOT, "waiting for gnuplot: %s", strerror(errno));
        }
        if (timed_out || now_s() >= deadline) {
            timed_out = 1;
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
            break;
        }
        struct timespec nap = {0, 5000000};   /* 5 ms */
        nanosleep(&nap, NULL);
    }
    cpr_cleanup_forget_child(pid);
    errbuf[errlen] = '\0';
    if (timed_out)
        return cpr_fail(CPR_E_GNUPLOT, "gnuplot (%s)%s%s did not finish within %g s and was stopped "
                        "(--gnuplot-timeout, CPR_GNUPLOT_TIMEOUT)", prog, for_, out_path, limit);
    tidy_stderr(errbuf);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && errlen == 0)
        return fail_missing(prog, ENOENT);
    if (WIFSIGNALED(status))
        return cpr_fail(CPR_E_GNUPLOT, "gnuplot (%s)%s%s was killed by signal %d%s%s", prog,
                        for_, out_path, WTERMSIG(status), errlen ? ": " : "", errbuf);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return cpr_fail(CPR_E_GNUPLOT, "gnuplot (%s)%s%s failed with exit status %d%s: %s", prog,
                        for_, out_path, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                        broken_pipe ? " (it stopped reading the script)" : "",
                        errlen ? errbuf : "no message");
    return CPR_OK;
}

int cpr_plot_gnuplot_run(const char *script, size_t len)
{
    return run_gnuplot(script, len, NULL);
}

int cpr_plot_write_atomic(const char *path, const char *data, size_t len)
{
    return cpr_outfile_write(path, data, len);
}

char *cpr_plot_script_with_output(const char *script, const char *path)
{
    const char *at = strstr(script, CPR_PLOT_OUTPUT_PLACEHOLDER);
    if (!at) return NULL;
    cpr_plotbuf b = {0};
    size_t head = (size_t)(at - script);
    char *prefix = cpr_strndup(script, head);
    cpr_plotbuf_puts(&b, prefix);
    free(prefix);
    cpr_plotbuf_puts(&b, "set output ");
    cpr_plotbuf_quoted(&b, path);
    cpr_plotbuf_puts(&b, "\n");
    cpr_plotbuf_puts(&b, at + strlen(CPR_PLOT_OUTPUT_PLACEHOLDER));
    return b.s;
}

/* Does the file end as a complete figure of its format? gnuplot ignores
 * write errors (a full disk, a file-size limit) and exits 0 with a truncated
 * image: PNG must end with its IEND chunk, SVG with </svg>, PDF with %%EOF
 * (trailing white space allowed for the last two). */
static int figure_complete(int fd, const char *out_path)
{
    cpr_plot_format fmt;
    cpr_error_scope es;   /* a format we do not know: nothing to check */
    cpr_error_scope_begin(&es);
    int known = cpr_plot_format_from_path(out_path, &fmt) == CPR_OK;
    cpr_error_scope_end(&es);
    if (!known) return 1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 1;   /* a device: nothing to check */
    char tail[64];
    size_t want = st.st_size < (off_t)sizeof tail ? (size_t)st.st_size : sizeof tail;
    ssize_t got = pread(fd, tail, want, st.st_size - (off_t)want);
    if (got != (ssize_t)want) return 0;
    size_t n = want;
    if (fmt == CPR_PLOT_PNG) {
        static const unsigned char iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
        return n >= 12 && memcmp(tail + n - 12, iend, 12) == 0;
    }
    while (n && (tail[n - 1] == '\n' || tail[n - 1] == '\r' || tail[n - 1] == ' ' || tail[n - 1] == '\t')) n--;
    const char *end = fmt == CPR_PLOT_SVG ? "</svg>" : "%%EOF";
    size_t el = strlen(end);
    return n >= el && memcmp(tail + n - el, end, el) == 0;
}

int cpr_plot_render_atomic(const char *script, const char *out_path)
{
    if (!strstr(script, CPR_PLOT_OUTPUT_PLACEHOLDER))
        return cpr_fail(CPR_E_INTERNAL, "plot script has no output placeholder line");
    cpr_outfile *o;
    int rc = cpr_outfile_open(out_path, &o);
    if (rc) return rc;
    char *full = cpr_plot_script_with_output(script, cpr_outfile_temp_path(o));
    rc = run_gnuplot(full, strlen(full), out_path);
    free(full);
    if (rc == CPR_OK) {
        struct stat st;
        if (fstat(fileno(cpr_outfile_stream(o)), &st) != 0 || (S_ISREG(st.st_mode) && st.st_size == 0))
            rc = cpr_fail(CPR_E_GNUPLOT, "gnuplot (%s) exited normally but wrote nothing to %s",
                          gnuplot_program(), out_path);
        else if (!figure_complete(fileno(cpr_outfile_stream(o)), out_path))
            rc = cpr_fail(CPR_E_WRITE, "%s: the figure gnuplot wrote is incomplete (disk full or file size "
                          "limit?); the previous file is left as it was", out_path);
    }
    if (rc != CPR_OK) {
        cpr_outfile_abort(o);
        return rc;
    }
    return cpr_outfile_commit(o);
}

int cpr_plot_finish(cpr_plotbuf *b, const char *out_path, const cpr_plot_opts *opts)
{
    int rc = CPR_OK;
    if (opts && opts->script_path) {
        char *saved = cpr_plot_script_with_output(b->s, out_path);
        rc = cpr_plot_write_atomic(opts->script_path, saved, strlen(saved));
        free(saved);
    }
    if (rc == CPR_OK && !(opts && opts->script_only)) rc = cpr_plot_render_atomic(b->s, out_path);
    cpr_plotbuf_free(b);
    return rc;
}
