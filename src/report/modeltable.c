/* The multi-model table as a document (see include/cpr/modeltable.h).
 * Layout follows esttab/etable: a header with (1), (2)... and the titles,
 * one row per term with the estimate and stars, a row beneath with the SE
 * (or t, p, CI) and, when computed, the wild bootstrap p in braces; then the
 * model rows (N, entities, R², fixed effects, estimator, SEs, clusters) and
 * the notes. Numbers are formatted here because the layout is the product;
 * the machine blocks keep every number at full precision. */
#include "cpr/modeltable.h"
#include "modeltable_rows.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <ctype.h>
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cpr_mtable_opts_default(cpr_mtable_opts *o)
{
    memset(o, 0, sizeof *o);
    o->below = CPR_MT_SE;
    o->digits = 3;
}

static int matches_any(const char *term, const char *const *pat, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pat[i], term, 0) == 0) return (int)i + 1;
    return 0;
}

/* "NAME=VALUE" -> the value part, NULL when malformed. */
static const char *pair_value(const char *s)
{
    const char *eq = strchr(s, '=');
    return eq && eq > s && eq[1] ? eq + 1 : NULL;
}

static int pair_is(const char *pair, const char *name)
{
    size_t n = strcspn(pair, "=");
    return strlen(name) == n && strncmp(pair, name, n) == 0;
}

int cpr_mtable_check(models_t m, size_t n, const cpr_mtable_opts *o)
{
    for (size_t i = 0; i < o->nrename; i++)
        if (!pair_value(o->rename[i]))
            return cpr_fail(CPR_E_USAGE, "--rename wants TERM=Label, not '%s'", o->rename[i]);
    for (size_t i = 0; i < o->nscale; i++) {
        const char *v = pair_value(o->scale[i]);
        char *end = NULL;
        double f = v ? strtod(v, &end) : NAN;
        if (!v || *end || !isfinite(f) || f == 0)
            return cpr_fail(CPR_E_USAGE, "--scale wants VAR=FACTOR with a finite non-zero factor, e.g. aid=1e9, not '%s'",
                            o->scale[i]);
    }
    /* a --keep pattern that matches nothing is a typo, not a request */
    for (size_t p = 0; p < o->nkeep; p++) {
        int hit = 0;
        for (size_t i = 0; i < n && !hit; i++)
            for (size_t j = 0; j < m[i]->k && !hit; j++) hit = fnmatch(o->keep[p], m[i]->terms[j], 0) == 0;
        if (!hit) return cpr_fail(CPR_E_NOVAR, "--keep '%s' matches no term of the models", o->keep[p]);
    }
    return CPR_OK;
}

static double scale_of(const cpr_mtable_opts *o, const char *term)
{
    for (size_t i = 0; i < o->nscale; i++) {
        size_t n = strcspn(o->scale[i], "=");
        char pat[256];
        snprintf(pat, sizeof pat, "%.*s", (int)(n < 255 ? n : 255), o->scale[i]);
        if (fnmatch(pat, term, 0) == 0) return strtod(o->scale[i] + n + 1, NULL);
    }
    return 1.0;
}

static int is_constant(const char *t)
{
    return !strcmp(t, "const") || !strcmp(t, "(Intercept)") || !strcmp(t, "_cons");
}

/* The factor of --scale as the user wrote it ("1e9"). */
static const char *scale_text(const cpr_mtable_opts *o, const char *term)
{
    for (size_t i = 0; i < o->nscale; i++) {
        size_t n = strcspn(o->scale[i], "=");
        char pat[256];
        snprintf(pat, sizeof pat, "%.*s", (int)(n < 255 ? n : 255), o->scale[i]);
        if (fnmatch(pat, term, 0) == 0) return o->scale[i] + n + 1;
    }
    return "1";
}

/* Row order: terms in order of first appearance over the models, the
 * constant last; --keep keeps (and orders by) its patterns, --drop drops. */
static size_t row_terms(models_t m, size_t n, const cpr_mtable_opts *o, const char ***out)
{
    size_t cap = 0, nt = 0;
    for (size_t i = 0; i < n; i++) cap += m[i]->k;
    const char **t = cpr_calloc(cap + 1, sizeof *t);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < m[i]->k; j++) {
                const char *name = m[i]->terms[j];
                if (is_constant(name) != pass) continue;
                int seen = 0;
                for (size_t s = 0; s < nt && !seen; s++) seen = strcmp(t[s], name) == 0;
                if (seen || matches_any(name, o->drop, o->ndrop)) continue;
                if (o->nkeep && !matches_any(name, o->keep, o->nkeep)) continue;
                t[nt++] = name;
            }
    if (o->nkeep) {
        /* stable sort by the index of the first matching --keep pattern */
        for (size_t a = 1; a < nt; a++) {
            const char *x = t[a];
            int kx = matches_any(x, o->keep, o->nkeep);
            size_t b = a;
            while (b > 0 && matches_any(t[b - 1], o->keep, o->nkeep) > kx) { t[b] = t[b - 1]; b--; }
            t[b] = x;
        }
    }
    *out = t;
    return nt;
}

static const char *stars(double p)
{
    if (!(p == p)) return "";
    return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

/* A number at `digits` decimals, or 3 significant digits in scientific form
 * when that would print as zero (the caller adds a scaling note). */
static void fmt_num(double v, int digits, int *tiny, char *buf, size_t size)
{
    if (!isfinite(v)) { snprintf(buf, size, "NA"); return; }
    double lim = 0.5 * pow(10, -digits);
    if (v != 0 && fabs(v) < lim) {
        snprintf(buf, size, "%.2e", v);
        if (tiny) *tiny = 1;
        return;
    }
    snprintf(buf, size, "%.*f", digits, v == 0 ? 0.0 : v);
    if (strcmp(buf, "-0.000") == 0 || (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1)))
        memmove(buf, buf + 1, strlen(buf));
}

static char *boot_p_text(const cpr_result *r, double p)
{
    double B = cpr_mt_boot_draws(r);
    /* a p at the smallest value the draws resolve (r->boot_p_floor: 1/B, or
     * the always-tying share under enumeration) is a bound */
    if (r->boot_p_floor > 0 && p <= r->boot_p_floor * (1 + 1e-9))
        return cpr_asprintf("{%s%.2g}", r->boot_exact ? "<=" : "<", r->boot_p_floor);
    /* a p of 0 only says p < 1/B: print the bound, not more certainty */
    if (p == 0 && B > 0) return cpr_asprintf("{<%.2g}", 1 / B);
    if (p == 0) return cpr_strdup("{0}");
    return cpr_asprintf("{%.3f}", p);
}

static long term_index(const cpr_result *r, const char *term)
{
    for (size_t j = 0; j < r->k; j++)
        if (strcmp(r->terms[j], term) == 0) return (long)j;
    return -1;
}

static char *row_label(const cpr_mtable_opts *o, const char *term)
{
    for (size_t i = 0; i < o->nrename; i++)
        if (pair_is(o->rename[i], term)) return cpr_strdup(pair_value(o->rename[i]));
    return cpr_mtable_term_label(o->cat, term);
}

static void coef_rows(builder *t, models_t m, size_t n, const cpr_mtable_opts *o, const char **terms, size_t nt,
                      int any_boot, char **tiny_terms, size_t *ntiny)
{
    char a[64], b[64];
    for (size_t r = 0; r < nt; r++) {
        double f = scale_of(o, terms[r]);
        char *lab = row_label(o, terms[r]);
        if (f != 1) {
            char *s = cpr_asprintf("%s (\xc3\x97 %s)", lab, scale_text(o, terms[r]));
            free(lab);
            lab = s;
        }
        int tiny = 0;
        cpr_mt_row_start(t, lab);
        for (size_t i = 0; i < n; i++) {
            long j = term_index(m[i], terms[r]);
            if (j < 0) continue;
            fmt_num(f * m[i]->estimate[j], o->digits, &tiny, a, sizeof a);
            cpr_mt_row_set(t, i, cpr_asprintf("%s%s", a, stars(m[i]->p_value[j])));
        }
        cpr_mt_row_end(t);
        cpr_mt_row_start(t, "");
        for (size_t i = 0; i < n; i++) {
            const cpr_result *M = m[i];
            long j = term_index(M, terms[r]);
            if (j < 0) continue;
            switch (o->below) {
            case CPR_MT_T: fmt_num(M->statistic[j], 2, NULL, a, sizeof a); cpr_mt_row_set(t, i, cpr_asprintf("(%s)", a)); break;
            case CPR_MT_P: fmt_num(M->p_value[j], 3, NULL, a, sizeof a); cpr_mt_row_set(t, i, cpr_asprintf("(%s)", a)); break;
            case CPR_MT_CI:
                fmt_num(f * M->conf_low[j], o->digits, &tiny, a, sizeof a);
                fmt_num(f * M->conf_high[j], o->digits, &tiny, b, sizeof b);
                cpr_mt_row_set(t, i, cpr_asprintf("[%s, %s]", f > 0 ? a : b, f > 0 ? b : a));
                break;
            case CPR_MT_SE:
            default: fmt_num(fabs(f) * M->std_error[j], o->digits, &tiny, a, sizeof a); cpr_mt_row_set(t, i, cpr_asprintf("(%s)", a));
            }
        }
        cpr_mt_row_end(t);
        if (any_boot) {
            int here = 0;
            for (size_t i = 0; i < n; i++) {
                long j = term_index(m[i], terms[r]);
                here |= j >= 0 && isfinite(m[i]->boot_p[j]);
            }
            if (here) {
                cpr_mt_row_start(t, "");
                for (size_t i = 0; i < n; i++) {
                    long j = term_index(m[i], terms[r]);
                    if (j >= 0 && isfinite(m[i]->boot_p[j])) cpr_mt_row_set(t, i, boot_p_text(m[i], m[i]->boot_p[j]));
                }
                cpr_mt_row_end(t);
            }
        }
        if (tiny) tiny_terms[(*ntiny)++] = (char *)terms[r];
        free(lab);
    }
}

static void add_notes_block(cpr_doc *d, models_t m, size_t n, const cpr_mtable_opts *o, char **tiny, size_t ntiny)
{
    cpr_doc_block *nb = cpr_doc_add_lines(d, "notes", NULL, CPR_SHOW_ALL);
    nb->attach = 1;
    int boot = 0;
    for (size_t i = 0; i < n; i++) boot |= cpr_mt_has_boot(m[i]);
    double lvl = 100 * (n > 0 && m[0]->conf_level > 0 ? m[0]->conf_level : 0.95);
    const char *below = o->below == CPR_MT_T ? "t statistics in parentheses"
                        : o->below == CPR_MT_P ? "p-values in parentheses"
                        : o->below == CPR_MT_CI ? NULL : "Standard errors in parentheses";
    if (below) cpr_doc_line_add(nb, "%s%s.", below, boot ? "; wild cluster bootstrap p-values in braces" : "");
    else cpr_doc_line_add(nb, "%g%% confidence intervals in brackets%s.", lvl, boot ? "; wild cluster bootstrap p-values in braces" : "");
    cpr_doc_line_add(nb, "* p<0.1, ** p<0.05, *** p<0.01 (analytic p-values).");
    for (size_t i = 0; i < o->nscale; i++) {
        size_t len = strcspn(o->scale[i], "=");
        cpr_doc_line_add(nb, "Coefficients of %.*s multiplied by %s.", (int)len, o->scale[i], o->scale[i] + len + 1);
    }
    for (size_t i = 0; i < ntiny; i++) {
        double big = 0;
        for (size_t k = 0; k < n; k++) {
            long j = term_index(m[k], tiny[i]);
            if (j >= 0 && isfinite(m[k]->estimate[j]) && fabs(m[k]->estimate[j]) > big) big = fabs(m[k]->estimate[j]);
        }
        /* a factor that brings the largest estimate to between 1 and 1000 */
        double e = big > 0 ? 3 * ceil(-log10(big) / 3) : 0;
        cpr_doc_line_add(nb, "%s: too small to read at %d decimals, shown in scientific notation; "
                         "--scale '%s=1e%.0f' reads it per 1e%.0f units.", tiny[i], o->digits, tiny[i], e, e);
    }
    /* what the outcomes are, from the catalogue */
    char *seen[64];
    size_t ns = 0;
    for (size_t i = 0; i < n && ns < 64; i++) {
        char *y = cpr_mtable_outcome(m[i]->formula);
        int dup = !y;
        for (size_t s = 0; s < ns && !dup; s++) dup = strcmp(seen[s], y) == 0;
        if (dup) { free(y); continue; }
        seen[ns++] = y;
        const cpr_var_info *v = o->cat ? cpr_catalogue_find(o->cat, y) : NULL;
        if (v) cpr_doc_line_add(nb, "%s: %s (%s; %s).", v->name, v->label, v->unit, v->source);
    }
    for (size_t s = 0; s < ns; s++) free(seen[s]);
}

static void machine_blocks(cpr_doc *d, models_t m, size_t n, const cpr_mtable_opts *o)
{
    const cpr_doc_col cc[] = {
        {"column", NULL, CPR_SHOW_MACHINE}, {"term", NULL, CPR_SHOW_MACHINE}, {"label", NULL, CPR_SHOW_MACHINE},
        {"estimate", NULL, CPR_SHOW_MACHINE}, {"std_error", NULL, CPR_SHOW_MACHINE},
        {"statistic", NULL, CPR_SHOW_MACHINE}, {"p_value", NULL, CPR_SHOW_MACHINE},
        {"conf_low", NULL, CPR_SHOW_MACHINE}, {"conf_high", NULL, CPR_SHOW_MACHINE},
        {"boot_p_value", NULL, CPR_SHOW_MACHINE}, {"scale", NULL, CPR_SHOW_MACHINE}};
    cpr_doc_block *b = cpr_doc_add_table(d, "coefficients", NULL, CPR_SHOW_MACHINE, 11, cc);
    const char **terms = NULL;
    size_t nt = row_terms(m, n, o, &terms);
    for (size_t r = 0; r < nt; r++)
        for (size_t i = 0; i < n; i++) {
            long j = term_index(m[i], terms[r]);
            if (j < 0) continue;
            char *lab = row_label(o, terms[r]);
            cpr_cell row[11] = {
                cpr_cell_num((double)(i + 1), CPR_NUM_INT), cpr_cell_text(terms[r]), cpr_cell_text(lab),
                cpr_cell_num(m[i]->estimate[j], CPR_NUM_G), cpr_cell_num(m[i]->std_error[j], CPR_NUM_G),
                cpr_cell_num(m[i]->statistic[j], CPR_NUM_G), cpr_cell_num(m[i]->p_value[j], CPR_NUM_G),
                cpr_cell_num(m[i]->conf_low[j], CPR_NUM_G), cpr_cell_num(m[i]->conf_high[j], CPR_NUM_G),
                cpr_cell_num(m[i]->boot_p[j], CPR_NUM_G), cpr_cell_num(scale_of(o, terms[r]), CPR_NUM_G)};
            free(lab);
            cpr_doc_table_row(b, row);
        }
    free(terms);
    const cpr_doc_col mc[] = {
        {"column", NULL, CPR_SHOW_MACHINE}, {"title", NULL, CPR_SHOW_MACHINE}, {"model", NULL, CPR_SHOW_MACHINE},
        {"formula", NULL, CPR_SHOW_MACHINE}, {"outcome", NULL, CPR_SHOW_MACHINE},
        {"estimator", NULL, CPR_SHOW_MACHINE}, {"se_type", NULL, CPR_SHOW_MACHINE},
        {"se_label", NULL, CPR_SHOW_MACHINE}, {"nobs", NULL, CPR_SHOW_MACHINE},
        {"n_groups", NULL, CPR_SHOW_MACHINE}, {"n_clusters", NULL, CPR_SHOW_MACHINE},
        {"r2", NULL, CPR_SHOW_MACHINE}, {"r2_within", NULL, CPR_SHOW_MACHINE}};
    b = cpr_doc_add_table(d, "models", NULL, CPR_SHOW_MACHINE, 13, mc);
    for (size_t i = 0; i < n; i++) {
        char *y = cpr_mtable_outcome(m[i]->formula);
        cpr_cell row[13] = {
            cpr_cell_num((double)(i + 1), CPR_NUM_INT), cpr_cell_text(i < o->ntitles ? o->titles[i] : NULL),
            cpr_cell_text(m[i]->model), cpr_cell_text(m[i]->formula), cpr_cell_text(y),
            cpr_cell_text(m[i]->estimator), cpr_cell_text(m[i]->se_type), cpr_cell_text(m[i]->se_label),
            cpr_cell_num((double)m[i]->nobs, CPR_NUM_INT),
            m[i]->n_groups ? cpr_cell_num((double)m[i]->n_groups, CPR_NUM_INT) : cpr_cell_na(),
            m[i]->n_clusters ? cpr_cell_num((double)m[i]->n_clusters, CPR_NUM_INT) : cpr_cell_na(),
            cpr_cell_num(cpr_mt_r2(m[i]), CPR_NUM_G), cpr_cell_num(cpr_mt_r2_within(m[i]), CPR_NUM_G)};
        free(y);
        cpr_doc_table_row(b, row);
    }
}

cpr_doc *cpr_mtable_doc(models_t m, size_t n, const cpr_mtable_opts *o)
{
    cpr_doc *d = cpr_doc_alloc(o->title);
    d->latex_float = 1;
    cpr_doc_col *cols = cpr_calloc(n + 1, sizeof *cols);
    char **keys = cpr_calloc(n + 1, sizeof *keys);
    cols[0] = (cpr_doc_col){"term", "", CPR_SHOW_ALL};
    for (size_t i = 0; i < n; i++) {
        keys[i] = cpr_asprintf("(%zu)", i + 1);
        cols[i + 1] = (cpr_doc_col){keys[i], keys[i], CPR_SHOW_ALL};
    }
    builder t = {cpr_doc_add_table(d, "table", NULL, CPR_SHOW_ALL, n + 1, cols), n + 1, NULL};
    t.b->center = 1;
    t.row = cpr_calloc(n + 1, sizeof *t.row);
    for (size_t i = 0; i < n; i++) free(keys[i]);
    free(keys);
    free(cols);
    /* header: titles (when given), then the outcome of each column */
    if (o->ntitles) {
        cpr_mt_row_start(&t, "");
        for (size_t i = 0; i < n && i < o->ntitles; i++) cpr_mt_row_set(&t, i, cpr_strdup(o->titles[i]));
        cpr_mt_row_end(&t);
    }
    cpr_mt_row_start(&t, "Outcome");
    for (size_t i = 0; i < n; i++) {
        char *y = cpr_mtable_outcome(m[i]->formula);
        cpr_mt_row_set(&t, i, y ? y : cpr_strdup(""));
    }
    cpr_mt_row_end(&t);
    t.b->nhead = t.b->nrow;
    const char **terms = NULL;
    size_t nt = row_terms(m, n, o, &terms);
    int any_boot = 0;
    for (size_t i = 0; i < n; i++) any_boot |= cpr_mt_has_boot(m[i]);
    char **tiny = cpr_calloc(nt + 1, sizeof *tiny);
    size_t ntiny = 0;
    coef_rows(&t, m, n, o, terms, nt, any_boot, tiny, &ntiny);
    cpr_mt_model_rows(&t, m, n);
    free(t.row);
    add_notes_block(d, m, n, o, tiny, ntiny);
    free(tiny);
    free(terms);
    machine_blocks(d, m, n, o);
    return d;
}
