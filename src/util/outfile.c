/* Atomic output files: temporary file beside the target, checked writes,
 * rename into place (see include/cpr/outfile.h). */
#include "cpr/outfile.h"
#include "cpr/cleanup.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cpr_outfile {
    char *path;   /* target */
    char *tmp;    /* temporary file; NULL when the target is written directly */
    FILE *fp;
};

/* "dir/.base.tmpXXXXXX" next to path. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return cpr_asprintf(".%s.tmpXXXXXX", path);
    return cpr_asprintf("%.*s/.%s.tmpXXXXXX", (int)(slash - path), path, slash + 1);
}

static mode_t file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return (mode_t)(0666 & ~mask);
}

int cpr_outfile_open(const char *path, cpr_outfile **out)
{
    *out = NULL;
    if (!path || !*path) return cpr_fail(CPR_E_WRITE, "empty output file name");
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return cpr_fail(CPR_E_WRITE, "%s: cannot write: is a directory", path);
    cpr_outfile *o = cpr_calloc(1, sizeof *o);
    o->path = cpr_strdup(path);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device or pipe: write in place, a rename would replace the node. */
        o->fp = fopen(path, "wb");
        if (!o->fp) {
            int e = errno;
            free(o->path);
            free(o);
            return cpr_fail(CPR_E_WRITE, "%s: cannot open for writing: %s", path, strerror(e));
        }
        *out = o;
        return CPR_OK;
    }
    o->tmp = temp_template(path);
    /* registered before it exists: SIGINT between mkstemp and here would
     * otherwise leave it behind (unlinking a name not yet created is harmless) */
    sigset_t old;
    cpr_cleanup_block(&old);
    int fd = mkstemp(o->tmp);
    if (fd >= 0) cpr_cleanup_add_file(o->tmp);
    cpr_cleanup_unblock(&old);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        free(o->path);
        free(o);
        return cpr_fail(CPR_E_WRITE, "%s: cannot create a temporary file beside it: %s", path, strerror(e));
    }
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    (void)fchmod(fd, file_mode());
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        cpr_cleanup_forget_file(o->tmp);
        free(o->tmp);
        free(o->path);
        free(o);
        return cpr_fail(CPR_E_WRITE, "%s: %s", path, strerror(e));
    }
    *out = o;
    return CPR_OK;
}

FILE *cpr_outfile_stream(cpr_outfile *o) { return o->fp; }

const char *cpr_outfile_temp_path(const cpr_outfile *o) { return o->tmp ? o->tmp : o->path; }

static void outfile_free(cpr_outfile *o)
{
    free(o->tmp);
    free(o->path);
    free(o);
}

int cpr_outfile_commit(cpr_outfile *o)
{
    int rc = CPR_OK, e = 0;
    errno = 0;
    if (fflush(o->fp) != 0 || ferror(o->fp)) e = errno ? errno : EIO;
    /* fsync is meaningless (EINVAL) on a device or pipe written in place. */
    if (!e && o->tmp && fsync(fileno(o->fp)) != 0) e = errno;
    if (fclose(o->fp) != 0 && !e) e = errno ? errno : EIO;
    if (e) rc = cpr_fail(CPR_E_WRITE, "%s: write error: %s", o->path, strerror(e));
    if (!rc && o->tmp && rename(o->tmp, o->path) != 0)
        rc = cpr_fail(CPR_E_WRITE, "%s: cannot rename the temporary file into place: %s", o->path, strerror(errno));
    if (rc && o->tmp) unlink(o->tmp);
    if (o->tmp) cpr_cleanup_forget_file(o->tmp);
    outfile_free(o);
    return rc;
}

void cpr_outfile_abort(cpr_outfile *o)
{
    if (!o) return;
    fclose(o->fp);
    if (o->tmp) { unlink(o->tmp); cpr_cleanup_forget_file(o->tmp); }
    outfile_free(o);
}

int cpr_outfile_write(const char *path, const void *data, size_t len)
{
    cpr_outfile *o;
    int rc = cpr_outfile_open(path, &o);
    if (rc) return rc;
    if (len && fwrite(data, 1, len, o->fp) != len) {
        int e = errno ? errno : EIO;
        cpr_outfile_abort(o);
        return cpr_fail(CPR_E_WRITE, "%s: write error: %s", path, strerror(e));
    }
    return cpr_outfile_commit(o);
}
