/* The model formula language: parsing, printing and binding to a frame.
 * The design builder is in cpr/design_build.h, the panel operators in
 * cpr/lag.h.
 *
 *   y ~ x1 + x2                          pooled / OLS
 *   poverty ~ L.aid + log(gdp_pc) | iso3 + year      fixed effects after '|'
 *   y ~ x | 0 | d ~ z1 + z2              IV: exog | FE (0/empty = none) | endog ~ instruments
 *
 * Terms: names (letters, digits, '_', inner dots; `backquoted` for anything
 * else), panel operators L. L2. F. F2. D. D2. (combinable: L.D.x), log(x),
 * x1:x2 (product), x1*x2 (= x1 + x2 + x1:x2), x^2 and I(x^2), and -1 / 0 to
 * drop the intercept. A leading L./F./D. prefix is always an operator; to name
 * a column such as "D.x" write `D.x`. In the FE part the words `entity` and
 * `time` stand for the panel's key columns. */
#ifndef CPR_FORMULA_H
#define CPR_FORMULA_H

#include <stddef.h>

#include "cpr/frame.h"

typedef enum {
    CPR_EX_VAR,   /* a column: name */
    CPR_EX_LAG,   /* a shifted by k periods: k > 0 lag, k < 0 lead */
    CPR_EX_DIFF,  /* a - L.a */
    CPR_EX_LOG,   /* natural log of a; non-positive values become missing */
    CPR_EX_POW,   /* a ^ power */
    CPR_EX_PROD,  /* a * b (interaction) */
    CPR_EX_ASIS   /* I(a): printed with I(), evaluates as a */
} cpr_expr_kind;

typedef struct cpr_expr {
    cpr_expr_kind kind;
    char *name;             /* CPR_EX_VAR */
    int k;                  /* CPR_EX_LAG */
    double power;           /* CPR_EX_POW */
    struct cpr_expr *a, *b; /* operands */
    char *str_;             /* private: cached printable form (parser's duplicate check) */
    int height_;            /* private: height of this subtree (parser's nesting limit) */
} cpr_expr;

/* Formulas nest at most this deep (parentheses, log(), I(), operators, a:b:c
 * chains): every walk over a formula is recursive, so a 1 MiB formula of
 * "log(" must be an error, not a stack overflow. */
#define CPR_FORMULA_MAX_DEPTH 256

typedef struct {
    cpr_expr *lhs;          /* outcome (may itself be log(y), D.y, ...) */
    size_t nterms;
    cpr_expr **terms;       /* exogenous regressors, in formula order, no duplicates */
    int intercept;          /* 0 after "-1" or "0 +" */

    /* Fixed-effects part as written, plus the flags resolved from it: the
     * words entity/time set the flags at parse time; other names are
     * resolved against a frame by cpr_formula_bind. */
    size_t n_fe;
    char **fe_names;
    int fe_entity, fe_time;

    /* IV part: endog ~ instruments (both 0 when there is no third part). */
    size_t n_endog, n_instr;
    cpr_expr **endog, **instr;

    /* private: every node is allocated in this pool (terms share subtrees,
     * e.g. a*b gives a, b and a:b), freed together by cpr_formula_free. */
    cpr_expr **pool_;
    size_t npool_, cappool_;
} cpr_formula;

/* Parse `text`. Errors: CPR_E_FORMULA with the column and a caret line. */
int cpr_formula_parse(const char *text, cpr_formula **out);
void cpr_formula_free(cpr_formula *fm);
/* Canonical printable form, e.g. "poverty ~ L.aid + log(gdp_pc) | iso3 + year".
 * Parsing the result gives the same formula. Caller frees. */
char *cpr_formula_to_string(const cpr_formula *fm);
/* Printable name of one term, e.g. "L.aid", "x1:x2", "I(x^2)". Caller frees. */
char *cpr_expr_to_string(const cpr_expr *e);

/* The names of the columns the formula reads: every variable of the
 * outcome, the terms and the IV part (under lags, logs, powers and
 * products), then the fixed-effect names other than the words entity and
 * time; each once, in that order. Returns how many; *names is an array
 * the caller frees (NULL when none), whose strings belong to fm. */
size_t cpr_formula_columns(const cpr_formula *fm, const char ***names);

/* Check the formula against a frame: every variable must be a numeric column
 * (CPR_E_NOVAR with a "did you mean" hint, CPR_E_NONNUMERIC) and every FE
 * name the frame's entity or time column (CPR_E_NOVAR); sets fe_entity and
 * fe_time. cpr_design_build (cpr/design_build.h) does the same checks itself. */
int cpr_formula_bind(cpr_formula *fm, const cpr_frame *f);

#endif
