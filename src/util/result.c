/* cpr_result bookkeeping: allocation, named statistics and tests, and the
 * inference columns derived from estimate and standard error. */
#include "cpr/result.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cpr_result *cpr_result_alloc(size_t k)
{
    cpr_result *r = cpr_calloc(1, sizeof *r);
    r->k = k;
    r->terms = cpr_calloc(k, sizeof *r->terms);
    r->estimate = cpr_calloc(k, sizeof(double));
    r->std_error = cpr_calloc(k, sizeof(double));
    r->statistic = cpr_calloc(k, sizeof(double));
    r->p_value = cpr_calloc(k, sizeof(double));
    r->conf_low = cpr_calloc(k, sizeof(double));
    r->conf_high = cpr_calloc(k, sizeof(double));
    r->vcov = cpr_calloc(k * k, sizeof(double));
    r->boot_p = cpr_malloc((k ? k : 1) * sizeof(double));
    r->boot_low = cpr_malloc((k ? k : 1) * sizeof(double));
    r->boot_high = cpr_malloc((k ? k : 1) * sizeof(double));
    for (size_t j = 0; j < k; j++) r->boot_p[j] = r->boot_low[j] = r->boot_high[j] = NAN;
    r->conf_level = 0.95;
    return r;
}

void cpr_result_free(cpr_result *r)
{
    if (!r) return;
    for (size_t j = 0; j < r->k; j++) free(r->terms[j]);
    free(r->terms);
    free(r->estimate); free(r->std_error); free(r->statistic);
    free(r->p_value); free(r->conf_low); free(r->conf_high); free(r->vcov);
    free(r->boot_p); free(r->boot_low); free(r->boot_high);
    free(r->sample);
    for (size_t i = 0; i < r->nstats; i++) { free(r->stats[i].name); free(r->stats[i].label); }
    free(r->stats);
    for (size_t i = 0; i < r->ntests; i++) {
        free(r->tests[i].name); free(r->tests[i].label); free(r->tests[i].note);
    }
    free(r->tests);
    for (size_t i = 0; i < r->nnotes; i++) free(r->notes[i]);
    free(r->notes);
    free(r->model); free(r->estimator); free(r->formula); free(r->se_type); free(r->se_label);
    free(r->residuals); free(r->fitted);
    cpr_cluster_diag_free(r->cdiag);
    free(r);
}

cpr_cluster_diag *cpr_cluster_diag_alloc(size_t G, size_t k)
{
    cpr_cluster_diag *c = cpr_calloc(1, sizeof *c);
    c->G = G; c->k = k;
    c->labels = cpr_calloc(G, sizeof *c->labels);
    c->size = cpr_calloc(G, sizeof *c->size);
    c->leverage = cpr_calloc(G, sizeof *c->leverage);
    c->partial = cpr_calloc(G * k, sizeof *c->partial);
    c->beta_loo = cpr_calloc(G * k, sizeof *c->beta_loo);
    c->gstar0 = cpr_calloc(k, sizeof *c->gstar0);
    c->gstar1 = cpr_calloc(k, sizeof *c->gstar1);
    return c;
}

void cpr_cluster_diag_free(cpr_cluster_diag *c)
{
    if (!c) return;
    for (size_t g = 0; g < c->G; g++) free(c->labels[g]);
    free(c->labels); free(c->size); free(c->leverage); free(c->partial); free(c->beta_loo);
    free(c->gstar0); free(c->gstar1);
    free(c);
}

int cpr_result_set_term(cpr_result *r, size_t j, const char *name)
{
    free(r->terms[j]);
    r->terms[j] = cpr_strdup(name);
    return 0;
}

int cpr_result_add_stat(cpr_result *r, const char *name, const char *label,
                        double value, int is_integer)
{
    r->stats = cpr_realloc(r->stats, (r->nstats + 1) * sizeof *r->stats);
    cpr_stat *s = &r->stats[r->nstats++];
    s->name = cpr_strdup(name);
    s->label = cpr_strdup(label);
    s->value = value;
    s->is_integer = is_integer;
    return 0;
}

int cpr_result_add_test(cpr_result *r, const char *name, const char *label,
                        double statistic, double df1, double df2, double p,
                        const char *note)
{
    r->tests = cpr_realloc(r->tests, (r->ntests + 1) * sizeof *r->tests);
    cpr_test *t = &r->tests[r->ntests++];
    t->name = cpr_strdup(name);
    t->label = cpr_strdup(label);
    t->statistic = statistic;
    t->df1 = df1;
    t->df2 = df2;
    t->p_value = p;
    t->note = note ? cpr_strdup(note) : NULL;
    return 0;
}

int cpr_result_add_note(cpr_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    char *s = cpr_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    r->notes = cpr_realloc(r->notes, (r->nnotes + 1) * sizeof *r->notes);
    r->notes[r->nnotes++] = s;
    return 0;
}

void cpr_result_finish_inference(cpr_result *r)
{
    double level = r->conf_level > 0 && r->conf_level < 1 ? r->conf_level : 0.95;
    double a = (1.0 - level) / 2.0;
    double crit = r->df_resid > 0 ? gsl_cdf_tdist_Qinv(a, r->df_resid) : gsl_cdf_ugaussian_Qinv(a);
    for (size_t j = 0; j < r->k; j++) {
        double b = r->estimate[j], se = r->std_error[j];
        if (!(se > 0) || !isfinite(se)) {
            r->statistic[j] = r->p_value[j] = r->conf_low[j] = r->conf_high[j] = NAN;
            continue;
        }
        double t = b / se;
        r->statistic[j] = t;
        double tail = r->df_resid > 0 ? gsl_cdf_tdist_Q(fabs(t), r->df_resid) : gsl_cdf_ugaussian_Q(fabs(t));
        r->p_value[j] = 2.0 * tail;
        r->conf_low[j] = b - crit * se;
        r->conf_high[j] = b + crit * se;
    }
}

int cpr_result_has_boot(const cpr_result *r)
{
    for (size_t j = 0; j < r->k; j++)
        if (isfinite(r->boot_p[j])) return 1;
    return 0;
}

double cpr_result_stat(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->nstats; i++)
        if (strcmp(r->stats[i].name, name) == 0) return r->stats[i].value;
    return NAN;
}

long cpr_result_term(const cpr_result *r, const char *term)
{
    for (size_t j = 0; j < r->k; j++)
        if (r->terms[j] && strcmp(r->terms[j], term) == 0) return (long)j;
    return -1;
}
