/* cpr_result -> document: header fields, coefficient table with stars and
 * confidence interval, fit statistics, tests and notes. Human-only and
 * machine-only items let one description serve every format (e.g. the
 * "[95% CI]" text column for people, conf_low/conf_high for programs). */
#include "cpr/report.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *stars(double p)
{
    if (!(p == p)) return "";
    return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

static cpr_cell count_cell(size_t n) { return n > 0 ? cpr_cell_num((double)n, CPR_NUM_INT) : cpr_cell_na(); }

static char *ci_text(double lo, double hi)
{
    char a[32], b[32];
    cpr_cell cl = cpr_cell_num(lo, CPR_NUM_G), ch = cpr_cell_num(hi, CPR_NUM_G);
    return cpr_asprintf("[%s, %s]", cpr_cell_format(&cl, "NA", a, sizeof a),
                        cpr_cell_format(&ch, "NA", b, sizeof b));
}

static void header(cpr_doc *d, const cpr_result *r)
{
    cpr_doc_block *h = cpr_doc_add_entries(d, NULL, NULL, CPR_SHOW_ALL);
    cpr_doc_entry_add(h, "model", "Model", CPR_SHOW_MACHINE, cpr_cell_text(r->model));
    cpr_doc_entry_add(h, "formula", "Formula", CPR_SHOW_ALL, cpr_cell_text(r->formula));
    cpr_doc_entry_add(h, "estimator", "Estimator", CPR_SHOW_ALL, cpr_cell_text(r->estimator));
    cpr_doc_entry_add(h, "se_type", "SE type", CPR_SHOW_MACHINE, cpr_cell_text(r->se_type));
    cpr_doc_entry_add(h, "se_label", "Std. errors", CPR_SHOW_ALL, cpr_cell_text(r->se_label));
    char *n = r->n_dropped ? cpr_asprintf("%zu (%zu dropped)", r->nobs, r->n_dropped) : cpr_asprintf("%zu", r->nobs);
    cpr_doc_entry_add(h, "N", "N", CPR_SHOW_HUMAN, cpr_cell_text(n));
    free(n);
    cpr_doc_entry_add(h, "nobs", "N", CPR_SHOW_MACHINE, cpr_cell_num((double)r->nobs, CPR_NUM_INT));
    cpr_doc_entry_add(h, "n_dropped", "Dropped", CPR_SHOW_MACHINE, cpr_cell_num((double)r->n_dropped, CPR_NUM_INT));
    /* counts that do not apply (0) are null in JSON and left out for people */
    cpr_doc_entry_add(h, "n_groups", "Groups", r->n_groups ? CPR_SHOW_ALL : CPR_SHOW_MACHINE, count_cell(r->n_groups));
    cpr_doc_entry_add(h, "n_periods", "Periods", r->n_periods ? CPR_SHOW_ALL : CPR_SHOW_MACHINE, count_cell(r->n_periods));
    cpr_doc_entry_add(h, "n_clusters", "Clusters", r->n_clusters ? CPR_SHOW_ALL : CPR_SHOW_MACHINE, count_cell(r->n_clusters));
    cpr_doc_entry_add(h, "conf_level", "Confidence level", CPR_SHOW_MACHINE, cpr_cell_num(r->conf_level, CPR_NUM_G));
    if (r->sample) cpr_doc_entry_add(h, "sample", "Sample", CPR_SHOW_MACHINE, cpr_cell_text(r->sample));
}

static void coefficients(cpr_doc *d, const cpr_result *r)
{
    int t = r->df_resid > 0, boot = cpr_result_has_boot(r);
    double lvl = 100 * (r->conf_level > 0 ? r->conf_level : 0.95);
    char *ci = cpr_asprintf("[%g%% CI]", lvl), *bci = cpr_asprintf("[boot %g%% CI]", lvl);
    /* bootstrap columns only when computed, so other tables keep their layout */
    const cpr_doc_col cols[] = {
        {"term", "term", CPR_SHOW_ALL},
        {"estimate", "estimate", CPR_SHOW_ALL},
        {"std_error", "std. error", CPR_SHOW_ALL},
        {"statistic", t ? "t" : "z", CPR_SHOW_ALL},
        {"p_value", t ? "Pr(>|t|)" : "Pr(>|z|)", CPR_SHOW_ALL},
        {"stars", "", CPR_SHOW_HUMAN},
        {"ci", ci, CPR_SHOW_HUMAN},
        {"conf_low", "conf. low", CPR_SHOW_MACHINE},
        {"conf_high", "conf. high", CPR_SHOW_MACHINE},
        {"boot_p", "boot p", CPR_SHOW_HUMAN},
        {"boot_p_value", "boot p", CPR_SHOW_MACHINE},
        {"boot_p_bound", "boot p bound", CPR_SHOW_MACHINE},
        {"boot_ci", bci, CPR_SHOW_HUMAN},
        {"boot_conf_low", "boot conf. low", CPR_SHOW_MACHINE},
        {"boot_conf_high", "boot conf. high", CPR_SHOW_MACHINE},
    };
    size_t ncol = boot ? 15 : 9;
    cpr_doc_block *b = cpr_doc_add_table(d, "coefficients", NULL, CPR_SHOW_ALL, ncol, cols);
    free(ci); free(bci);
    for (size_t j = 0; j < r->k; j++) {
        char *cit = ci_text(r->conf_low[j], r->conf_high[j]);
        char *bct = ci_text(r->boot_low[j], r->boot_high[j]);
        /* a p at the smallest value the draws resolve is a bound: "< 1/B"
         * for random draws, "<= floor" under full enumeration */
        int bound = boot && r->boot_p_floor > 0 && r->boot_p[j] <= r->boot_p_floor * (1 + 1e-9);
        char pb[48];
        if (bound) snprintf(pb, sizeof pb, "%s %.2g", r->boot_exact ? "<=" : "<", r->boot_p_floor);
        cpr_cell row[15] = {
            cpr_cell_text(r->terms[j]),
            cpr_cell_num(r->estimate[j], CPR_NUM_G),
            cpr_cell_num(r->std_error[j], CPR_NUM_G),
            cpr_cell_num(r->statistic[j], CPR_NUM_G),
            cpr_cell_num(r->p_value[j], CPR_NUM_P),
            cpr_cell_text(stars(r->p_value[j])),
            isfinite(r->conf_low[j]) || isfinite(r->conf_high[j]) ? cpr_cell_text(cit) : cpr_cell_na(),
            cpr_cell_num(r->conf_low[j], CPR_NUM_G),
            cpr_cell_num(r->conf_high[j], CPR_NUM_G),
            bound ? cpr_cell_text(pb) : cpr_cell_num(r->boot_p[j], CPR_NUM_P),
            cpr_cell_num(r->boot_p[j], CPR_NUM_P),
            bound ? cpr_cell_text(r->boot_exact ? "<=" : "<") : cpr_cell_na(),
            isfinite(r->boot_low[j]) || isfinite(r->boot_high[j]) ? cpr_cell_text(bct) : cpr_cell_na(),
            cpr_cell_num(r->boot_low[j], CPR_NUM_G),
            cpr_cell_num(r->boot_high[j], CPR_NUM_G),
        };
        free(cit); free(bct);
        cpr_doc_table_row(b, row);
    }
    cpr_doc_block *legend = cpr_doc_add_lines(d, "legend", NULL, CPR_SHOW_HUMAN);
    cpr_doc_line_add(legend, "Signif. codes: *** p<0.01, ** p<0.05, * p<0.1");
    if (boot) cpr_doc_line_add(legend, "boot p, [boot CI]: wild cluster bootstrap (see the notes); stars use the analytic p");
}

static void tests(cpr_doc *d, const cpr_result *r)
{
    const cpr_doc_col cols[] = {
        {"name", "name", CPR_SHOW_MACHINE},
        {"label", "Test", CPR_SHOW_ALL},
        {"statistic", "statistic", CPR_SHOW_ALL},
        {"df", "df", CPR_SHOW_HUMAN},
        {"df1", "df1", CPR_SHOW_MACHINE},
        {"df2", "df2", CPR_SHOW_MACHINE},
        {"p_value", "p-value", CPR_SHOW_ALL},
        {"note", "note", CPR_SHOW_MACHINE}, /* humans get the notes as lines below */
    };
    cpr_doc_block *b = cpr_doc_add_table(d, "tests", "Tests", r->ntests ? CPR_SHOW_ALL : CPR_SHOW_MACHINE, 8, cols);
    for (size_t i = 0; i < r->ntests; i++) {
        const cpr_test *t = &r->tests[i];
        /* chi-square tests have df2 = 0: one degree-of-freedom figure */
        char *df = t->df2 > 0 ? cpr_asprintf("%g, %g", t->df1, t->df2) : cpr_asprintf("%g", t->df1);
        cpr_cell row[8] = {
            cpr_cell_text(t->name),
            cpr_cell_text(t->label),
            cpr_cell_num(t->statistic, CPR_NUM_G),
            cpr_cell_text(isfinite(t->df1) && t->df1 > 0 ? df : NULL),
            cpr_cell_num(t->df1, CPR_NUM_G),
            t->df2 > 0 ? cpr_cell_num(t->df2, CPR_NUM_G) : cpr_cell_na(),
            cpr_cell_num(t->p_value, CPR_NUM_P),
            t->note ? cpr_cell_text(t->note) : cpr_cell_text(""),
        };
        free(df);
        cpr_doc_table_row(b, row);
    }
    size_t nnotes = 0;
    for (size_t i = 0; i < r->ntests; i++) nnotes += r->tests[i].note != NULL;
    if (nnotes == 0) return;
    cpr_doc_block *n = cpr_doc_add_lines(d, "test_notes", NULL, CPR_SHOW_HUMAN);
    for (size_t i = 0; i < r->ntests; i++)
        if (r->tests[i].note) cpr_doc_line_add(n, "%s: %s", r->tests[i].label, r->tests[i].note);
}

/* --cluster-diagnostics: summary entries and one row per cluster. */
static void cluster_diag(cpr_doc *d, const cpr_result *r)
{
    const cpr_cluster_diag *c = r->cdiag;
    if (!c || !c->show) return;
    size_t G = c->G, k = c->k, mn, mx;
    double med;
    size_t *sz = c->size;
    /* sizes: min, median, max (sorted copy) */
    size_t *s = cpr_malloc((G ? G : 1) * sizeof *s);
    memcpy(s, sz, G * sizeof *s);
    for (size_t i = 1; i < G; i++)
        for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) { size_t t = s[j]; s[j] = s[j - 1]; s[j - 1] = t; }
    mn = s[0]; mx = s[G - 1];
    med = G % 2 ? (double)s[G / 2] : 0.5 * ((double)s[G / 2 - 1] + (double)s[G / 2]);
    free(s);
    const char *term = r->terms[c->interest];
    cpr_doc_block *e = cpr_doc_add_entries(d, "cluster_diagnostics", "Cluster diagnostics (summclust; MacKinnon, Nielsen & Webb 2023)", CPR_SHOW_ALL);
    cpr_doc_entry_add(e, "G", "Clusters", CPR_SHOW_ALL, cpr_cell_num((double)G, CPR_NUM_INT));
    cpr_doc_entry_add(e, "size_min", "Cluster size: min", CPR_SHOW_ALL, cpr_cell_num((double)mn, CPR_NUM_INT));
    cpr_doc_entry_add(e, "size_median", "Cluster size: median", CPR_SHOW_ALL, cpr_cell_num(med, CPR_NUM_G));
    cpr_doc_entry_add(e, "size_max", "Cluster size: max", CPR_SHOW_ALL, cpr_cell_num((double)mx, CPR_NUM_INT));
    cpr_doc_entry_add(e, "interest", "Coefficient of interest", CPR_SHOW_ALL, cpr_cell_text(term));
    for (size_t j = 0; j < k; j++) {
        char *k0 = cpr_asprintf("gstar0_%s", r->terms[j]), *l0 = cpr_asprintf("G*(rho=0) for %s", r->terms[j]);
        char *k1 = cpr_asprintf("gstar1_%s", r->terms[j]), *l1 = cpr_asprintf("G*(rho=1) for %s", r->terms[j]);
        cpr_show sh = j == c->interest ? CPR_SHOW_ALL : CPR_SHOW_MACHINE;
        cpr_doc_entry_add(e, k0, l0, sh, cpr_cell_num(c->gstar0[j], CPR_NUM_G));
        cpr_doc_entry_add(e, k1, l1, sh, cpr_cell_num(c->gstar1[j], CPR_NUM_G));
        free(k0); free(l0); free(k1); free(l1);
    }
    size_t ncol = 3 + 2 * k;
    cpr_doc_col *cols = cpr_calloc(ncol, sizeof *cols);
    char **owned = cpr_calloc(4 * k, sizeof *owned);
    cols[0] = (cpr_doc_col){ "cluster", "cluster", CPR_SHOW_ALL };
    cols[1] = (cpr_doc_col){ "nobs", "N", CPR_SHOW_ALL };
    cols[2] = (cpr_doc_col){ "leverage", "leverage", CPR_SHOW_ALL };
    for (size_t j = 0; j < k; j++) {
        owned[4 * j] = cpr_asprintf("partial_leverage_%s", r->terms[j]);
        owned[4 * j + 1] = cpr_asprintf("partial lev. %s", r->terms[j]);
        owned[4 * j + 2] = cpr_asprintf("beta_loo_%s", r->terms[j]);
        owned[4 * j + 3] = cpr_asprintf("%s without cluster", r->terms[j]);
        cols[3 + j] = (cpr_doc_col){ owned[4 * j], owned[4 * j + 1], CPR_SHOW_ALL };
        cols[3 + k + j] = (cpr_doc_col){ owned[4 * j + 2], owned[4 * j + 3], CPR_SHOW_ALL };
    }
    cpr_doc_block *b = cpr_doc_add_table(d, "clusters", "Per cluster: leverage tr(H_gg), partial leverage (sums to 1), "
                                         "estimate without the cluster", CPR_SHOW_ALL, ncol, cols);
    cpr_cell *row = cpr_malloc(ncol * sizeof *row);
    for (size_t g = 0; g < G; g++) {
        row[0] = cpr_cell_text(c->labels[g]);
        row[1] = cpr_cell_num((double)c->size[g], CPR_NUM_INT);
        row[2] = cpr_cell_num(c->leverage[g], CPR_NUM_G);
        for (size_t j = 0; j < k; j++) {
            row[3 + j] = cpr_cell_num(c->partial[g * k + j], CPR_NUM_G);
            row[3 + k + j] = cpr_cell_num(c->beta_loo[g * k + j], CPR_NUM_G);
        }
        cpr_doc_table_row(b, row);
    }
    free(row);
    for (size_t i = 0; i < 4 * k; i++) free(owned[i]);
    free(owned); free(cols);
}

cpr_doc *cpr_result_doc(const cpr_result *r)
{
    cpr_doc *d = cpr_doc_alloc(NULL);
    header(d, r);
    coefficients(d, r);
    cpr_doc_block *s = cpr_doc_add_entries(d, "stats", "Fit statistics", CPR_SHOW_ALL);
    for (size_t i = 0; i < r->nstats; i++)
        cpr_doc_entry_add(s, r->stats[i].name, r->stats[i].label, CPR_SHOW_ALL,
                          cpr_cell_num(r->stats[i].value, r->stats[i].is_integer ? CPR_NUM_INT : CPR_NUM_G));
    tests(d, r);
    cluster_diag(d, r);
    cpr_doc_block *n = cpr_doc_add_lines(d, "notes", "Notes", CPR_SHOW_ALL);
    for (size_t i = 0; i < r->nnotes; i++) cpr_doc_line_add(n, "%s", r->notes[i]);
    return d;
}

int cpr_report_result(FILE *out, const cpr_result *r, cpr_format fmt)
{
    cpr_doc *d = cpr_result_doc(r);
    int rc = cpr_doc_render(out, d, fmt);
    cpr_doc_free(d);
    return rc;
}
