/* The document of `cpr-stats stat` (cpr/group_stat.h): one row per group,
 * then, for the machine formats, a summary over the groups and "value"
 * when there is one group. `run` and `reproduce` read the JSON by path
 * (rows[entity=BRA].value, summary.n, value), so its keys are fixed:
 * variable, function, by, rows [{entity, year, value, n, (slope:)
 * intercept, std_error, p_value, conf_low, conf_high, r, r2, (first..pct_change,
 * slope:) first_year, last_year, (not slope:) first, last}], summary {n,
 * mean, median, min, max, sum, n_pos, n_neg}, value. A row has "entity"
 * ("year") only when the groups are entities (years); the human formats
 * name the single group of --by all "all". */
#include "cpr/stat_doc.h"
#include "cpr/util.h"

#include <stdio.h>

enum { C_ENTITY, C_YEAR, C_VALUE, C_N, C_ICPT, C_SE, C_P, C_LO, C_HI, C_R, C_R2,
       C_FROM, C_TO, C_FIRST, C_LAST, C_NCOL };

static const cpr_doc_col all_cols[C_NCOL] = {
    {"entity", "entity", CPR_SHOW_ALL}, {"year", "year", CPR_SHOW_ALL},
    {"value", "value", CPR_SHOW_ALL}, {"n", "n", CPR_SHOW_ALL},
    {"intercept", "intercept", CPR_SHOW_ALL}, {"std_error", "std. error", CPR_SHOW_ALL},
    {"p_value", "p", CPR_SHOW_ALL}, {"conf_low", "95% low", CPR_SHOW_ALL},
    {"conf_high", "95% high", CPR_SHOW_ALL}, {"r", "r", CPR_SHOW_ALL}, {"r2", "r2", CPR_SHOW_ALL},
    {"first_year", "from", CPR_SHOW_ALL}, {"last_year", "to", CPR_SHOW_ALL},
    {"first", "first", CPR_SHOW_MACHINE}, {"last", "last", CPR_SHOW_MACHINE}};

static cpr_cell row_cell(int c, const cpr_stat_row *g)
{
    switch (c) {
    case C_ENTITY: return cpr_cell_text(g->entity ? g->entity : "all");
    case C_YEAR: return cpr_cell_num(g->year, CPR_NUM_INT);
    case C_VALUE: return cpr_cell_num(g->value, CPR_NUM_G8);
    case C_N: return cpr_cell_num((double)g->n, CPR_NUM_INT);
    case C_ICPT: return cpr_cell_num(g->intercept, CPR_NUM_G);
    case C_SE: return cpr_cell_num(g->se, CPR_NUM_G);
    case C_P: return cpr_cell_num(g->p, CPR_NUM_P);
    case C_LO: return cpr_cell_num(g->lo, CPR_NUM_G);
    case C_HI: return cpr_cell_num(g->hi, CPR_NUM_G);
    case C_R: return cpr_cell_num(g->r, CPR_NUM_G);
    case C_R2: return cpr_cell_num(g->r * g->r, CPR_NUM_G);
    case C_FROM: return cpr_cell_num(g->first_year, CPR_NUM_INT);
    case C_TO: return cpr_cell_num(g->last_year, CPR_NUM_INT);
    case C_FIRST: return cpr_cell_num(g->first, CPR_NUM_G8);
    default: return cpr_cell_num(g->last, CPR_NUM_G8);
    }
}

/* The columns this call has (in all_cols order); returns their number. */
static size_t pick_cols(cpr_stat_fn fn, const cpr_stat_row *g, size_t ng, int *pick, cpr_doc_col *cols)
{
    int has_entity = 0, has_year = 0;
    for (size_t i = 0; i < ng; i++) {
        has_entity |= g[i].entity != NULL;
        has_year |= g[i].has_year;
    }
    size_t n = 0;
    for (int c = 0; c < C_NCOL; c++) {
        int want = c == C_ENTITY || c == C_VALUE || c == C_N || (c == C_YEAR && has_year) ||
                   (c >= C_ICPT && c <= C_R2 && fn == CPR_STAT_SLOPE) ||
                   ((c == C_FROM || c == C_TO) && fn >= CPR_STAT_FIRST) ||
                   ((c == C_FIRST || c == C_LAST) && fn >= CPR_STAT_FIRST && fn != CPR_STAT_SLOPE);
        if (!want) continue;
        cols[n] = all_cols[c];
        /* groups that are not entities: the human formats still label the row */
        if (c == C_ENTITY && !has_entity) cols[n].show = CPR_SHOW_HUMAN;
        if (c == C_VALUE && fn == CPR_STAT_SLOPE) cols[n].label = "slope";
        pick[n++] = c;
    }
    return n;
}

static void add_summary(cpr_doc *d, const cpr_stat_row *g, size_t ng)
{
    cpr_stat_summary s;
    cpr_stat_summarize(g, ng, &s);
    cpr_doc_block *b = cpr_doc_add_entries(d, "summary", "Summary over the groups", CPR_SHOW_MACHINE);
    cpr_doc_entry_add(b, "n", NULL, CPR_SHOW_ALL, cpr_cell_num((double)s.n, CPR_NUM_INT));
    cpr_doc_entry_add(b, "mean", NULL, CPR_SHOW_ALL, cpr_cell_num(s.mean, CPR_NUM_G8));
    cpr_doc_entry_add(b, "median", NULL, CPR_SHOW_ALL, cpr_cell_num(s.median, CPR_NUM_G8));
    cpr_doc_entry_add(b, "min", NULL, CPR_SHOW_ALL, cpr_cell_num(s.min, CPR_NUM_G8));
    cpr_doc_entry_add(b, "max", NULL, CPR_SHOW_ALL, cpr_cell_num(s.max, CPR_NUM_G8));
    cpr_doc_entry_add(b, "sum", NULL, CPR_SHOW_ALL, cpr_cell_num(s.sum, CPR_NUM_G8));
    cpr_doc_entry_add(b, "n_pos", NULL, CPR_SHOW_ALL, cpr_cell_num((double)s.n_pos, CPR_NUM_INT));
    cpr_doc_entry_add(b, "n_neg", NULL, CPR_SHOW_ALL, cpr_cell_num((double)s.n_neg, CPR_NUM_INT));
    if (ng == 1) {
        b = cpr_doc_add_entries(d, NULL, NULL, CPR_SHOW_MACHINE);
        cpr_doc_entry_add(b, "value", NULL, CPR_SHOW_ALL, cpr_cell_num(g[0].value, CPR_NUM_G8));
    }
}

cpr_doc *cpr_stat_doc(const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g, size_t ng)
{
    char title[256];
    snprintf(title, sizeof title, "%s of %s", cpr_stat_fn_name(fn), var);
    cpr_doc *d = cpr_doc_alloc(title);
    cpr_doc_block *h = cpr_doc_add_entries(d, NULL, NULL, CPR_SHOW_MACHINE);
    cpr_doc_entry_add(h, "variable", NULL, CPR_SHOW_ALL, cpr_cell_text(var));
    cpr_doc_entry_add(h, "function", NULL, CPR_SHOW_ALL, cpr_cell_text(cpr_stat_fn_name(fn)));
    cpr_doc_entry_add(h, "by", NULL, CPR_SHOW_ALL, cpr_cell_text(fn == CPR_STAT_VALUE ? "none" : cpr_stat_by_name(by)));
    int pick[C_NCOL];
    cpr_doc_col cols[C_NCOL];
    size_t nc = pick_cols(fn, g, ng, pick, cols);
    cpr_doc_block *t = cpr_doc_add_table(d, "rows", NULL, CPR_SHOW_ALL, nc, cols);
    cpr_cell row[C_NCOL];
    for (size_t i = 0; i < ng; i++) {
        for (size_t j = 0; j < nc; j++) row[j] = row_cell(pick[j], &g[i]);
        cpr_doc_table_row(t, row);
    }
    add_summary(d, g, ng);
    return d;
}

int cpr_report_stat(FILE *out, const char *var, cpr_stat_fn fn, cpr_stat_by by, const cpr_stat_row *g,
                    size_t ng, cpr_format fmt)
{
    cpr_doc *d = cpr_stat_doc(var, fn, by, g, ng);
    int rc = cpr_doc_render(out, d, fmt);
    cpr_doc_free(d);
    return rc;
}
