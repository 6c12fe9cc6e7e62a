/* Parsing a span of complete lines on several threads, with the same result
 * as the serial parse (csv_read.c), byte for byte and message for message.
 *
 * The span is cut at newlines into pieces. Each piece is checked as text and
 * parsed on its own (a worker thread) into a private state that starts as
 * a copy of the columns' types, with its own entity labels. The pieces are
 * then taken over in file order. A piece is taken over only when the serial
 * parse would have produced exactly what it holds:
 *   - every piece before it was taken over, so the parse really was at the
 *     start of a row where it starts (a quoted field spanning the cut
 *     leaves the piece before it unfinished);
 *   - it is valid text, it parsed without error, and it ends at the end of
 *     a row (libcsv idle);
 *   - a column whose type it decided agrees with the type decided by then.
 * At the first piece that fails any of these, the rest of the span is
 * checked and parsed serially, which gives the serial parse's result and
 * its first message. Worker threads never touch the caller's error slot
 * (cpr_threads_run runs tasks on threads of their own). */
#include "csv_parse.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int cpr_csv_span_serial(cpr_csv_run *run, const char *s, size_t n)
{
    size_t line = run->tline;
    int rc = cpr_text_check_span(run->path, s, n, &run->tline);
    if (rc) {
        if (run->ps->status && run->scope) {
            /* The text error is the one to report: redo it on a clean slot. */
            cpr_error_scope_reset(run->scope);
            rc = cpr_text_check_span(run->path, s, n, &line);
        }
        return rc;
    }
    if (!run->ps->status) cpr_csv_parse_span(run->ps, run->sp, s, n);
    return CPR_OK;
}

typedef struct {
    const char *s;
    size_t n;
    cpr_csv_state st;
    cpr_csv_splitter sp;
    int text_ok;
    size_t lines;       /* newlines in the piece */
    size_t row0, line0; /* where its rows and lines go in the whole */
    int *map;           /* its entity codes -> the whole's */
    size_t reserve;     /* rows to make room for when growing */
} piece;

typedef struct {
    const cpr_csv_state *ps;
    piece *pc;
} job;

/* Make p a fresh piece of ps. A piece kept from the last span keeps its
 * arrays (their pages are already mapped: page faults dominate otherwise). */
static void piece_init(piece *p, const cpr_csv_state *ps, char sep, int reuse)
{
    cpr_csv_state *st = &p->st;
    if (reuse) {
        cpr_strmap_free(&st->keys.labels);
        csv_free(&p->sp.p);
        for (size_t j = 0; j < ps->ncol; j++) {
            cpr_csv_col *c = &st->cols[j];
            c->typed = ps->cols[j].typed;
            if (c->text) /* cells of a piece not taken over */
                for (size_t i = 0; i < st->cap; i++) { free(c->text[i]); c->text[i] = NULL; }
            if (c->type == ps->cols[j].type) continue;
            c->type = ps->cols[j].type;
            free(c->num);
            c->num = NULL;
            if (c->text) for (size_t i = 0; i < st->cap; i++) free(c->text[i]);
            free(c->text);
            c->text = NULL;
            if (c->type == CPR_COL_NUM) c->num = cpr_malloc(st->cap * sizeof *c->num);
            else c->text = cpr_calloc(st->cap, sizeof *c->text);
        }
        cpr_csv_col *cols = st->cols;
        size_t cap = st->cap;
        cpr_keys keys = st->keys;
        cpr_strmap ind = st->indicators;
        size_t *off = p->sp.off, off_cap = p->sp.off_cap;
        memset(st, 0, sizeof *st);
        st->cols = cols;
        st->cap = cap;
        st->keys = keys;
        st->indicators = ind;
        memset(&p->sp, 0, sizeof p->sp);
        p->sp.off = off;
        p->sp.off_cap = off_cap;
    } else {
        memset(st, 0, sizeof *st);
        memset(&p->sp, 0, sizeof p->sp);
        cpr_strmap_init(&st->indicators);
        st->cols = cpr_calloc(ps->ncol, sizeof *st->cols);
        for (size_t j = 0; j < ps->ncol; j++) {
            st->cols[j].type = ps->cols[j].type;
            st->cols[j].typed = ps->cols[j].typed;
            if (st->cols[j].type == CPR_COL_NUM) st->cols[j].num = cpr_malloc(sizeof(double));
            else st->cols[j].text = cpr_calloc(1, sizeof(char *));
        }
    }
    st->path = ps->path;
    st->opts = ps->opts;
    st->header_done = 1;
    st->names = ps->names; /* read only: messages are never kept */
    st->ncol = ps->ncol;
    st->ent_col = ps->ent_col;
    st->time_col = ps->time_col;
    st->ind_col = st->val_col = -1;
    st->keys.nrow = 0;
    cpr_strmap_init(&st->keys.labels);
    if (!reuse) cpr_csv_grow_rows(st);
    csv_init(&p->sp.p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI);
    csv_set_delim(&p->sp.p, (unsigned char)sep);
    p->sp.idle_state = p->sp.p.pstate;
    p->sp.sep = sep;
    p->text_ok = 0;
    p->lines = 0;
}

/* Free what the piece still owns (text cells taken over are NULL). */
static void piece_free(piece *p)
{
    if (!p->st.cols) return; /* never used */
    cpr_csv_state *st = &p->st;
    for (size_t j = 0; j < st->ncol; j++) {
        free(st->cols[j].num);
        if (st->cols[j].text) {
            for (size_t i = 0; i < st->cap; i++) free(st->cols[j].text[i]);
            free(st->cols[j].text);
        }
    }
    free(st->cols);
    free(p->map);
    free(st->keys.entity);
    free(st->keys.time);
    free(st->keys.line);
    cpr_strmap_free(&st->keys.labels);
    cpr_strmap_free(&st->indicators);
    csv_free(&p->sp.p);
    free(p->sp.off);
}

static void piece_run(void *arg, size_t k)
{
    job *jb = arg;
    piece *p = &jb->pc[k];
    size_t line = 0;
    p->text_ok = cpr_text_check_span(jb->ps->path, p->s, p->n, &line) == CPR_OK;
    p->lines = line;
    if (p->text_ok) cpr_csv_parse_span(&p->st, &p->sp, p->s, p->n);
}

/* Would the serial parse have given what piece p holds, after the pieces
 * before it? (The column types are the only state that crosses pieces.) */
static int piece_fits(const cpr_csv_state *ps, const piece *p)
{
    const cpr_csv_state *st = &p->st;
    if (!p->text_ok || st->status || st->row_started || p->sp.p.pstate != p->sp.idle_state) return 0;
    for (size_t j = 0; j < ps->ncol; j++) {
        const cpr_csv_col *m = &ps->cols[j], *c = &st->cols[j];
        if (c->typed && m->typed && c->type != m->type) return 0;
    }
    return 1;
}

/* Taking piece p over, the serial part: the column types it decided, its
 * labels interned after those before it (so first-seen order is the
 * file's), its first row and first line in ps. The rows are copied later,
 * all pieces at once (piece_copy), into the room made here. */
static void piece_plan(cpr_csv_state *ps, piece *p)
{
    cpr_csv_state *st = &p->st;
    p->row0 = ps->nrow;
    p->line0 = ps->line;
    if (ps->cap < ps->nrow + st->nrow) cpr_csv_reserve_rows(ps, p->reserve);
    for (size_t j = 0; j < ps->ncol; j++) {
        cpr_csv_col *m = &ps->cols[j], *c = &st->cols[j];
        if (!m->typed && c->typed) {
            m->typed = 1;
            if (c->type == CPR_COL_TEXT) {
                /* earlier rows were all missing: no text, as value_field does */
                m->type = CPR_COL_TEXT;
                free(m->num);
                m->num = NULL;
                m->text = cpr_calloc(ps->cap, sizeof *m->text);
            }
        }
    }
    if (ps->ent_col >= 0) { /* labels of rows not kept count too, as in the serial parse */
        size_t ne = st->keys.labels.n;
        p->map = cpr_realloc(p->map, (ne ? ne : 1) * sizeof *p->map);
        for (size_t e = 0; e < ne; e++) {
            const char *lab = st->keys.labels.keys[e];
            p->map[e] = cpr_strmap_intern(&ps->keys.labels, lab, strlen(lab));
        }
        if (st->have_last_entity) {
            ps->last_entity = p->map[st->last_entity];
            ps->last_entity_len = st->last_entity_len;
            ps->have_last_entity = 1;
        }
    }
    ps->nrow += st->nrow;
    ps->line += st->line;
}

/* Taking piece p over, the parallel part: its rows into ps's arrays at
 * p->row0 (pieces write disjoint rows; ps is not resized meanwhile). */
static void piece_copy(const cpr_csv_state *ps, piece *p)
{
    cpr_csv_state *st = &p->st;
    size_t r0 = p->row0, n = st->nrow;
    for (size_t j = 0; j < ps->ncol; j++) {
        const cpr_csv_col *m = &ps->cols[j];
        cpr_csv_col *c = &st->cols[j];
        if (m->type == CPR_COL_NUM) {
            if (c->num) memcpy(m->num + r0, c->num, n * sizeof *m->num);
            else for (size_t i = 0; i < n; i++) m->num[r0 + i] = NAN;
        } else if (c->text) {
            memcpy(m->text + r0, c->text, n * sizeof *m->text);
            memset(c->text, 0, n * sizeof *c->text); /* moved */
        } /* else: missing cells under a text column: NULL already */
    }
    if (ps->ent_col >= 0) {
        for (size_t i = 0; i < n; i++) {
            ps->keys.entity[r0 + i] = p->map[st->keys.entity[i]];
            ps->keys.line[r0 + i] = st->keys.line[i] + p->line0;
        }
        memcpy(ps->keys.time + r0, st->keys.time, n * sizeof *ps->keys.time);
    }
}

static void piece_copy_task(void *arg, size_t k)
{
    job *jb = arg;
    piece_copy(jb->ps, &jb->pc[k]);
}
/* Starting threads costs tens of microseconds (far more under ASan or
 * valgrind); a span this small is parsed faster on this thread alone. The
 * pieces and their order are the same either way, and so is the result. */
enum { THREAD_MIN_BYTES = 64 << 10 };

static void run_tasks(size_t bytes, size_t ntasks, void (*fn)(void *, size_t), void *arg)
{
    if (bytes < THREAD_MIN_BYTES) {
        for (size_t k = 0; k < ntasks; k++) fn(arg, k);
        return;
    }
    cpr_threads_run(ntasks, fn, arg);
}


/* Pieces per thread: more than one evens out pieces of unequal cost. */
enum { PIECES_PER_THREAD = 2, MIN_PIECE = 1 << 18 };
static size_t min_piece = MIN_PIECE;

void cpr_csv_set_min_piece(size_t bytes) { min_piece = bytes ? bytes : MIN_PIECE; }

int cpr_csv_span_parallel(cpr_csv_run *run, const char *s, size_t n)
{
    cpr_csv_state *ps = run->ps;
    /* The header first, a line at a time (its row decides the columns). */
    while (n && !ps->header_done && !ps->status) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) + 1 : n;
        int rc = cpr_csv_span_serial(run, s, len);
        if (rc) return rc;
        s += len;
        n -= len;
    }
    size_t nt = (size_t)cpr_threads_get();
    size_t np = nt * PIECES_PER_THREAD;
    if (np > n / min_piece) np = n / min_piece;
    if (nt < 2 || np < 2 || !ps->header_done || ps->status || ps->is_long || run->sp->busy || run->sp->libcsv_only)
        return cpr_csv_span_serial(run, s, n);
    if (run->npieces < np) {
        run->pieces = cpr_realloc(run->pieces, np * sizeof(piece));
        memset((piece *)run->pieces + run->npieces, 0, (np - run->npieces) * sizeof(piece));
        run->npieces = np;
    }
    piece *pc = run->pieces;
    size_t at = 0;
    for (size_t k = 0; k < np; k++) {
        /* cut after the first newline at or past the k+1-th share */
        size_t cut = k + 1 == np ? n : (n / np) * (k + 1);
        if (cut < at) cut = at;
        if (cut < n) {
            const char *nl = memchr(s + cut, '\n', n - cut);
            cut = nl ? (size_t)(nl - s) + 1 : n;
        }
        pc[k].s = s + at;
        pc[k].n = cut - at;
        piece_init(&pc[k], ps, run->sp->sep, pc[k].st.cols != NULL);
        at = cut;
    }
    job jb = {ps, pc};
    /* A task run on this thread records its text errors in our slot: drop
     * them (the pieces keep their status and messages). */
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    run_tasks(n, np, piece_run, &jb);
    cpr_error_scope_end(&es);
    int rc = CPR_OK;
    size_t k = 0;
    /* Growing the columns by doubling copies them again and again (page
     * faults); project the rows of the whole file from the bytes so far. */
    size_t rows = ps->nrow, bytes = run->done_bytes;
    for (size_t i = 0; i < np; i++) { rows += pc[i].st.nrow; bytes += pc[i].n; }
    size_t want = rows + rows / 8 + 1024;
    if (run->file_bytes > bytes && bytes) want = (size_t)((double)rows * ((double)run->file_bytes / (double)bytes) * 1.03) + 1024;
    if (want < 2 * ps->cap) want = 2 * ps->cap;
    for (; k < np && piece_fits(ps, &pc[k]); k++) {
        size_t need = ps->nrow + pc[k].st.nrow;
        pc[k].reserve = need > want ? need + need / 2 : want;
        piece_plan(ps, &pc[k]);
        run->tline += pc[k].lines;
    }
    run_tasks(n, k, piece_copy_task, &jb);
    if (k < np) rc = cpr_csv_span_serial(run, pc[k].s, (size_t)(s + n - pc[k].s));
    run->done_bytes += n;
    return rc;
}

void cpr_csv_pieces_free(cpr_csv_run *run)
{
    piece *pc = run->pieces;
    for (size_t i = 0; i < run->npieces; i++) piece_free(&pc[i]);
    free(pc);
    run->pieces = NULL;
    run->npieces = 0;
}
