/* Binding a formula to a frame: every variable a numeric column, every
 * fixed effect the entity or time key, with "did you mean" hints. The
 * design builder (design_build.c) runs the same checks before it evaluates
 * anything (bind_internal.h). */
#include "cpr/formula.h"
#include "bind_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

long cpr_bind_find_col(const cpr_frame *f, const char *name)
{
    for (size_t j = 0; j < f->ncol; j++)
        if (f->cols[j].name && strcmp(f->cols[j].name, name) == 0) return (long)j;
    return -1;
}

int cpr_bind_unknown_var(const cpr_frame *f, const char *name, const char *what)
{
    const char **cand = cpr_calloc(f->ncol + 2, sizeof *cand);
    size_t nc = 0;
    for (size_t j = 0; j < f->ncol; j++) cand[nc++] = f->cols[j].name;
    if (f->entity_name) cand[nc++] = f->entity_name;
    if (f->time_name) cand[nc++] = f->time_name;
    const char *hint = cpr_closest(name, cand, nc);
    int rc = hint ? cpr_fail(CPR_E_NOVAR, "unknown %s '%s'%s%s: did you mean '%s'?", what, name,
                             f->source ? " in " : "", f->source ? f->source : "", hint)
                  : cpr_fail(CPR_E_NOVAR, "unknown %s '%s'%s%s", what, name,
                             f->source ? " in " : "", f->source ? f->source : "");
    free(cand);
    return rc;
}

/* Every variable used must be a numeric column (or the time key). */
int cpr_bind_check_expr(const cpr_frame *f, const cpr_expr *e)
{
    if (!e) return CPR_OK;
    if (e->kind == CPR_EX_VAR) {
        long j = cpr_bind_find_col(f, e->name);
        if (j < 0) {
            if (f->time_name && f->time && strcmp(e->name, f->time_name) == 0) return CPR_OK;
            return cpr_bind_unknown_var(f, e->name, "variable");
        }
        if (f->cols[j].type != CPR_COL_NUM)
            return cpr_fail(CPR_E_NONNUMERIC, "variable '%s' is text, not numeric, and cannot enter a formula",
                            e->name);
        return CPR_OK;
    }
    if ((e->kind == CPR_EX_LAG || e->kind == CPR_EX_DIFF) && !f->time) {
        char *s = cpr_expr_to_string(e);
        int rc = cpr_fail(CPR_E_FORMULA, "formula: '%s' needs panel or time-series data (no time column)", s);
        free(s);
        return rc;
    }
    int rc = cpr_bind_check_expr(f, e->a);
    return rc ? rc : cpr_bind_check_expr(f, e->b);
}

static int check_list(const cpr_frame *f, cpr_expr *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int rc = cpr_bind_check_expr(f, v[i]);
        if (rc) return rc;
    }
    return CPR_OK;
}

/* Map the FE names to the entity/time flags. */
static int resolve_fe(const cpr_formula *fm, const cpr_frame *f, int *fe_entity, int *fe_time)
{
    *fe_entity = *fe_time = 0;
    for (size_t i = 0; i < fm->n_fe; i++) {
        const char *n = fm->fe_names[i];
        if (strcmp(n, "entity") == 0 || (f->entity_name && strcmp(n, f->entity_name) == 0)) {
            if (!f->entity)
                return cpr_fail(CPR_E_NOKEY, "fixed effect '%s': the data have no entity column", n);
            *fe_entity = 1;
        } else if (strcmp(n, "time") == 0 || (f->time_name && strcmp(n, f->time_name) == 0)) {
            if (!f->time)
                return cpr_fail(CPR_E_NOKEY, "fixed effect '%s': the data have no time column", n);
            *fe_time = 1;
        } else {
            const char *cand[2];
            size_t nc = 0;
            if (f->entity_name) cand[nc++] = f->entity_name;
            if (f->time_name) cand[nc++] = f->time_name;
            const char *hint = cpr_closest(n, cand, nc);
            return cpr_fail(CPR_E_NOVAR, "fixed effect '%s' must be the entity (%s) or time (%s) column%s%s%s", n,
                            f->entity_name ? f->entity_name : "none", f->time_name ? f->time_name : "none",
                            hint ? ": did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
        }
    }
    return CPR_OK;
}

int cpr_bind_check_formula(const cpr_formula *fm, const cpr_frame *f, int *fe_entity, int *fe_time)
{
    int rc = cpr_bind_check_expr(f, fm->lhs);
    if (!rc) rc = check_list(f, fm->terms, fm->nterms);
    if (!rc) rc = check_list(f, fm->endog, fm->n_endog);
    if (!rc) rc = check_list(f, fm->instr, fm->n_instr);
    if (!rc) rc = resolve_fe(fm, f, fe_entity, fe_time);
    return rc;
}

int cpr_formula_bind(cpr_formula *fm, const cpr_frame *f)
{
    return cpr_bind_check_formula(fm, f, &fm->fe_entity, &fm->fe_time);
}
