/* Canonical printing of formulas and terms. The printed form is what every
 * output shows and what term names in the design are made of, so it must
 * parse back to the same formula (names that would not are backquoted). */
#include "cpr/formula.h"
#include "cpr/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = cpr_realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

/* Would the name be read back as this single name? */
static int plain_name(const char *s)
{
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_')) return 0;
    for (const char *c = s; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_' || *c == '.')) return 0;
    /* an operator prefix (L., L2., F., D.) would be taken as an operator */
    if (s[0] == 'L' || s[0] == 'F' || s[0] == 'D') {
        const char *c = s + 1;
        while (isdigit((unsigned char)*c)) c++;
        if (*c == '.') return 0;
    }
    return 1;
}

static void put_name(sbuf *b, const char *name)
{
    if (plain_name(name) && strcmp(name, "log") != 0 && strcmp(name, "I") != 0) {
        sb_put(b, name);
    } else {
        sb_put(b, "`");
        sb_put(b, name);
        sb_put(b, "`");
    }
}

static void put_expr(sbuf *b, const cpr_expr *e, int arith)
{
    char num[64];
    switch (e->kind) {
    case CPR_EX_VAR:
        put_name(b, e->name);
        break;
    case CPR_EX_LAG:
        if (e->k == 1) sb_put(b, "L.");
        else if (e->k == -1) sb_put(b, "F.");
        else {
            snprintf(num, sizeof num, "%c%d.", e->k > 0 ? 'L' : 'F', e->k > 0 ? e->k : -e->k);
            sb_put(b, num);
        }
        put_expr(b, e->a, arith);
        break;
    case CPR_EX_DIFF:
        sb_put(b, "D.");
        put_expr(b, e->a, arith);
        break;
    case CPR_EX_LOG:
    case CPR_EX_ASIS:
        sb_put(b, e->kind == CPR_EX_LOG ? "log(" : "I(");
        put_expr(b, e->a, 1);
        sb_put(b, ")");
        break;
    case CPR_EX_POW: {
        int paren = e->a->kind == CPR_EX_PROD || e->a->kind == CPR_EX_POW;
        if (paren) sb_put(b, "(");
        put_expr(b, e->a, 1);
        if (paren) sb_put(b, ")");
        /* shortest form that reads back exactly (0.1, not 0.10000000000000001) */
        snprintf(num, sizeof num, "^%.15g", e->power);
        if (strtod(num + 1, NULL) != e->power) snprintf(num, sizeof num, "^%.17g", e->power);
        sb_put(b, num);
        break;
    }
    case CPR_EX_PROD:
        put_expr(b, e->a, arith);
        sb_put(b, arith ? "*" : ":");
        put_expr(b, e->b, arith);
        break;
    }
}

char *cpr_expr_to_string(const cpr_expr *e)
{
    sbuf b = {0};
    sb_put(&b, "");
    put_expr(&b, e, 0);
    return b.s;
}

static void put_sum(sbuf *b, cpr_expr *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) sb_put(b, " + ");
        put_expr(b, v[i], 0);
    }
}

char *cpr_formula_to_string(const cpr_formula *fm)
{
    sbuf b = {0};
    sb_put(&b, "");
    put_expr(&b, fm->lhs, 1);
    sb_put(&b, " ~ ");
    if (fm->nterms == 0) sb_put(&b, fm->intercept ? "1" : "0");
    put_sum(&b, fm->terms, fm->nterms);
    if (fm->nterms > 0 && !fm->intercept) sb_put(&b, " - 1");
    if (fm->n_fe > 0 || fm->n_endog > 0) {
        sb_put(&b, " | ");
        if (fm->n_fe == 0) sb_put(&b, "0");
        for (size_t i = 0; i < fm->n_fe; i++) {
            if (i) sb_put(&b, " + ");
            put_name(&b, fm->fe_names[i]);
        }
    }
    if (fm->n_endog > 0) {
        sb_put(&b, " | ");
        put_sum(&b, fm->endog, fm->n_endog);
        sb_put(&b, " ~ ");
        put_sum(&b, fm->instr, fm->n_instr);
    }
    return b.s;
}
