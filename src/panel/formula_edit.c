/* Editing a parsed formula (cpr/formula_edit.h). Each call parses its piece
 * into the formula's own node pool (formula_internal.h), so the nodes live
 * and die with the formula like those of the parse. */
#include "cpr/formula_edit.h"
#include "formula_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

int cpr_formula_alloc(const char *lhs, cpr_formula **out)
{
    cpr_formula *fm = cpr_calloc(1, sizeof *fm);
    fm->intercept = 1;
    int rc = cpr_formula_parse_outcome_(fm, lhs, &fm->lhs);
    if (rc) { cpr_formula_free(fm); fm = NULL; }
    *out = fm;
    return rc;
}

/* Terms are the same when they print the same (as the parser compares them). */
static long find_term(cpr_expr *const *v, size_t n, const cpr_expr *e)
{
    char *s = cpr_expr_to_string(e);
    long at = -1;
    for (size_t i = 0; i < n && at < 0; i++) {
        char *t = cpr_expr_to_string(v[i]);
        if (strcmp(s, t) == 0) at = (long)i;
        free(t);
    }
    free(s);
    return at;
}

int cpr_formula_add_terms(cpr_formula *fm, const char *list)
{
    cpr_expr **v = NULL;
    size_t n = 0;
    int rc = cpr_formula_parse_sum_(fm, list, &v, &n, &fm->intercept);
    if (rc) return rc;
    fm->terms = cpr_realloc(fm->terms, (fm->nterms + n + 1) * sizeof *fm->terms);
    for (size_t i = 0; i < n; i++)
        if (find_term(fm->terms, fm->nterms, v[i]) < 0) fm->terms[fm->nterms++] = v[i];
    free(v);
    return CPR_OK;
}

void cpr_formula_set_fe(cpr_formula *fm, const char *const *names, size_t n)
{
    for (size_t i = 0; i < fm->n_fe; i++) free(fm->fe_names[i]);
    free(fm->fe_names);
    fm->fe_names = cpr_calloc(n + 1, sizeof *fm->fe_names);
    fm->n_fe = n;
    fm->fe_entity = fm->fe_time = 0;
    for (size_t i = 0; i < n; i++) {
        fm->fe_names[i] = cpr_strdup(names[i]);
        if (strcmp(names[i], "entity") == 0) fm->fe_entity = 1;
        if (strcmp(names[i], "time") == 0) fm->fe_time = 1;
    }
}

int cpr_formula_set_iv(cpr_formula *fm, const char *endog, const char *instr)
{
    if (fm->n_endog > 0) return cpr_fail(CPR_E_FORMULA, "formula: it has an IV part already");
    cpr_expr **e = NULL, **z = NULL;
    size_t ne = 0, nz = 0;
    int rc = cpr_formula_parse_sum_(fm, endog, &e, &ne, NULL);
    if (!rc) rc = cpr_formula_parse_sum_(fm, instr, &z, &nz, NULL);
    if (!rc && nz < ne)
        rc = cpr_fail(CPR_E_FORMULA, "formula: IV needs at least as many instruments (%zu) as endogenous regressors (%zu)\n  %s ~ %s",
                      nz, ne, endog, instr);
    if (rc) { free(e); free(z); return rc; }
    fm->endog = e;
    fm->n_endog = ne;
    fm->instr = z;
    fm->n_instr = nz;
    return CPR_OK;
}

void cpr_formula_drop_endog_terms(cpr_formula *fm)
{
    size_t m = 0;
    for (size_t j = 0; j < fm->nterms; j++)
        if (find_term(fm->endog, fm->n_endog, fm->terms[j]) < 0) fm->terms[m++] = fm->terms[j];
    fm->nterms = m;
}

int cpr_formula_term_names(const char *list, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    cpr_formula *fm = cpr_calloc(1, sizeof *fm);   /* a pool for the nodes */
    cpr_expr **v = NULL;
    int rc = cpr_formula_parse_sum_(fm, list, &v, n, NULL);
    if (!rc) {
        *names = cpr_calloc(*n + 1, sizeof **names);
        for (size_t i = 0; i < *n; i++) (*names)[i] = cpr_expr_to_string(v[i]);
    }
    free(v);
    cpr_formula_free(fm);
    return rc;
}
