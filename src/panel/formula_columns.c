/* The columns a formula reads, so a command can load only those
 * (cpr_load_opts.want): walked from the parsed formula, never its text. */
#include "cpr/formula.h"
#include "cpr/strmap.h"
#include "cpr/util.h"

#include <string.h>

typedef struct {
    const char **v;
    size_t n, cap;
    cpr_strmap seen; /* a formula may be long: no pairwise search */
} name_list;

static void add_name(name_list *l, const char *name)
{
    size_t before = l->seen.n;
    cpr_strmap_intern(&l->seen, name, strlen(name));
    if (l->seen.n == before) return;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 8;
        l->v = cpr_realloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = name;
}

/* Every CPR_EX_VAR under e (lags, logs, powers and products read their operands). */
static void add_expr(name_list *l, const cpr_expr *e)
{
    if (!e) return;
    if (e->kind == CPR_EX_VAR) {
        add_name(l, e->name);
        return;
    }
    add_expr(l, e->a);
    add_expr(l, e->b);
}

size_t cpr_formula_columns(const cpr_formula *fm, const char ***names)
{
    name_list l = {NULL, 0, 0, {0}};
    cpr_strmap_init(&l.seen);
    add_expr(&l, fm->lhs);
    for (size_t i = 0; i < fm->nterms; i++) add_expr(&l, fm->terms[i]);
    for (size_t i = 0; i < fm->n_endog; i++) add_expr(&l, fm->endog[i]);
    for (size_t i = 0; i < fm->n_instr; i++) add_expr(&l, fm->instr[i]);
    for (size_t i = 0; i < fm->n_fe; i++)
        if (strcmp(fm->fe_names[i], "entity") != 0 && strcmp(fm->fe_names[i], "time") != 0) add_name(&l, fm->fe_names[i]);
    cpr_strmap_free(&l.seen);
    *names = l.v;
    return l.n;
}
