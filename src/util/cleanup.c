/* Signal-time cleanup: temporary files and children (include/cpr/cleanup.h).
 * The handler only reads fixed arrays and calls unlink, kill, sigaction and
 * raise, all async-signal-safe. */
#include "cpr/cleanup.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILES 64
#define MAX_CHILDREN 16

static char files[MAX_FILES][PATH_MAX];
static volatile sig_atomic_t file_used[MAX_FILES];
static volatile pid_t children[MAX_CHILDREN];

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define NSTOP (sizeof stop_signals / sizeof *stop_signals)

static void on_stop(int sig)
{
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (children[i] > 0) kill(children[i], sig);
    for (int i = 0; i < MAX_FILES; i++)
        if (file_used[i]) unlink(files[i]);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    raise(sig);
}

void cpr_cleanup_install(void)
{
    for (size_t i = 0; i < NSTOP; i++) {
        struct sigaction old, sa;
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_stop;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < NSTOP; j++) sigaddset(&sa.sa_mask, stop_signals[j]);
        sigaction(stop_signals[i], &sa, NULL);
    }
}

void cpr_cleanup_block(sigset_t *old)
{
    sigset_t s;
    sigemptyset(&s);
    for (size_t j = 0; j < NSTOP; j++) sigaddset(&s, stop_signals[j]);
    sigprocmask(SIG_BLOCK, &s, old);
}

void cpr_cleanup_unblock(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void cpr_cleanup_add_file(const char *path)
{
    if (!path || strlen(path) >= PATH_MAX) return;
    sigset_t old;
    cpr_cleanup_block(&old);
    for (int i = 0; i < MAX_FILES; i++)
        if (!file_used[i]) {
            memcpy(files[i], path, strlen(path) + 1);
            file_used[i] = 1;
            break;
        }
    cpr_cleanup_unblock(&old);
}

void cpr_cleanup_forget_file(const char *path)
{
    if (!path) return;
    sigset_t old;
    cpr_cleanup_block(&old);
    for (int i = 0; i < MAX_FILES; i++)
        if (file_used[i] && strcmp(files[i], path) == 0) { file_used[i] = 0; break; }
    cpr_cleanup_unblock(&old);
}

void cpr_cleanup_add_child(pid_t pid)
{
    sigset_t old;
    cpr_cleanup_block(&old);
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (children[i] <= 0) { children[i] = pid; break; }
    cpr_cleanup_unblock(&old);
}

void cpr_cleanup_forget_child(pid_t pid)
{
    sigset_t old;
    cpr_cleanup_block(&old);
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (children[i] == pid) { children[i] = 0; break; }
    cpr_cleanup_unblock(&old);
}
