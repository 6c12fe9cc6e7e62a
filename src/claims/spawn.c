/* Run one cpr-stats command as a child (posix_spawn, no shell, so quoting in
 * the batch file means exactly what it says) and capture both streams. */
#include "cpr/claims.h"
#include "cpr/cleanup.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <signal.h>
#include <poll.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct { char *buf; size_t n, cap; } sink;

static int drain(int fd, sink *s)
{
    if (s->n + 4096 + 1 > s->cap) {
        s->cap = 2 * (s->n + 4096 + 1);
        s->buf = cpr_realloc(s->buf, s->cap);
    }
    ssize_t got = read(fd, s->buf + s->n, s->cap - s->n - 1);
    if (got > 0) s->n += (size_t)got;
    s->buf[s->n] = '\0';
    return got > 0 || (got < 0 && errno == EINTR);
}

int cpr_spawn_capture(char *const argv[], char **out, size_t *outlen, char **err, int *status)
{
    int po[2], pe[2];
    if (pipe(po)) return cpr_fail(CPR_E_INTERNAL, "pipe: %s", strerror(errno));
    if (pipe(pe)) { close(po[0]); close(po[1]); return cpr_fail(CPR_E_INTERNAL, "pipe: %s", strerror(errno)); }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    posix_spawn_file_actions_addclose(&fa, po[0]);
    posix_spawn_file_actions_addclose(&fa, pe[0]);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", 0, 0);
    /* the child is registered before a stop signal can be handled, so
     * SIGTERM to us reaches it too; it starts with our usual mask */
    sigset_t old;
    cpr_cleanup_block(&old);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, &old);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, &attr, argv, environ);
    if (rc == 0) cpr_cleanup_add_child(pid);
    cpr_cleanup_unblock(&old);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    close(po[1]);
    close(pe[1]);
    if (rc) {
        close(po[0]);
        close(pe[0]);
        return cpr_fail(CPR_E_INTERNAL, "cannot run %s: %s", argv[0], strerror(rc));
    }
    sink so = {0}, se = {0};
    so.buf = cpr_calloc(1, 1);
    se.buf = cpr_calloc(1, 1);
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    int open_n = 2;
    while (open_n > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            if (!drain(fds[i].fd, i == 0 ? &so : &se)) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_n--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0) close(fds[i].fd);
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {}
    cpr_cleanup_forget_child(pid);
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
    *out = so.buf;
    if (outlen) *outlen = so.n;
    *err = se.buf;
    return 0;
}
