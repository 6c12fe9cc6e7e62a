/* CSV fields -> typed columns: the header names, the panel keys, numbers
 * and text, converted as libcsv (or the line splitter) hands each field
 * over, straight into contiguous per-column arrays. */
#include "csv_parse.h"
#include "../util/number_quick.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cpr_csv_fail_at(cpr_csv_state *ps, int code, const char *fmt, const char *a, const char *b)
{
    if (ps->status == CPR_OK) ps->status = cpr_fail(code, fmt, ps->path, ps->row_line, a, b);
    return ps->status;
}

static const char *col_name(const cpr_csv_state *ps, size_t j) { return j < ps->ncol ? ps->names[j] : "?"; }

static void header_field(cpr_csv_state *ps, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (ps->ncol == ps->names_cap) {
        ps->names_cap = ps->names_cap ? 2 * ps->names_cap : 16;
        ps->names = cpr_realloc(ps->names, ps->names_cap * sizeof *ps->names);
    }
    ps->names[ps->ncol] = len ? cpr_strndup(s, len) : cpr_asprintf("V%zu", ps->ncol + 1);
    ps->ncol++;
}

void cpr_csv_grow_rows(cpr_csv_state *ps)
{
    if (ps->borrowed) {
        if (!ps->status) ps->status = CPR_E_LIMIT;
        return;
    }
    /* Start with the rows the file probably holds (one room, no copies as
     * the columns grow), else 1024 rows, fewer for very wide files (8
     * bytes a cell). */
    size_t first = ps->rows_hint ? ps->rows_hint : ps->ncol > 64 ? (ps->ncol > 4096 ? 16 : 65536 / ps->ncol) : 1024;
    cpr_csv_reserve_rows(ps, ps->cap ? 2 * ps->cap : first);
}

void cpr_csv_reserve_rows(cpr_csv_state *ps, size_t cap)
{
    if (cap <= ps->cap) return;
    for (size_t j = 0; j < ps->ncol; j++) {
        cpr_csv_col *c = &ps->cols[j];
        if (c->num) c->num = cpr_realloc(c->num, cap * sizeof *c->num);
        if (c->text) {
            c->text = cpr_realloc(c->text, cap * sizeof *c->text);
            memset(c->text + ps->cap, 0, (cap - ps->cap) * sizeof *c->text);
        }
    }
    if (ps->ent_col >= 0) { /* a cross-section needs no keys */
        ps->keys.entity = cpr_realloc(ps->keys.entity, cap * sizeof(int));
        ps->keys.time = cpr_realloc(ps->keys.time, cap * sizeof(int));
    }
    if (ps->is_long) {
        ps->long_ind = cpr_realloc(ps->long_ind, cap * sizeof(int));
        ps->long_val = cpr_realloc(ps->long_val, cap * sizeof(double));
    }
    ps->cap = cap;
}

/* A plain year such as "2015" (up to 9 digits, optional sign), the common
 * time key; anything else goes through the general number parser. */
static int plain_int(const char *s, size_t len, int *out)
{
    size_t i = 0;
    int neg = 0;
    if (len && (s[0] == '-' || s[0] == '+')) { neg = s[0] == '-'; i = 1; }
    if (i == len || len - i > 9) return 0;
    int v = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9) return 0;
        v = v * 10 + (int)d;
    }
    *out = neg ? -v : v;
    return 1;
}

void cpr_csv_set_last_entity(cpr_csv_state *ps, int id, size_t len)
{
    ps->last_entity = id;
    ps->last_entity_len = len;
    ps->have_last_entity = 1;
    memset(ps->last_label, 0, sizeof ps->last_label);
    memcpy(ps->last_label, ps->keys.labels.keys[id], len < sizeof ps->last_label ? len : sizeof ps->last_label);
}

static void key_field(cpr_csv_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->time_col && plain_int(s, len, &ps->cur_time)) {
        ps->have_time = 1;
        return;
    }
    /* Rows of one entity usually come together: the last label first. */
    if ((long)j == ps->ent_col && ps->have_last_entity && len == ps->last_entity_len &&
        memcmp(ps->keys.labels.keys[ps->last_entity], s, len) == 0) {
        ps->cur_entity = ps->last_entity;
        ps->have_entity = 1;
        return;
    }
    if (cpr_is_missing_token(s, len)) {
        cpr_csv_fail_at(ps, CPR_E_NONNUMERIC, "%s:%zu: column '%s': the %s key is missing", col_name(ps, j),
                (long)j == ps->ent_col ? "entity" : "time");
        return;
    }
    if ((long)j == ps->ent_col) {
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\r')) len--;
        while (len && *s == ' ') { s++; len--; }
        /* Rows of one entity usually come together: check the last label first. */
        if (ps->have_last_entity) {
            const char *last = ps->keys.labels.keys[ps->last_entity];
            if (len == ps->last_entity_len && memcmp(last, s, len) == 0) {
                ps->cur_entity = ps->last_entity;
                ps->have_entity = 1;
                return;
            }
        }
        ps->cur_entity = cpr_strmap_intern(&ps->keys.labels, s, len);
        cpr_csv_set_last_entity(ps, ps->cur_entity, len);
        ps->have_entity = 1;
        return;
    }
    double v;
    int ok = cpr_number_quick(s, len, &v) ? 1 : cpr_parse_double(s, len, &v);
    if (ok != 1 || v != floor(v) || fabs(v) > 1e9) {
        char *cell = cpr_strndup(s, len > 40 ? 40 : len);
        cpr_csv_fail_at(ps, CPR_E_NONNUMERIC, "%s:%zu: column '%s': time value '%s' is not a whole number (e.g. a year)",
                col_name(ps, j), cell);
        free(cell);
        return;
    }
    ps->cur_time = (int)v;
    ps->have_time = 1;
}

static void value_field(cpr_csv_state *ps, size_t j, const char *s, size_t len)
{
    cpr_csv_col *c = &ps->cols[j];
    size_t r = ps->nrow;
    double v = NAN;
    /* a column not kept whose text needs no second look */
    if (cpr_csv_col_skipped(c) && c->typed && c->type == CPR_COL_TEXT && j != 0) return;
    /* Numbers are the common case: parse first, test for NA words only when
     * the cell is not a number. */
    int parsed = cpr_parse_double(s, len, &v);
    int missing = parsed == 0 && cpr_is_missing_token(s, len);
    if (!c->typed && !missing) {
        c->typed = 1;
        if (parsed == 0) {
            if (ps->borrowed) { /* the type of a shared column */
                if (!ps->status) ps->status = CPR_E_LIMIT;
                return;
            }
            /* First value is text: a label column. Back-fill earlier rows. */
            c->type = CPR_COL_TEXT;
            if (c->num) { /* a column not kept stays without arrays */
                free(c->num);
                c->num = NULL;
                c->text = cpr_calloc(ps->cap, sizeof *c->text);
            }
        }
    }
    if (c->type == CPR_COL_TEXT) {
        if (missing) return;
        if (c->text) c->text[r] = cpr_strndup(s, len);
        else if (j == 0) ps->skipped_text = r + 1; /* for the blank-line test in cpr_csv_on_row */
        return;
    }
    if (missing) { if (c->num) c->num[r] = NAN; return; }
    if (parsed != 1) {
        char *cell = cpr_strndup(s, len > 40 ? 40 : len);
        cpr_csv_fail_at(ps, CPR_E_NONNUMERIC,
                parsed < 0 ? "%s:%zu: column '%s': value '%s' is not finite (use NA for missing)"
                           : "%s:%zu: column '%s': '%s' is not a number (missing values: empty, NA, .., ., NaN, #N/A)",
                col_name(ps, j), cell);
        free(cell);
        return;
    }
    if (c->num) c->num[r] = v;
}

static void long_field(cpr_csv_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->ind_col) {
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\r')) len--;
        ps->cur_ind = cpr_strmap_intern(&ps->indicators, s, len);
    } else if ((long)j == ps->val_col) {
        ps->cur_val = NAN;
        if (cpr_is_missing_token(s, len)) return;
        int ok = cpr_parse_double(s, len, &ps->cur_val);
        if (ok != 1) {
            char *cell = cpr_strndup(s, len > 40 ? 40 : len);
            cpr_csv_fail_at(ps, CPR_E_NONNUMERIC, ok < 0 ? "%s:%zu: column '%s': value '%s' is not finite"
                                                 : "%s:%zu: column '%s': '%s' is not a number",
                    col_name(ps, j), cell);
            free(cell);
        }
    }
}

void cpr_csv_field_convert(cpr_csv_state *ps, size_t j, const char *s, size_t len)
{
    if ((long)j == ps->ent_col || (long)j == ps->time_col) { key_field(ps, j, s, len); return; }
    if (ps->is_long) { long_field(ps, j, s, len); return; }
    value_field(ps, j, s, len);
}

void cpr_csv_on_field(void *s, size_t len, void *data)
{
    cpr_csv_state *ps = data;
    if (ps->status) return;
    if (!ps->row_started) { ps->row_started = 1; ps->row_line = ps->line; }
    size_t j = ps->field++;
    if (!ps->header_done) { header_field(ps, s, len); return; }
    if (j >= ps->ncol) return; /* counted; reported at the end of the row */
    if (ps->nrow == ps->cap) {
        cpr_csv_grow_rows(ps);
        if (ps->status) return;
    }
    cpr_csv_field_convert(ps, j, s, len);
}

static int setup_columns(cpr_csv_state *ps);

void cpr_csv_on_row(int c, void *data)
{
    (void)c;
    cpr_csv_state *ps = data;
    if (ps->status) return;
    size_t nf = ps->field;
    ps->field = 0;
    ps->row_started = 0;
    if (!ps->header_done) {
        ps->header_done = 1;
        setup_columns(ps);
        return;
    }
    if (nf == 1 && ps->ncol > 1 && ps->nrow < ps->cap) {
        /* A line holding only blanks: libcsv gives one empty field. */
        int blank = ps->skipped_text != ps->nrow + 1;
        for (size_t j = 0; j < ps->ncol && blank; j++)
            if (ps->cols[j].type == CPR_COL_TEXT && ps->cols[j].text && ps->cols[j].text[ps->nrow]) blank = 0;
        if (blank) { for (size_t j = 0; j < ps->ncol; j++) if (ps->cols[j].text) { free(ps->cols[j].text[ps->nrow]); ps->cols[j].text[ps->nrow] = NULL; } ps->have_entity = ps->have_time = 0; return; }
    }
    if (nf != ps->ncol) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", nf);
        snprintf(b, sizeof b, "%zu", ps->ncol);
        cpr_csv_fail_at(ps, CPR_E_RAGGED, "%s:%zu: ragged row: %s fields, the header has %s", a, b);
        return;
    }
    size_t r = ps->nrow;
    if (ps->ent_col >= 0) {
        ps->keys.entity[r] = ps->cur_entity;
        ps->keys.time[r] = ps->cur_time;
        const cpr_keys *k = &ps->keys; /* the common case without a call: no new break */
        if (!k->nbrk || ps->row_line - r != k->brk_line[k->nbrk - 1] - k->brk_row[k->nbrk - 1])
            cpr_keys_note_line(&ps->keys, r, ps->row_line);
    }
    if (ps->is_long) {
        ps->long_ind[r] = ps->cur_ind;
        ps->long_val[r] = ps->cur_val;
    }
    ps->nrow++;
}

/* Which columns to keep when opts->want names some: NULL (all) when there
 * is no list, in the long layout (its columns are not variables), or when
 * a wanted name is not in the header (the command's message about it then
 * reads the whole header, as without a list). */
static unsigned char *wanted_columns(const cpr_csv_state *ps)
{
    const cpr_load_opts *o = ps->opts;
    if (!o || !o->want || ps->is_long) return NULL;
    cpr_strmap names;
    cpr_strmap_init(&names);
    for (size_t j = 0; j < ps->ncol; j++) cpr_strmap_intern(&names, ps->names[j], strlen(ps->names[j]));
    unsigned char *keep = cpr_calloc(ps->ncol ? ps->ncol : 1, 1);
    for (size_t w = 0; w < o->nwant && keep; w++) {
        int id = cpr_strmap_get(&names, o->want[w], strlen(o->want[w]));
        if (id < 0) { free(keep); keep = NULL; }
        else keep[id] = 1; /* the names are distinct (checked above), so ids are column numbers */
    }
    cpr_strmap_free(&names);
    return keep;
}

static int setup_columns(cpr_csv_state *ps)
{
    /* Duplicate names, found with a hash (a pairwise check is quadratic in
     * wide files); the message names the earliest column that is repeated. */
    {
        cpr_strmap seen;
        cpr_strmap_init(&seen);
        size_t *first = cpr_malloc((ps->ncol ? ps->ncol : 1) * sizeof *first), dup = ps->ncol;
        for (size_t b = 0; b < ps->ncol; b++) {
            size_t before = seen.n;
            int id = cpr_strmap_intern(&seen, ps->names[b], strlen(ps->names[b]));
            if (seen.n > before) first[id] = b;
            else if (first[id] < dup) dup = first[id];
        }
        cpr_strmap_free(&seen);
        free(first);
        if (dup < ps->ncol) {
            ps->row_line = 1;
            return cpr_csv_fail_at(ps, CPR_E_RAGGED, "%s:%zu: column name '%s' appears twice in the header%s", ps->names[dup], "");
        }
    }
    const cpr_load_opts *o = ps->opts;
    ps->ent_col = cpr_key_find_entity(ps->names, ps->ncol, o ? o->entity : NULL);
    ps->time_col = cpr_key_find_time(ps->names, ps->ncol, o ? o->time : NULL);
    const char *want[2] = {o ? o->entity : NULL, o ? o->time : NULL};
    long got[2] = {ps->ent_col, ps->time_col};
    for (int w = 0; w < 2; w++) {
        if (want[w] && got[w] < 0) {
            const char *hint = cpr_closest(want[w], (const char *const *)ps->names, ps->ncol);
            ps->row_line = 1;
            return cpr_csv_fail_at(ps, CPR_E_NOKEY, hint ? "%s:%zu: no column '%s' for the panel key; did you mean '%s'?"
                                               : "%s:%zu: no column '%s' for the panel key%s",
                           want[w], hint ? hint : "");
        }
    }
    if (o && o->no_key) ps->ent_col = ps->time_col = -1;
    if (ps->ent_col < 0 || ps->time_col < 0) {
        if (o && o->require_panel) {
            ps->row_line = 1;
            return cpr_csv_fail_at(ps, CPR_E_NOKEY,
                           "%s:%zu: no %s column found (looked for %s); name it with --entity/--time",
                           ps->ent_col < 0 ? "entity" : "time",
                           ps->ent_col < 0 ? "iso3, country, id, firm, entity, ..." : "year, time, period, date");
        }
        ps->ent_col = ps->time_col = -1; /* a cross-section */
    }
    ps->ind_col = ps->val_col = -1;
    if (ps->ent_col >= 0 && cpr_key_find_long(ps->names, ps->ncol, &ps->ind_col, &ps->val_col)) ps->is_long = 1;
    ps->cols = cpr_calloc(ps->ncol, sizeof *ps->cols);
    for (size_t j = 0; j < ps->ncol; j++) ps->cols[j].type = CPR_COL_NUM;
    ps->cap = 0;
    unsigned char *keep = wanted_columns(ps);
    for (size_t j = 0; j < ps->ncol; j++) /* the key columns go to the keys; columns not wanted get no array */
        if ((long)j != ps->ent_col && (long)j != ps->time_col && (!keep || keep[j])) ps->cols[j].num = cpr_malloc(sizeof(double));
    free(keep);
    cpr_csv_grow_rows(ps);
    return CPR_OK;
}

void cpr_csv_state_free(cpr_csv_state *ps)
{
    for (size_t j = 0; j < ps->ncol; j++) {
        if (ps->cols) {
            free(ps->cols[j].num);
            if (ps->cols[j].text) {
                for (size_t i = 0; i < ps->cap; i++) free(ps->cols[j].text[i]);
                free(ps->cols[j].text);
            }
        }
        free(ps->names[j]);
    }
    free(ps->cols);
    free(ps->names);
    free(ps->keys.entity);
    free(ps->keys.time);
    free(ps->keys.line);
    free(ps->keys.brk_row);
    free(ps->keys.brk_line);
    cpr_strmap_free(&ps->keys.labels);
    cpr_strmap_free(&ps->indicators);
    free(ps->long_ind);
    free(ps->long_val);
}
