/* Word output through pandoc: the document is rendered as HTML into a
 * temporary file and converted with `pandoc -f html -t docx` (program from
 * CPR_PANDOC, default "pandoc" on PATH; started with posix_spawnp, no
 * shell). The .docx goes to a cpr_outfile, so a failed conversion leaves
 * nothing half-written. Without pandoc: CPR_E_PANDOC and what to do. */
#include "cpr/outfile.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *pandoc_program(void)
{
    const char *p = getenv("CPR_PANDOC");
    return (p && *p) ? p : "pandoc";
}

static int run_pandoc(const char *in, const char *out, const char *target)
{
    const char *prog = pandoc_program();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    char *argv[] = {(char *)prog, (char *)"-f", (char *)"html", (char *)"-t", (char *)"docx",
                    (char *)"-o", (char *)out, (char *)in, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    int st = 0;
    if (rc == 0)
        while (waitpid(pid, &st, 0) < 0)
            if (errno != EINTR) return cpr_fail(CPR_E_PANDOC, "%s: lost pandoc: %s", target, strerror(errno));
    /* A failed exec shows either as posix_spawnp's error or, where spawn
     * forks first (older libcs, valgrind), as the child's exit status 127. */
    if (rc != 0 || (WIFEXITED(st) && WEXITSTATUS(st) == 127))
        return cpr_fail(CPR_E_PANDOC,
                        "%s: Word output needs pandoc, which could not be run ('%s': %s); install it "
                        "(`apt-get install pandoc`) or write --format html and open that file in Word",
                        target, prog, rc ? strerror(rc) : "exit status 127, not found");
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return cpr_fail(CPR_E_PANDOC, "%s: pandoc failed (%s %d) converting the table to .docx", target,
                        WIFEXITED(st) ? "exit status" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
    return CPR_OK;
}

int cpr_doc_write_docx(const cpr_doc *d, const char *path)
{
    const char *dir = getenv("TMPDIR");
    char *in = cpr_asprintf("%s/cpr-table-XXXXXX.html", dir && *dir ? dir : "/tmp");
    int fd = mkstemps(in, 5);
    if (fd < 0) {
        int rc = cpr_fail(CPR_E_WRITE, "%s: cannot create a temporary file for pandoc: %s", path, strerror(errno));
        free(in);
        return rc;
    }
    FILE *f = fdopen(fd, "w");
    int rc = f ? cpr_doc_render(f, d, CPR_FMT_HTML) : cpr_fail(CPR_E_WRITE, "%s: %s", in, strerror(errno));
    if (f && fclose(f) != 0 && rc == CPR_OK) rc = cpr_fail(CPR_E_WRITE, "%s: %s", in, strerror(errno));
    if (!f) close(fd);
    cpr_outfile *o = NULL;
    if (rc == CPR_OK) rc = cpr_outfile_open(path, &o);
    if (rc == CPR_OK) {
        /* pandoc writes the file by name; our stream stays empty and unused */
        rc = run_pandoc(in, cpr_outfile_temp_path(o), path);
        if (rc == CPR_OK) rc = cpr_outfile_commit(o);
        else cpr_outfile_abort(o);
    }
    unlink(in);
    free(in);
    return rc;
}
