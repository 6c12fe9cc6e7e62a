/* The document of `cpr-stats describe`: the data file and its panel layout
 * as header fields (a sentence each for the human formats, one number per
 * key for the machine ones), a table "variables" with a row per column (n,
 * first and last period with a value, min, mean, max; machine formats add
 * its type) and the labels the file gave its columns. JSON keys: data,
 * layout, n_rows, (panel:) entity, n_entities, time, n_periods,
 * first_period, last_period, balance, min_periods_per_entity,
 * max_periods_per_entity; variables [{variable, type, n, first, last, min,
 * mean, max}]; labels {name: label}. */
#include "cpr/frame_summary.h"
#include "cpr/report.h"
#include "cpr/threads.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int wanted(const char *name, const char *const *vars, size_t nvars)
{
    if (nvars == 0) return 1;
    for (size_t i = 0; i < nvars; i++)
        if (strcmp(vars[i], name) == 0) return 1;
    return 0;
}

static void entry_int(cpr_doc_block *b, const char *key, double v)
{
    cpr_doc_entry_add(b, key, NULL, CPR_SHOW_MACHINE, cpr_cell_num(v, CPR_NUM_INT));
}

static void add_layout(cpr_doc *d, const cpr_frame *f, const cpr_panel_summary *ps)
{
    cpr_doc_block *h = cpr_doc_add_entries(d, NULL, NULL, CPR_SHOW_ALL);
    cpr_doc_entry_add(h, "data", "Data", CPR_SHOW_ALL, cpr_cell_text(f->source));
    char buf[512];
    if (!f->entity) {
        snprintf(buf, sizeof buf, "cross-section (no entity/time columns found), %zu rows", f->nrow);
        cpr_doc_entry_add(h, "layout_note", "Layout", CPR_SHOW_HUMAN, cpr_cell_text(buf));
        cpr_doc_entry_add(h, "layout", NULL, CPR_SHOW_MACHINE, cpr_cell_text("cross-section"));
        entry_int(h, "n_rows", (double)f->nrow);
        return;
    }
    cpr_panel_summary p = *ps;
    snprintf(buf, sizeof buf, "%zu entities (%s), %zu periods (%s %d-%d), %zu rows", p.n_entities,
             f->entity_name, p.n_periods, f->time_name, p.first_period, p.last_period, p.nrow);
    cpr_doc_entry_add(h, "panel", "Panel", CPR_SHOW_HUMAN, cpr_cell_text(buf));
    snprintf(buf, sizeof buf, "%s; periods per entity: min %zu, max %zu", p.balanced ? "balanced" : "unbalanced",
             p.min_per_entity, p.max_per_entity);
    cpr_doc_entry_add(h, "balance_note", "Balance", CPR_SHOW_HUMAN, cpr_cell_text(buf));
    cpr_doc_entry_add(h, "layout", NULL, CPR_SHOW_MACHINE, cpr_cell_text("panel"));
    entry_int(h, "n_rows", (double)p.nrow);
    cpr_doc_entry_add(h, "entity", NULL, CPR_SHOW_MACHINE, cpr_cell_text(f->entity_name));
    entry_int(h, "n_entities", (double)p.n_entities);
    cpr_doc_entry_add(h, "time", NULL, CPR_SHOW_MACHINE, cpr_cell_text(f->time_name));
    entry_int(h, "n_periods", (double)p.n_periods);
    cpr_doc_entry_add(h, "first_period", NULL, CPR_SHOW_MACHINE,
                      p.n_periods ? cpr_cell_num(p.first_period, CPR_NUM_INT) : cpr_cell_na());
    cpr_doc_entry_add(h, "last_period", NULL, CPR_SHOW_MACHINE,
                      p.n_periods ? cpr_cell_num(p.last_period, CPR_NUM_INT) : cpr_cell_na());
    cpr_doc_entry_add(h, "balance", NULL, CPR_SHOW_MACHINE, cpr_cell_text(p.balanced ? "balanced" : "unbalanced"));
    entry_int(h, "min_periods_per_entity", (double)p.min_per_entity);
    entry_int(h, "max_periods_per_entity", (double)p.max_per_entity);
}

/* Columns: a text variable shows "(text)" under min in the human formats
 * and null in the machine ones, hence a min column for each. */
enum { V_NAME, V_TYPE, V_N, V_FIRST, V_LAST, V_MIN_H, V_MIN, V_MEAN, V_MAX, V_NCOL };

static const cpr_doc_col var_cols[V_NCOL] = {
    {"variable", "variable", CPR_SHOW_ALL}, {"type", "type", CPR_SHOW_MACHINE}, {"n", "n", CPR_SHOW_ALL},
    {"first", "first", CPR_SHOW_ALL}, {"last", "last", CPR_SHOW_ALL}, {"min", "min", CPR_SHOW_HUMAN},
    {"min", "min", CPR_SHOW_MACHINE}, {"mean", "mean", CPR_SHOW_ALL}, {"max", "max", CPR_SHOW_ALL}};

static void var_row(const cpr_column *c, const cpr_column_summary *s, cpr_cell *row)
{
    row[V_NAME] = cpr_cell_text(c->name);
    row[V_TYPE] = cpr_cell_text(s->is_text ? "text" : "numeric");
    row[V_N] = cpr_cell_num((double)s->n, CPR_NUM_INT);
    row[V_FIRST] = s->has_periods ? cpr_cell_num(s->first, CPR_NUM_INT) : cpr_cell_empty();
    row[V_LAST] = s->has_periods ? cpr_cell_num(s->last, CPR_NUM_INT) : cpr_cell_empty();
    if (s->is_text) {
        row[V_MIN_H] = cpr_cell_text("(text)");
        row[V_MIN] = row[V_MEAN] = row[V_MAX] = cpr_cell_empty();
        return;
    }
    row[V_MIN_H] = cpr_cell_num(s->min, CPR_NUM_G);
    row[V_MIN] = cpr_cell_num(s->min, CPR_NUM_G);
    row[V_MEAN] = cpr_cell_num(s->mean, CPR_NUM_G);
    row[V_MAX] = cpr_cell_num(s->max, CPR_NUM_G);
}

static void add_variables(cpr_doc *d, const cpr_frame *f, const size_t *idx, const cpr_column_summary *sum, size_t n)
{
    /* a cross-section has no periods: no first/last columns */
    cpr_doc_col cols[V_NCOL];
    int pick[V_NCOL];
    size_t nc = 0;
    for (int k = 0; k < V_NCOL; k++) {
        if ((k == V_FIRST || k == V_LAST) && !f->time) continue;
        pick[nc] = k;
        cols[nc++] = var_cols[k];
    }
    cpr_doc_block *t = cpr_doc_add_table(d, "variables", NULL, CPR_SHOW_ALL, nc, cols);
    for (size_t q = 0; q < n; q++) {
        cpr_cell all[V_NCOL], row[V_NCOL];
        var_row(&f->cols[idx[q]], &sum[q], all);
        for (int k = 0; k < V_NCOL; k++) {
            size_t at = 0;
            while (at < nc && pick[at] != k) at++;
            if (at < nc) row[at] = all[k];
            else free(all[k].text);
        }
        cpr_doc_table_row(t, row);
    }
}

/* Labels that came with the file (series names, Stata/SPSS variable labels). */
static void add_labels(cpr_doc *d, const cpr_frame *f, const char *const *vars, size_t nvars)
{
    cpr_doc_block *lines = NULL;
    for (size_t j = 0; j < f->ncol; j++) {
        const cpr_column *c = &f->cols[j];
        if (!c->label || !wanted(c->name, vars, nvars)) continue;
        if (!lines) lines = cpr_doc_add_lines(d, "label_lines", "Labels (from the file):", CPR_SHOW_HUMAN);
        cpr_doc_line_add(lines, "  %-20s %s", c->name, c->label);
    }
    if (!lines) return;
    cpr_doc_block *b = cpr_doc_add_entries(d, "labels", "Labels (from the file)", CPR_SHOW_MACHINE);
    for (size_t j = 0; j < f->ncol; j++) {
        const cpr_column *c = &f->cols[j];
        if (c->label && wanted(c->name, vars, nvars))
            cpr_doc_entry_add(b, c->name, NULL, CPR_SHOW_ALL, cpr_cell_text(c->label));
    }
}

/* The numbers: the panel's summary and each column's are separate tasks,
 * on the threads for a large frame (each task's numbers are the same on
 * any thread, so the output is too). */
typedef struct {
    const cpr_frame *f;
    const size_t *idx;
    cpr_column_summary *sum;
    cpr_panel_summary panel;
} summary_job;

/* Task 0 is the panel's (when f is a panel), the rest one column each. */
static void summary_task(void *arg, size_t k)
{
    summary_job *j = arg;
    if (j->f->entity) {
        if (k == 0) {
            cpr_panel_summarize(j->f, &j->panel);
            return;
        }
        k--;
    }
    cpr_column_summarize(j->f, j->idx[k], &j->sum[k]);
}

enum { SUMMARY_THREAD_MIN_ROWS = 1 << 16 }; /* below, a thread costs more than it saves */

cpr_doc *cpr_describe_doc(const cpr_frame *f, const char *const *vars, size_t nvars)
{
    size_t *idx = cpr_malloc((f->ncol ? f->ncol : 1) * sizeof *idx), n = 0;
    for (size_t j = 0; j < f->ncol; j++)
        if (wanted(f->cols[j].name, vars, nvars)) idx[n++] = j;
    summary_job job = {f, idx, cpr_malloc((n ? n : 1) * sizeof(cpr_column_summary)), {0}};
    size_t ntask = n + (f->entity != NULL);
    if (f->nrow >= SUMMARY_THREAD_MIN_ROWS) cpr_threads_run(ntask, summary_task, &job);
    else
        for (size_t k = 0; k < ntask; k++) summary_task(&job, k);
    cpr_doc *d = cpr_doc_alloc(NULL);
    add_layout(d, f, &job.panel);
    add_variables(d, f, idx, job.sum, n);
    add_labels(d, f, vars, nvars);
    free(job.sum);
    free(idx);
    return d;
}
