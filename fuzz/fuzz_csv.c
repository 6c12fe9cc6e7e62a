/* libFuzzer harness for the loader (src/load/): the input is written to a
 * file and loaded with cpr_frame_load, as `--data FILE` does, so the World
 * Bank / SDMX reshaping, gzip input (seeds start with the gzip magic),
 * preamble/footer skipping, decimal commas and the Stata/SPSS readers are
 * covered along with the CSV reader. The first byte picks the options
 * (separator, --entity/--time, plain table, require a panel key, merge with
 * a second file split off at "\n@@\n", a read size of a few bytes so lines
 * straddle the loader's buffer pieces, or libcsv for every line instead of
 * the plain-line splitter; the low three bits all set also mean --decimal ,),
 * the rest is the file. Any crash, sanitizer report or leak is a bug; every
 * clean failure must carry a status code and a message. */
#include "cpr/util.h"
#include "cpr/frame.h"
#include "cpr/status.h"
#include "../src/load/load_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* as in main: GSL's aborting error handler is off, statuses are checked */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    cpr_gsl_guard_install();
    return 0;
}

static char path1[64], path2[64];

static void write_file(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (n && fwrite(p, 1, n, f) != n) abort();
    if (fclose(f) != 0) abort();
}

static void check_failure(int rc)
{
    /* A failure must have been recorded with a message. */
    if (rc != cpr_last_code() || cpr_last_error()[0] == '\0') abort();
}

static void exercise(const cpr_frame *f)
{
    int *times;
    size_t nt;
    if (cpr_frame_periods(f, &times, &nt) == CPR_OK) free(times);
    for (size_t j = 0; j < f->ncol; j++) {
        const double *v;
        if (cpr_frame_numeric(f, f->cols[j].name, &v) == CPR_OK && f->nrow) {
            volatile double s = 0;
            for (size_t i = 0; i < f->nrow; i++) s += v[i];
            (void)s;
        }
    }
    if (f->entity && f->nrow) (void)cpr_frame_row(f, f->entity[0], f->time[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path1[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(path1, sizeof path1, "%s/cprfz1.%ld.csv", dir ? dir : "/tmp", (long)getpid());
        snprintf(path2, sizeof path2, "%s/cprfz2.%ld.csv", dir ? dir : "/tmp", (long)getpid());
    }
    if (size < 1) return 0;
    unsigned flags = data[0];
    data++, size--;
    static const char seps[] = {0, ',', ';', '\t'};
    cpr_load_opts o = {0};
    o.sep = seps[flags & 3];
    if (flags & 4) o.no_key = 1;
    if (flags & 8) o.require_panel = 1;
    if (flags & 16) { o.entity = "id"; o.time = "t"; }
    if ((flags & 7) == 7) o.decimal = ',';
    o.quiet = 1;
    cpr_csv_set_chunk(flags & 64 ? 1 + size % 17 : 0);   /* 0: the default piece size */
    cpr_csv_force_libcsv(flags & 128 ? 1 : 0);

    size_t n1 = size;
    const uint8_t *second = NULL;
    size_t n2 = 0;
    if (flags & 32) {
        for (size_t i = 0; i + 4 <= size; i++)
            if (memcmp(data + i, "\n@@\n", 4) == 0) {
                n1 = i + 1;
                second = data + i + 4;
                n2 = size - i - 4;
                break;
            }
    }
    write_file(path1, data, n1);
    cpr_error_clear();
    cpr_frame *f = NULL;
    int rc;
    if (second) {
        write_file(path2, second, n2);
        const char *paths[2] = {path1, path2};
        rc = cpr_frame_read_many(paths, 2, &o, &f);
    } else {
        rc = cpr_frame_load(path1, &o, &f);
    }
    if (rc) {
        if (f) abort(); /* no partial frame on failure */
        check_failure(rc);
    } else {
        exercise(f);
        cpr_frame_free(f);
    }
    return 0;
}
