/* CSV -> cpr_frame: the entry point. Opens the file, reads it through one
 * large buffer, checks each span of complete lines as text and hands it to
 * the splitter (csv_split.c), whose field events fill the columns
 * (csv_fields.c); the columns then go into the frame (csv_layout.c). */
#include "csv_parse.h"
#include "cpr/progress.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- reading: a large buffer, plain lines split here, the rest by libcsv ----
 *
 * The file is read in CHUNK pieces. Every complete physical line is checked
 * as text (cpr_text_check_span) and then parsed. A line without a quote and
 * without a carriage return other than the one of a CRLF ending is split
 * right here: each field (with the blanks libcsv trims from unquoted fields
 * trimmed) goes to cpr_csv_on_field and the line ends with cpr_csv_on_row, exactly the
 * events libcsv would give. Lines with quotes, stray carriage returns, the
 * lines of a field that spans lines and a last line without a newline go to
 * libcsv, one physical line at a time as before. Memory is one buffer (as
 * large as the longest line, at least CHUNK) plus the columns. */

/* PAR_CHUNK: bytes read at a time per thread when parsing in parallel. */
enum { CHUNK = 1 << 20, PAR_CHUNK = 8 << 20, PAD = 16 };

static int force_libcsv = -1; /* -1: not decided yet (CPR_CSV_LIBCSV) */
static size_t chunk_size = CHUNK;

void cpr_csv_force_libcsv(int on) { force_libcsv = on; }
/* At least 4 bytes: the first read must see a whole BOM. */
void cpr_csv_set_chunk(size_t bytes) { chunk_size = bytes == 0 ? CHUNK : bytes < 4 ? 4 : bytes; }

static int use_libcsv_only(void)
{
    if (force_libcsv < 0) {
        const char *e = getenv("CPR_CSV_LIBCSV");
        force_libcsv = e && *e && strcmp(e, "0") != 0;
    }
    return force_libcsv;
}

typedef struct {
    FILE *fp;
    char *buf;
    size_t cap, len;
    int eof, err;
} reader;

/* The parse's side task: fill the next buffer (its PAD is set after). */
static void read_ahead(void *arg)
{
    reader *r = arg;
    while (!r->eof && r->len < r->cap) {
        size_t got = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
        r->len += got;
        if (got == 0) {
            r->eof = 1;
            r->err = ferror(r->fp);
        }
    }
}

static void reader_fill(reader *r)
{
    read_ahead(r);
    memset(r->buf + r->len, 0, PAD); /* fast_line reads 8 or 16 bytes at a time */
}

/* Where the header line ends (just after its first newline outside quotes),
 * or 0 when the text read so far holds no such newline. */
static size_t header_end(const char *s, size_t n)
{
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') quoted = !quoted;
        else if (s[i] == '\n' && !quoted) return i + 1;
    }
    return 0;
}

/* The first n bytes of a line (line run->tline) that has no newline yet: a
 * text error in them, or a line of CPR_CSV_LINE_MAX bytes, fails at once
 * rather than after reading a binary or newline-less file whole. Either
 * replaces an earlier parse error, as text errors do. */
static int partial_line(cpr_csv_run *run, const char *s, size_t n)
{
    size_t cut = n; /* leave out a UTF-8 sequence the next read may complete */
    for (size_t i = 1; i <= 3 && i <= n; i++)
        if ((unsigned char)s[n - i] >= 0xC0) { cut = n - i; break; }
    int replace = run->ps && run->ps->status && run->scope;
    size_t line = run->tline;
    int rc = cpr_text_check_span(run->path, s, cut, &line);
    if (rc) {
        if (!replace) return rc;
        cpr_error_scope_reset(run->scope);
        line = run->tline;
        return cpr_text_check_span(run->path, s, cut, &line);
    }
    if (n < CPR_CSV_LINE_MAX) return CPR_OK;
    if (replace) cpr_error_scope_reset(run->scope);
    return cpr_fail(CPR_E_LIMIT, "%s:%zu: line of %d MiB or more without a line break: the limit for one line; "
                    "is this a CSV table?", run->path, run->tline, CPR_CSV_LINE_MAX >> 20);
}

/* Room for the rows of the whole file, projected from the rows per byte so
 * far, made once: growing the columns by doubling moves them (mremap) again
 * and again, and on this kind of virtual machine every page moved is slow
 * to touch again (a 10^7-row describe spent a fifth of its time there). The
 * room not used is given back at the end (cpr_wide_move). */
static void reserve_projected(cpr_csv_run *run)
{
    cpr_csv_state *ps = run->ps;
    if (!ps->header_done || ps->status || !ps->cols || !ps->nrow || run->file_bytes <= run->done_bytes) return;
    double est = (double)ps->nrow * ((double)run->file_bytes / (double)run->done_bytes);
    if (est + 1024 > (double)ps->cap) cpr_csv_reserve_rows(ps, (size_t)(est * 1.05) + 4096);
}

/* Bytes left in a regular file from fp's position, else 0 (a pipe, a
 * decoding stream). */
static size_t file_left(FILE *fp)
{
    struct stat st;
    if (fp == stdin || fileno(fp) < 0 || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    off_t at = ftello(fp);
    return at >= 0 && st.st_size > at ? (size_t)(st.st_size - at) : 0;
}

/* The rows of a file of `left` bytes, projected from the newlines in the
 * first (up to) 256 KiB read, with 5% to spare: the columns' first room. */
static size_t rows_hint(const char *s, size_t n, size_t left)
{
    size_t m = n < (256 << 10) ? n : 256 << 10, lines = 0;
    if (!left || !m) return 0;
    for (const char *p = s, *e = s + m; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) lines++;
    double est = (double)(lines + 1) * ((double)left / (double)m) * 1.05 + 16;
    return est < 1e9 ? (size_t)est : 0;
}

static int read_error(const char *path, cpr_error_scope *replace)
{
    if (replace) cpr_error_scope_reset(replace);
    return cpr_fail(CPR_E_OPEN, "%s: read error", path);
}

int cpr_frame_read_csv(const char *path, const cpr_load_opts *opts, cpr_frame **out)
{
    *out = NULL;
    FILE *fp;
    int rc = cpr_text_open(path, &fp);
    if (rc) return rc;
    rc = cpr_csv_read_stream(path, fp, 1, opts, out);
    if (fp != stdin) fclose(fp);
    return rc;
}

static int read_stream(const char *path, FILE *fp, size_t first_line, const cpr_load_opts *opts, cpr_frame **out,
                       cpr_error_scope *es);

/* A file over 100 MB shows its progress by bytes (terminal only); *bytes
 * = the size of a regular file, else 0. */
static cpr_progress *read_progress(const char *path, FILE *fp, size_t *bytes)
{
    struct stat st;
    *bytes = fp != stdin && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    if (*bytes <= 100000000) return NULL;
    const char *base = strrchr(path, '/');
    char *what = cpr_asprintf("reading %s (MB)", base ? base + 1 : path);
    cpr_progress *prog = cpr_progress_start(what, (size_t)(st.st_size / 1000000));
    free(what);
    return prog;
}

/* After the last span (rc = how reading went): flush libcsv, check that a
 * header and rows came, and move the columns into a new frame. Frees the
 * splitter and the state. */
static int read_finish(const char *path, size_t first_line, int rc, cpr_csv_splitter *sp, cpr_csv_state *ps,
                       cpr_frame **out)
{
    if (!rc) {
        rc = ps->status;
        if (!rc && csv_fini(&sp->p, cpr_csv_on_field, cpr_csv_on_row, ps) != 0) {
            ps->row_line = ps->line;
            rc = cpr_csv_fail_at(ps, CPR_E_RAGGED, "%s:%zu: malformed CSV at end of file (%s)%s", csv_strerror(csv_error(&sp->p)), "");
        }
        if (!rc) rc = ps->status;
    }
    csv_free(&sp->p);
    free(sp->off);
    free(sp);
    if (!rc && !ps->header_done) rc = cpr_fail(CPR_E_EMPTY, "%s: empty file (no header row)", path);
    if (!rc && ps->nrow == 0) rc = cpr_fail(CPR_E_NODATA, "%s:%zu: header row only, no data rows", path, first_line + 1);
    cpr_frame *f = NULL;
    if (!rc) {
        f = cpr_frame_alloc();
        f->source = cpr_strdup(path);
        rc = ps->is_long ? cpr_long_pivot(f, ps) : cpr_wide_move(f, ps);
    }
    cpr_csv_state_free(ps);
    if (rc) { cpr_frame_free(f); return rc; }
    *out = f;
    return CPR_OK;
}


/* A text or read error found after a parse error replaces it (the whole
 * file used to be checked before parsing): the read has a scope of its own. */
int cpr_csv_read_stream(const char *path, FILE *fp, size_t first_line, const cpr_load_opts *opts, cpr_frame **out)
{
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    return cpr_error_scope_return(&es, read_stream(path, fp, first_line, opts, out, &es));
}

static int read_stream(const char *path, FILE *fp, size_t first_line, const cpr_load_opts *opts, cpr_frame **out,
                       cpr_error_scope *es)
{
    *out = NULL;
    int rc = CPR_OK;
    /* A file that fits in one read is read whole into a buffer of its size
     * (every page of a fresh buffer costs a fault); the first read of a
     * larger one is CHUNK bytes, so a file that is not text is refused
     * early. */
    size_t left = file_left(fp), cap = chunk_size;
    int par_read = !use_libcsv_only() && cpr_threads_get() > 1;
    if (chunk_size == CHUNK && left && left < (par_read ? PAR_CHUNK * (size_t)cpr_threads_get() : 2 * CHUNK))
        cap = left + 1; /* + 1: the read that ends the file sees its end */
    reader r = {fp, cpr_malloc(cap + PAD), cap, 0, 0, 0};
    reader_fill(&r);
    size_t start = r.len >= 3 && memcmp(r.buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    /* Enough text for the separator guess: the whole header line. */
    while (!r.err && !r.eof && !header_end(r.buf + start, r.len - start)) {
        cpr_csv_run hr = {path, NULL, NULL, first_line, NULL, 0, 0, NULL, 0, NULL, NULL, 0};
        if ((rc = partial_line(&hr, r.buf + start, r.len - start)) != CPR_OK) {
            free(r.buf);
            return rc;
        }
        r.cap *= 2;
        r.buf = cpr_realloc(r.buf, r.cap + PAD);
        reader_fill(&r);
    }
    if (r.err) {
        free(r.buf);
        return read_error(path, NULL);
    }
    if (r.eof && r.len == start) {
        free(r.buf);
        return cpr_fail(CPR_E_EMPTY, "%s: empty file", path);
    }

    cpr_csv_splitter *sp = cpr_calloc(1, sizeof *sp);
    if (csv_init(&sp->p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        free(r.buf);
        free(sp);
        return cpr_fail(CPR_E_NOMEM, "out of memory");
    }
    cpr_text head = {r.buf, r.len, start};
    char sep = opts && opts->sep ? opts->sep : cpr_text_guess_sep(&head);
    csv_set_delim(&sp->p, (unsigned char)sep);
    sp->idle_state = sp->p.pstate;
    sp->libcsv_only = use_libcsv_only();
    sp->sep = sep;

    cpr_csv_state ps;
    memset(&ps, 0, sizeof ps);
    ps.path = path;
    ps.opts = opts;
    ps.ent_col = ps.time_col = ps.ind_col = ps.val_col = -1;
    ps.line = first_line;
    cpr_strmap_init(&ps.keys.labels);
    cpr_strmap_init(&ps.indicators);
    ps.rows_hint = rows_hint(r.buf + start, r.len - start, left);

    size_t prog_bytes = 0;
    cpr_progress *prog = read_progress(path, fp, &prog_bytes);
    size_t nread = r.len;
    size_t pos = start;
    cpr_csv_run run = {path, &ps, sp, first_line, es, prog_bytes, 0, NULL, 0, NULL, NULL, 0};
    int par = !sp->libcsv_only && cpr_threads_get() > 1;
    /* Widen the buffer for the threads only when the file goes on past the
     * first read: a small file is already whole, and growing every load to
     * PAR_CHUNK per thread costs more than parsing it (slow under ASan). */
    if (par && chunk_size == CHUNK && !r.eof && r.cap < PAR_CHUNK * (size_t)cpr_threads_get()) {
        r.cap = PAR_CHUNK * (size_t)cpr_threads_get();
        r.buf = cpr_realloc(r.buf, r.cap + PAD);
        size_t before = r.len;
        reader_fill(&r);
        nread += r.len - before;
    }
    /* With threads, the next read goes into a second buffer while the
     * span is parsed (one of the parse's tasks), so no core waits for it. */
    reader next = {fp, NULL, 0, 0, 0, 0};
    for (;;) {
        size_t end = r.len;
        if (!r.eof) {
            end = r.len;
            while (end > pos && r.buf[end - 1] != '\n') end--;
        }
        int ahead = par && !r.eof && end > pos && r.len - end < r.cap / 2;
        if (ahead) {
            if (next.cap < r.cap) {
                next.cap = r.cap;
                next.buf = cpr_realloc(next.buf, next.cap + PAD);
            }
            next.len = r.len - end; /* the unfinished line goes first */
            memcpy(next.buf, r.buf + end, next.len);
            run.side = read_ahead;
            run.side_arg = &next;
            run.side_done = 0;
        }
        if (end > pos) {
            rc = par ? cpr_csv_span_parallel(&run, r.buf + pos, end - pos) : cpr_csv_span_serial(&run, r.buf + pos, end - pos);
            run.side = NULL;
            if (rc) break; /* not text: stop reading (issue 14: no need to read a binary file whole) */
            run.done_bytes += end - pos;
            reserve_projected(&run);
        }
        if (ahead) {
            size_t before = next.len;
            if (!run.side_done) reader_fill(&next); /* the parse ran without its tasks */
            else memset(next.buf + next.len, 0, PAD);
            nread += next.len - before;
            reader t = r;
            r = next;
            next = t;
            pos = 0;
            cpr_progress_update(prog, nread / 1000000);
            if (r.err) { rc = read_error(path, es); break; }
            continue;
        }
        pos = end;
        if (r.eof) break;
        size_t rest = r.len - pos;
        memmove(r.buf, r.buf + pos, rest);
        r.len = rest;
        pos = 0;
        if (rest == r.cap) {
            /* One line fills the buffer: refuse it now if it is not text or too long. */
            if ((rc = partial_line(&run, r.buf, rest)) != CPR_OK) break;
            r.cap *= 2;
            r.buf = cpr_realloc(r.buf, r.cap + PAD);
        }
        size_t before = r.len;
        reader_fill(&r);
        nread += r.len - before;
        cpr_progress_update(prog, nread / 1000000);
        if (r.err) { rc = read_error(path, es); break; }
    }
    cpr_progress_finish(prog);
    cpr_csv_pieces_free(&run);
    free(r.buf);
    free(next.buf);
    return read_finish(path, first_line, rc, sp, &ps, out);
}
