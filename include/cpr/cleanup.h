/* What to undo when cpr-stats is stopped by SIGINT, SIGTERM or SIGHUP:
 * temporary output files are unlinked and child processes (batch commands,
 * gnuplot) get the same signal, from an async-signal-safe handler; then the
 * signal is re-raised with its default action, so the exit status still says
 * "killed by SIGTERM". The registries are small fixed arrays (no allocation
 * in the handler); registering blocks those signals for the moment it takes. */
#ifndef CPR_CLEANUP_H
#define CPR_CLEANUP_H

#include <signal.h>
#include <sys/types.h>

/* Install the handlers (once, from main). A signal that was ignored when
 * the program started (nohup, background jobs) stays ignored. */
void cpr_cleanup_install(void);

/* Remove `path` if the process is stopped before cpr_cleanup_forget_file.
 * Paths longer than PATH_MAX or beyond the registry's size are not tracked. */
void cpr_cleanup_add_file(const char *path);
void cpr_cleanup_forget_file(const char *path);

/* Signal `pid` when the process is stopped, until cpr_cleanup_forget_child. */
void cpr_cleanup_add_child(pid_t pid);
void cpr_cleanup_forget_child(pid_t pid);

/* Block / restore the stop signals around a spawn and its registration;
 * `old` receives the mask to restore (and to give the child). */
void cpr_cleanup_block(sigset_t *old);
void cpr_cleanup_unblock(const sigset_t *old);

#endif
