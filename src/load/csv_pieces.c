/* Parsing a span of complete lines on several threads, with the same result
 * as the serial parse (csv_read.c), byte for byte and message for message.
 *
 * The span is cut at newlines into pieces. First every piece is checked as
 * text and its lines counted (in parallel): a piece of L lines holds at
 * most L + 1 rows, so it gets a room of that many rows in the whole
 * parse's arrays, rooms one after the other. Then every piece is parsed (in
 * parallel) straight into its room, with a private state that starts from
 * the columns' types and has its own entity labels. The pieces are then
 * taken over in file order: a room with fewer rows than lines (blank lines)
 * is closed up, the piece's labels are interned after those before it (so
 * first-seen order is the file's) and its entity codes renumbered (in
 * parallel). A piece is taken over only when the serial parse would have
 * produced exactly what it holds:
 *   - every piece before it was taken over, so the parse really was at the
 *     start of a row where it starts (a quoted field spanning the cut
 *     leaves the piece before it unfinished);
 *   - it is valid text, it parsed without error, and it ends at the end of
 *     a row (libcsv idle);
 *   - it neither had to decide that a column holds text nor ran out of room
 *     (bare carriage returns end rows too).
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
    size_t room0, room; /* its rows' place in the whole's arrays */
    size_t row0, line0; /* where its rows and lines go in the whole */
    int *map;           /* its entity codes -> the whole's */
    size_t map_cap;
    /* Rows [rec_row0, rec_row0 + rec_n) of the whole still hold this
     * piece's entity codes: renumbered with map among the next span's
     * checks (or before the columns are moved), not in a pass of its own. */
    size_t rec_row0, rec_n;
} piece;

typedef struct {
    const cpr_csv_state *ps;
    piece *pc;
    cpr_csv_run *run;
    size_t nrec;        /* piece_check: tasks [0, nrec) are pending recodes */
} job;

/* Piece k's pending renumbering of entity codes (see rec_n). */
static void piece_recode(const cpr_csv_state *ps, piece *p)
{
    if (!p->rec_n) return;
    int *e = ps->keys.entity + p->rec_row0;
    const int *map = p->map;
    for (size_t i = 0, n = p->rec_n; i < n; i++) e[i] = map[e[i]];
    p->rec_n = 0;
}

/* Make p a fresh piece of ps (the parse's arrays are lent later, in
 * piece_lend). A piece kept from the last span keeps its small arrays. */
static void piece_init(piece *p, const cpr_csv_state *ps, char sep)
{
    cpr_csv_state *st = &p->st;
    cpr_csv_col *cols = st->cols;
    cpr_keys keys = st->keys;
    size_t *off = p->sp.off, off_cap = p->sp.off_cap;
    if (cols) {
        cpr_strmap_free(&keys.labels);
        cpr_strmap_free(&st->indicators);
        csv_free(&p->sp.p);
    } else {
        cols = cpr_calloc(ps->ncol ? ps->ncol : 1, sizeof *cols);
    }
    memset(st, 0, sizeof *st);
    memset(&p->sp, 0, sizeof p->sp);
    st->cols = cols;
    st->keys.brk_row = keys.brk_row;
    st->keys.brk_line = keys.brk_line;
    st->keys.brk_cap = keys.brk_cap;
    cpr_strmap_init(&st->keys.labels);
    cpr_strmap_init(&st->indicators);
    p->sp.off = off;
    p->sp.off_cap = off_cap;
    st->path = ps->path;
    st->opts = ps->opts;
    st->header_done = 1;
    st->borrowed = 1;
    st->names = ps->names; /* read only: messages are never kept */
    st->ncol = ps->ncol;
    st->ent_col = ps->ent_col;
    st->time_col = ps->time_col;
    st->ind_col = st->val_col = -1;
    for (size_t j = 0; j < ps->ncol; j++) {
        st->cols[j].type = ps->cols[j].type;
        st->cols[j].typed = ps->cols[j].typed;
        st->cols[j].num = NULL;
        st->cols[j].text = NULL;
    }
    csv_init(&p->sp.p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI);
    csv_set_delim(&p->sp.p, (unsigned char)sep);
    p->sp.idle_state = p->sp.p.pstate;
    p->sp.sep = sep;
    p->text_ok = 0;
    p->lines = 0;
    p->room = 0;
}

/* Lend the piece its room: rows [room0, room0 + room) of ps's arrays. */
static void piece_lend(piece *p, const cpr_csv_state *ps)
{
    cpr_csv_state *st = &p->st;
    for (size_t j = 0; j < ps->ncol; j++) {
        const cpr_csv_col *m = &ps->cols[j];
        st->cols[j].num = m->num ? m->num + p->room0 : NULL;
        st->cols[j].text = m->text ? m->text + p->room0 : NULL;
    }
    if (ps->ent_col >= 0) {
        st->keys.entity = ps->keys.entity + p->room0;
        st->keys.time = ps->keys.time + p->room0;
    }
    st->cap = p->room;
}

/* Free what the piece owns (never the lent arrays). */
static void piece_free(piece *p)
{
    if (!p->st.cols) return; /* never used */
    cpr_csv_state *st = &p->st;
    free(st->cols);
    free(p->map);
    free(st->keys.brk_row);
    free(st->keys.brk_line);
    cpr_strmap_free(&st->keys.labels);
    cpr_strmap_free(&st->indicators);
    csv_free(&p->sp.p);
    free(p->sp.off);
}

static void piece_check(void *arg, size_t k)
{
    job *jb = arg;
    if (k < jb->nrec) {
        piece_recode(jb->ps, &jb->pc[k]);
        return;
    }
    k -= jb->nrec;
    piece *p = &jb->pc[k];
    size_t line = 0;
    p->text_ok = cpr_text_check_span(jb->ps->path, p->s, p->n, &line) == CPR_OK;
    p->lines = line;
}

/* Task 0 is the run's side work (the next read), if any; then the pieces. */
static void piece_parse(void *arg, size_t k)
{
    job *jb = arg;
    if (jb->run->side) {
        if (k == 0) {
            jb->run->side(jb->run->side_arg);
            jb->run->side_done = 1;
            return;
        }
        k--;
    }
    piece *p = &jb->pc[k];
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

/* Rows [from, from + n) of every array of ps moved down to row `to`; the
 * text cells left behind are cleared (they are copies now). */
static void rows_move(cpr_csv_state *ps, size_t to, size_t from, size_t n)
{
    for (size_t j = 0; j < ps->ncol; j++) {
        cpr_csv_col *m = &ps->cols[j];
        if (m->num) memmove(m->num + to, m->num + from, n * sizeof *m->num);
        if (m->text) {
            memmove(m->text + to, m->text + from, n * sizeof *m->text);
            size_t lo = to + n > from ? to + n : from;
            for (size_t i = lo; i < from + n; i++) m->text[i] = NULL;
        }
    }
    if (ps->ent_col >= 0) {
        memmove(ps->keys.entity + to, ps->keys.entity + from, n * sizeof *ps->keys.entity);
        memmove(ps->keys.time + to, ps->keys.time + from, n * sizeof *ps->keys.time);
    }
}

/* Taking piece p over, the serial part: its rows closed up to the end of
 * the rows so far, the column types it decided, its labels interned after
 * those before it, its line breaks. Its entity codes are renumbered later
 * (piece_recode, beside the next span's checks). */
static void piece_plan(cpr_csv_state *ps, piece *p)
{
    cpr_csv_state *st = &p->st;
    p->row0 = ps->nrow;
    p->line0 = ps->line;
    if (p->room0 != ps->nrow) rows_move(ps, ps->nrow, p->room0, st->nrow);
    for (size_t j = 0; j < ps->ncol; j++)
        if (!ps->cols[j].typed && st->cols[j].typed) ps->cols[j].typed = 1; /* numbers: text stops the piece */
    if (ps->ent_col >= 0) { /* labels of rows not kept count too, as in the serial parse */
        size_t ne = st->keys.labels.n;
        if (ne > p->map_cap) {
            p->map_cap = ne;
            p->map = cpr_realloc(p->map, ne * sizeof *p->map);
        }
        for (size_t e = 0; e < ne; e++) {
            const char *lab = st->keys.labels.keys[e];
            p->map[e] = cpr_strmap_intern(&ps->keys.labels, lab, strlen(lab));
        }
        if (st->have_last_entity) cpr_csv_set_last_entity(ps, p->map[st->last_entity], st->last_entity_len);
        for (size_t b = 0; b < st->keys.nbrk; b++)
            cpr_keys_note_line(&ps->keys, p->row0 + st->keys.brk_row[b], p->line0 + st->keys.brk_line[b]);
        p->rec_row0 = p->row0;
        p->rec_n = st->nrow;
    }
    ps->nrow += st->nrow;
    ps->line += st->line;
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
enum { PIECES_PER_THREAD = 8, MIN_PIECE = 1 << 18 };
static size_t min_piece = MIN_PIECE;

void cpr_csv_set_min_piece(size_t bytes) { min_piece = bytes ? bytes : MIN_PIECE; }

/* Room in ps for `need` rows: reserved once for the whole file, projected
 * from the lines per byte seen so far (growing by doubling would copy or
 * move the columns again and again). */
static void reserve_rooms(cpr_csv_run *run, size_t need, size_t span_lines, size_t span_bytes)
{
    cpr_csv_state *ps = run->ps;
    if (need <= ps->cap) return;
    size_t want = need + need / 8 + 1024;
    size_t lines = ps->nrow + span_lines, bytes = run->done_bytes + span_bytes;
    if (run->file_bytes > bytes && bytes) {
        size_t proj = (size_t)((double)lines * ((double)run->file_bytes / (double)bytes) * 1.05) + 4096;
        if (proj > want) want = proj;
    }
    if (want < ps->cap + ps->cap / 2) want = ps->cap + ps->cap / 2;
    cpr_csv_reserve_rows(ps, want);
}

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
        piece_init(&pc[k], ps, run->sp->sep);
        at = cut;
    }
    /* The last span's renumbering (pieces from its count on) runs beside
     * the checks: a pass of its own cost a start of the threads per span. */
    size_t nrec = run->npieces;
    job jb = {ps, pc, run, nrec};
    /* A task run on this thread records its text errors in our slot: drop
     * them (the pieces keep their status and messages). */
    cpr_error_scope es;
    cpr_error_scope_begin(&es);
    run_tasks(n, nrec + np, piece_check, &jb);
    jb.nrec = 0;
    /* Rooms, up to the first piece that is not text (parsed serially). */
    size_t nparse = 0, rows = ps->nrow, lines = 0;
    while (nparse < np && pc[nparse].text_ok) {
        pc[nparse].room0 = rows;
        /* a row per line, one more for a last line without its '\n' (end
         * of file): rooms then follow one another with no gap to close */
        pc[nparse].room = pc[nparse].lines + (pc[nparse].n && pc[nparse].s[pc[nparse].n - 1] != '\n');
        rows += pc[nparse].room;
        lines += pc[nparse].lines;
        nparse++;
    }
    reserve_rooms(run, rows, lines, n);
    for (size_t k = 0; k < nparse; k++) piece_lend(&pc[k], ps);
    run_tasks(n, nparse + (run->side != NULL), piece_parse, &jb);
    cpr_error_scope_end(&es);
    size_t k = 0;
    for (; k < nparse && piece_fits(ps, &pc[k]); k++) {
        piece_plan(ps, &pc[k]);
        run->tline += pc[k].lines;
    }
    int rc = CPR_OK;
    if (k < np) {
        /* Text cells the pieces from k on wrote are not kept. */
        for (size_t j = 0; j < ps->ncol; j++) {
            char **t = ps->cols[j].text;
            if (t)
                for (size_t i = ps->nrow; i < rows; i++) { free(t[i]); t[i] = NULL; }
        }
        rc = cpr_csv_span_serial(run, pc[k].s, (size_t)(s + n - pc[k].s));
    }
    return rc;
}

void cpr_csv_pieces_free(cpr_csv_run *run)
{
    piece *pc = run->pieces;
    if (pc && run->ps) { /* the last span's renumbering */
        job jb = {run->ps, pc, run, run->npieces};
        size_t rows = 0;
        for (size_t i = 0; i < run->npieces; i++) rows += pc[i].rec_n;
        run_tasks(rows * sizeof(int), run->npieces, piece_check, &jb);
    }
    for (size_t i = 0; i < run->npieces; i++) piece_free(&pc[i]);
    free(pc);
    run->pieces = NULL;
    run->npieces = 0;
}
