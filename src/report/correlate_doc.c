/* cpr_correlation -> document: one row per method, plus the sample size
 * and how each test and interval was computed. */
#include "cpr/correlate_doc.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

cpr_doc *cpr_correlation_doc(const cpr_correlation *c)
{
    char *title = cpr_asprintf("Correlation of %s and %s", c->x, c->y);
    cpr_doc *d = cpr_doc_alloc(title);
    free(title);
    cpr_doc_block *h = cpr_doc_add_entries(d, NULL, NULL, CPR_SHOW_ALL);
    cpr_doc_entry_add(h, "x", "x", CPR_SHOW_MACHINE, cpr_cell_text(c->x));
    cpr_doc_entry_add(h, "y", "y", CPR_SHOW_MACHINE, cpr_cell_text(c->y));
    char *n = c->n_dropped ? cpr_asprintf("%zu (%zu pairs with a missing value dropped)", c->n, c->n_dropped)
                           : cpr_asprintf("%zu", c->n);
    cpr_doc_entry_add(h, "N", "N", CPR_SHOW_HUMAN, cpr_cell_text(n));
    free(n);
    cpr_doc_entry_add(h, "nobs", "N", CPR_SHOW_MACHINE, cpr_cell_num((double)c->n, CPR_NUM_INT));
    cpr_doc_entry_add(h, "n_dropped", "Dropped", CPR_SHOW_MACHINE, cpr_cell_num((double)c->n_dropped, CPR_NUM_INT));
    cpr_doc_entry_add(h, "conf_level", "Confidence level", CPR_SHOW_MACHINE, cpr_cell_num(c->conf_level, CPR_NUM_G));
    if (c->n_clusters) {
        /* panel data: the p-values below treat rows as independent; these do not */
        cpr_doc_entry_add(h, "n_clusters", "Clusters (entities)", CPR_SHOW_ALL, cpr_cell_num((double)c->n_clusters, CPR_NUM_INT));
        cpr_doc_entry_add(h, "pearson_p_cluster", "Pearson p, clustered by entity (CR1, t(G-1))", CPR_SHOW_ALL,
                          cpr_cell_num(c->p_cluster, CPR_NUM_P));
        if (!isnan(c->p_boot)) {
            char *lab = c->boot_exact ? cpr_asprintf("Pearson p, wild cluster bootstrap (all %zu sign vectors)", c->boot_B)
                                      : cpr_asprintf("Pearson p, wild cluster bootstrap (B = %zu)", c->boot_B);
            cpr_doc_entry_add(h, "pearson_p_boot", lab, CPR_SHOW_ALL, cpr_cell_num(c->p_boot, CPR_NUM_P));
            free(lab);
        }
    }

    char *ci = cpr_asprintf("[%g%% CI]", 100 * c->conf_level);
    const cpr_doc_col cols[] = {
        {"method", "method", CPR_SHOW_ALL},
        {"estimate", "estimate", CPR_SHOW_ALL},
        {"statistic_name", "test", CPR_SHOW_ALL},
        {"statistic", "statistic", CPR_SHOW_ALL},
        {"df", "df", CPR_SHOW_ALL},
        {"p_value", c->n_clusters ? "p (iid rows)" : "p-value", CPR_SHOW_ALL},
        {"ci", ci, CPR_SHOW_HUMAN},
        {"conf_low", "conf. low", CPR_SHOW_MACHINE},
        {"conf_high", "conf. high", CPR_SHOW_MACHINE},
    };
    cpr_doc_block *b = cpr_doc_add_table(d, "correlations", NULL, CPR_SHOW_ALL, 9, cols);
    free(ci);
    const cpr_cor_test *t[3] = {&c->pearson, &c->spearman, &c->kendall};
    for (int i = 0; i < 3; i++) {
        char lo[32], hi[32];
        cpr_cell cl = cpr_cell_num(t[i]->conf_low, CPR_NUM_G), ch = cpr_cell_num(t[i]->conf_high, CPR_NUM_G);
        char *cit = cpr_asprintf("[%s, %s]", cpr_cell_format(&cl, "NA", lo, sizeof lo),
                                 cpr_cell_format(&ch, "NA", hi, sizeof hi));
        cpr_cell row[9] = {
            cpr_cell_text(t[i]->method),
            cpr_cell_num(t[i]->estimate, CPR_NUM_G),
            cpr_cell_text(isnan(t[i]->df) ? "z" : "t"),
            cpr_cell_num(t[i]->statistic, CPR_NUM_G),
            cpr_cell_num(t[i]->df, CPR_NUM_INT),
            /* a p that underflowed is only known to be below DBL_MIN */
            t[i]->p_underflow ? cpr_cell_text("<2.2e-308") : cpr_cell_num(t[i]->p_value, CPR_NUM_P),
            isfinite(t[i]->conf_low) || isfinite(t[i]->conf_high) ? cpr_cell_text(cit) : cpr_cell_na(),
            cpr_cell_num(t[i]->conf_low, CPR_NUM_G),
            cpr_cell_num(t[i]->conf_high, CPR_NUM_G),
        };
        free(cit);
        cpr_doc_table_row(b, row);
    }
    cpr_doc_block *notes = cpr_doc_add_lines(d, "notes", "Notes", CPR_SHOW_ALL);
    if (c->n_clusters)
        cpr_doc_line_add(notes, "panel data: the table's p-values and intervals treat the %zu rows (entity-years) as independent; "
                                "they are not. Use the p clustered by entity (%zu clusters)%s above.", c->n, c->n_clusters,
                         isnan(c->p_boot) ? "" : ", by the wild cluster bootstrap with fewer than 50 clusters,");
    cpr_doc_line_add(notes, "pearson: t test with n-2 df; CI by Fisher z, SE 1/sqrt(n-3)");
    cpr_doc_line_add(notes, "spearman: rho on average ranks, t approximation as R cor.test(exact=FALSE); CI by Fisher z, Bonett-Wright SE sqrt((1+rho^2/2)/(n-3))");
    cpr_doc_line_add(notes, "kendall: tau-b, normal approximation with R's tie-corrected variance; CI by Fisher z, SE sqrt(0.437/(n-4))");
    if (c->pearson.p_underflow || c->spearman.p_underflow || c->kendall.p_underflow)
        cpr_doc_line_add(notes, "p-value below the smallest double (2.2e-308): printed as a bound");
    return d;
}

int cpr_report_correlation(FILE *out, const cpr_correlation *c, cpr_format fmt)
{
    cpr_doc *d = cpr_correlation_doc(c);
    int rc = cpr_doc_render(out, d, fmt);
    cpr_doc_free(d);
    return rc;
}
