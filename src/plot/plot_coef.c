/* Coefficient plot: one row per term, a point and horizontal interval per
 * model (and a second, open-marker interval for the bootstrap CI when
 * given), models side by side within the row, dashed line at zero. */
#include "plot_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is_intercept(const char *t)
{
    return strcmp(t, "(Intercept)") == 0 || strcmp(t, "const") == 0 || strcmp(t, "_cons") == 0 ||
           strcmp(t, "Intercept") == 0;
}

static long term_index(const cpr_result *r, const char *term)
{
    for (size_t j = 0; j < r->k; j++)
        if (r->terms[j] && strcmp(r->terms[j], term) == 0) return (long)j;
    return -1;
}

/* The rows: the caller's list, or the union of terms in first-seen order. */
static const char **collect_terms(const cpr_plot_model *models, size_t nmodels,
                                  const cpr_plot_coef_opts *co, size_t *nt)
{
    size_t cap = 0, n = 0;
    if (co->terms) {
        const char **out = cpr_calloc(co->nterms, sizeof *out);
        for (size_t i = 0; i < co->nterms; i++) out[n++] = co->terms[i];
        *nt = n;
        return out;
    }
    for (size_t m = 0; m < nmodels; m++) cap += models[m].result->k;
    const char **out = cpr_calloc(cap, sizeof *out);
    for (size_t m = 0; m < nmodels; m++) {
        const cpr_result *r = models[m].result;
        for (size_t j = 0; j < r->k; j++) {
            const char *t = r->terms[j];
            if (!t || (!co->keep_intercept && is_intercept(t))) continue;
            size_t i = 0;
            while (i < n && strcmp(out[i], t) != 0) i++;
            if (i == n) out[n++] = t;
        }
    }
    *nt = n;
    return out;
}

int cpr_plot_coef(const char *out_path, const cpr_plot_model *models, size_t nmodels,
                  const cpr_plot_coef_opts *co, const cpr_plot_opts *opts)
{
    cpr_plot_coef_opts def = {NULL, 0, 0, {NULL, NULL, 0}, NULL};
    if (!co) co = &def;
    if (!models || nmodels == 0) return cpr_fail(CPR_E_USAGE, "coefficient plot: no model given");
    for (size_t m = 0; m < nmodels; m++)
        if (!models[m].result)
            return cpr_fail(CPR_E_INTERNAL, "cpr_plot_coef: model %zu has no result", m + 1);
    size_t nt;
    const char **terms = collect_terms(models, nmodels, co, &nt);
    if (nt == 0) {
        free(terms);
        return cpr_fail(CPR_E_USAGE, "coefficient plot: no coefficients to show%s",
                        co->keep_intercept ? "" : " (the intercept is left out)");
    }
    for (size_t i = 0; i < nt; i++) {
        int found = 0;
        for (size_t m = 0; m < nmodels && !found; m++) found = term_index(models[m].result, terms[i]) >= 0;
        if (!found) {
            int rc = cpr_fail(CPR_E_NOVAR, "coefficient plot: term '%s' is in none of the models",
                              terms[i]);
            free(terms);
            return rc;
        }
    }

    cpr_plotbuf b = {0};
    /* long row labels (catalogue labels) take the left of the figure: widen
     * it so the intervals keep about 500 px */
    cpr_plot_opts wide = {0};
    if (opts) wide = *opts;
    size_t longest = 0;
    for (size_t k = 0; co->labels && k < co->nterms; k++)
        if (co->labels[k] && strlen(co->labels[k]) > longest) longest = strlen(co->labels[k]);
    if (wide.width_px <= 0 && longest > 30) wide.width_px = 800 + 7 * (int)(longest - 30 > 60 ? 60 : longest - 30);
    int rc = cpr_plot_begin(&b, "coef", out_path, &wide);
    if (rc) { free(terms); cpr_plotbuf_free(&b); return rc; }

    /* Slots within a row: each model's main interval, then its bootstrap one. */
    size_t nslots = 0;
    for (size_t m = 0; m < nmodels; m++) nslots += 1 + (models[m].boot_low && models[m].boot_high);
    double half = nslots > 1 ? 0.32 : 0;
    size_t slot = 0;
    cpr_plotbuf plotcmd = {0};
    cpr_plotbuf_puts(&plotcmd, "plot ");
    for (size_t m = 0; m < nmodels; m++) {
        const cpr_plot_model *md = &models[m];
        const cpr_result *r = md->result;
        const char *col = cpr_plot_palette[m % CPR_PLOT_NPALETTE];
        const char *label = md->label ? md->label : r->model ? r->model : "model";
        double level = r->conf_level > 0 && r->conf_level < 1 ? r->conf_level : 0.95;
        for (int kind = 0; kind < 2; kind++) {
            if (kind == 1 && !(md->boot_low && md->boot_high)) continue;
            const double *lo = kind ? md->boot_low : r->conf_low;
            const double *hi = kind ? md->boot_high : r->conf_high;
            double off = nslots > 1 ? half - 2 * half * (double)slot / (double)(nslots - 1) : 0;
            slot++;
            cpr_plotbuf_printf(&b, "# %s: estimate, row, low, high\n$M%zu%s << EOD\n",
                               kind ? "bootstrap interval" : "interval", m + 1, kind ? "B" : "");
            for (size_t i = 0; i < nt; i++) {
                long j = term_index(r, terms[i]);
                if (j < 0) continue;
                cpr_plotbuf_num(&b, r->estimate[j]);
                cpr_plotbuf_puts(&b, " ");
                cpr_plotbuf_num(&b, (double)(nt - i) + off);
                cpr_plotbuf_puts(&b, " ");
                cpr_plotbuf_num(&b, lo[j]);
                cpr_plotbuf_puts(&b, " ");
                cpr_plotbuf_num(&b, hi[j]);
                cpr_plotbuf_puts(&b, "\n");
            }
            cpr_plotbuf_puts(&b, "EOD\n");
            const char *what = kind ? (md->boot_label ? md->boot_label : "bootstrap")
                                    : (r->se_type ? r->se_type : NULL);
            char *key = what ? cpr_asprintf("%s: %g%% CI (%s)", label, 100 * level, what)
                             : cpr_asprintf("%s: %g%% CI", label, 100 * level);
            if (slot > 1) cpr_plotbuf_puts(&plotcmd, ", \\\n     ");
            cpr_plotbuf_printf(&plotcmd, "$M%zu%s using 1:2:3:4 with xerrorbars lc rgb '%s' %s title ",
                               m + 1, kind ? "B" : "", col,
                               kind ? "pt 6 ps 1.0 lw 1.5 dt 2" : "pt 7 ps 1.0 lw 2");
            cpr_plotbuf_quoted(&plotcmd, key);
            free(key);
        }
    }
    cpr_plotbuf_puts(&plotcmd, "\n");

    cpr_plot_axis_setup(&b, "x", &co->x, "Estimate");
    cpr_plotbuf_puts(&b, "unset grid\nset grid back xtics lw 1 lc rgb '#E6E6E6' dt solid\n");
    cpr_plotbuf_puts(&b, "set ytics scale 0 (");
    for (size_t i = 0; i < nt; i++) {
        if (i) cpr_plotbuf_puts(&b, ", ");
        /* the caller's display name of a term it listed, else the term */
        const char *shown = terms[i];
        for (size_t k = 0; co->labels && k < co->nterms; k++)
            if (co->labels[k] && strcmp(co->terms[k], terms[i]) == 0) shown = co->labels[k];
        /* two terms with the same display name: add the term to tell them apart */
        int twin = 0;
        for (size_t k = 0; co->labels && shown != terms[i] && k < co->nterms; k++)
            twin |= co->labels[k] && strcmp(co->terms[k], terms[i]) != 0 && strcmp(co->labels[k], shown) == 0;
        char *both = twin ? cpr_asprintf("%s [%s]", shown, terms[i]) : NULL;
        cpr_plotbuf_quoted(&b, both ? both : shown);
        free(both);
        cpr_plotbuf_printf(&b, " %zu", nt - i);
    }
    cpr_plotbuf_puts(&b, ")\n");
    cpr_plotbuf_printf(&b, "set yrange [0.4:%g]\n", (double)nt + 0.6);
    cpr_plotbuf_puts(&b, "set border 1 back lw 1 lc rgb '#404040'\n"
                         "set errorbars small\n"
                         "set yzeroaxis lt -1 lc rgb '#808080' dt 2 lw 1\n");
    cpr_plotbuf_puts(&b, "set key tmargin left vertical\n");
    cpr_plotbuf_puts(&b, plotcmd.s);
    cpr_plotbuf_free(&plotcmd);
    free(terms);
    return cpr_plot_finish(&b, out_path, &wide);
}
