/* Formula tokenizer and recursive-descent parser.
 *
 *   formula := arith '~' sum [ '|' part2 [ '|' iv ] ] END
 *   part2   := '0' | empty | name ('+' name)*     (fixed effects)
 *            | sum '~' sum                         (IV without FE part)
 *   iv      := sum '~' sum                         (endogenous ~ instruments)
 *   sum     := ['-'] item (('+' | '-') item)*      item := '0' | '1' | product
 *   product := factor (('*' | ':') factor)*        '*' expands, ':' interacts
 *   factor  := unary ['^' number]
 *   unary   := OPS unary | name | `name` | log(arith) | I(arith)
 *   arith   := factor (('*' | ':') factor)*        inside log()/I(): plain product
 *
 * Nodes live in a pool owned by the formula because expansion shares
 * subtrees (a*b -> a, b, a:b). */
#include "cpr/formula.h"
#include "formula_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    T_END, T_NAME, T_QNAME, T_NUM, T_TILDE, T_PLUS, T_MINUS, T_STAR,
    T_COLON, T_CARET, T_BAR, T_LPAR, T_RPAR, T_BAD
} tok_kind;

typedef struct {
    tok_kind kind;
    const char *s; /* token text (for T_QNAME without the backquotes) */
    size_t len;
    int col;       /* 1-based column of the token start */
} token;

typedef struct {
    const char *text;
    size_t pos;
    token tok;
    cpr_formula *fm;
    int failed;
    int depth;     /* current recursion depth of parse_unary */
    int commas;    /* a term list (formula_edit.c): ',' separates like '+' */
} parser;

typedef struct {
    cpr_expr **v;
    size_t n, cap;
} expr_list;

static int is_name_start(int c) { return isalpha(c) || c == '_'; }
static int is_name_char(int c) { return isalnum(c) || c == '_' || c == '.'; }

static void next_token(parser *p)
{
    const char *t = p->text;
    while (t[p->pos] == ' ' || t[p->pos] == '\t' || t[p->pos] == '\n' || t[p->pos] == '\r')
        p->pos++;
    token *k = &p->tok;
    k->s = t + p->pos;
    k->col = (int)p->pos + 1;
    k->len = 1;
    unsigned char c = (unsigned char)t[p->pos];
    if (c == '\0') { k->kind = T_END; k->len = 0; return; }
    if (is_name_start(c)) {
        size_t e = p->pos;
        while (is_name_char((unsigned char)t[e])) e++;
        k->kind = T_NAME; k->len = e - p->pos; p->pos = e;
        return;
    }
    if (isdigit(c) || (c == '.' && isdigit((unsigned char)t[p->pos + 1]))) {
        size_t e = p->pos;
        while (isdigit((unsigned char)t[e]) || t[e] == '.') e++;
        k->kind = T_NUM; k->len = e - p->pos; p->pos = e;
        return;
    }
    if (c == '`') {
        const char *close = strchr(t + p->pos + 1, '`');
        if (!close || close == t + p->pos + 1) { k->kind = T_BAD; p->pos++; return; }
        k->kind = T_QNAME; k->s = t + p->pos + 1; k->len = (size_t)(close - k->s);
        p->pos = (size_t)(close - t) + 1;
        return;
    }
    if (c == ',' && p->commas) { k->kind = T_PLUS; p->pos++; return; }
    static const char ops[] = "~+-*:^|()";
    static const tok_kind kinds[] = {T_TILDE, T_PLUS, T_MINUS, T_STAR, T_COLON,
                                     T_CARET, T_BAR, T_LPAR, T_RPAR};
    const char *o = strchr(ops, c);
    k->kind = o ? kinds[o - ops] : T_BAD;
    p->pos++;
}

/* Record a syntax error at the current token, with the formula and a caret. */
static void *syntax_error(parser *p, const char *expected)
{
    if (p->failed) return NULL;
    p->failed = 1;
    const token *k = &p->tok;
    if (k->kind == T_END)
        cpr_fail(CPR_E_FORMULA, "formula: unexpected end at column %d: expected %s\n  %s\n  %*s^",
                 k->col, expected, p->text, k->col - 1, "");
    else if (k->kind == T_BAD && k->s[0] == '`')
        cpr_fail(CPR_E_FORMULA, "formula: unterminated or empty `name` at column %d\n  %s\n  %*s^",
                 k->col, p->text, k->col - 1, "");
    else {
        size_t len = k->kind == T_QNAME ? k->len + 2 : k->len;
        /* a stray non-ASCII character: show the whole UTF-8 sequence, not its first byte */
        if (k->kind == T_BAD && (unsigned char)k->s[0] >= 0xC0)
            while (len < 4 && ((unsigned char)k->s[len] & 0xC0) == 0x80) len++;
        cpr_fail(CPR_E_FORMULA, "formula: unexpected '%.*s' at column %d: expected %s\n  %s\n  %*s^",
                 (int)len,
                 k->kind == T_QNAME ? k->s - 1 : k->s, k->col, expected, p->text, k->col - 1, "");
    }
    return NULL;
}

static cpr_expr *node(parser *p, cpr_expr_kind kind)
{
    cpr_formula *fm = p->fm;
    if (fm->npool_ == fm->cappool_) {
        fm->cappool_ = fm->cappool_ ? 2 * fm->cappool_ : 16;
        fm->pool_ = cpr_realloc(fm->pool_, fm->cappool_ * sizeof *fm->pool_);
    }
    cpr_expr *e = cpr_calloc(1, sizeof *e);
    e->kind = kind;
    e->height_ = 1;
    fm->pool_[fm->npool_++] = e;
    return e;
}

static void *too_deep(parser *p)
{
    if (p->failed) return NULL;
    p->failed = 1;
    /* no caret line: the formula may be a megabyte long */
    cpr_fail(CPR_E_FORMULA, "formula: nested more than %d levels deep at column %d",
             CPR_FORMULA_MAX_DEPTH, p->tok.col);
    return NULL;
}

/* NULL (with the error recorded) when an operand is missing or the result
 * would nest deeper than CPR_FORMULA_MAX_DEPTH. */
static cpr_expr *node2(parser *p, cpr_expr_kind kind, cpr_expr *a, cpr_expr *b)
{
    if (!a) return NULL;
    int h = 1 + (b && b->height_ > a->height_ ? b->height_ : a->height_);
    if (h > CPR_FORMULA_MAX_DEPTH) return too_deep(p);
    cpr_expr *e = node(p, kind);
    e->height_ = h;
    e->a = a;
    e->b = b;
    return e;
}

static void list_push(expr_list *l, cpr_expr *e)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 8;
        l->v = cpr_realloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = e;
}

/* Terms are the same when they print the same ("a:b:c" however nested).
 * Nodes never change after parsing, so the printed form is cached: without
 * the cache every comparison built two strings, and a*b*c*... products
 * (hundreds of terms, compared pairwise) took seconds. */
static const char *expr_key(cpr_expr *e)
{
    if (!e->str_) e->str_ = cpr_expr_to_string(e);
    return e->str_;
}

static int same_expr(cpr_expr *a, cpr_expr *b)
{
    return strcmp(expr_key(a), expr_key(b)) == 0;
}

static long list_find(const expr_list *l, cpr_expr *e)
{
    for (size_t i = 0; i < l->n; i++)
        if (same_expr(l->v[i], e)) return (long)i;
    return -1;
}

static void list_add_unique(expr_list *l, cpr_expr *e)
{
    if (list_find(l, e) < 0) list_push(l, e);
}

static cpr_expr *parse_unary(parser *p, int arith);
static cpr_expr *parse_arith(parser *p);

/* Length of a panel-operator prefix ("L.", "L2.", "F.", "D.") at s, or 0. */
static size_t op_prefix(const char *s, size_t len, char *op, int *order)
{
    if (len < 2 || (s[0] != 'L' && s[0] != 'F' && s[0] != 'D')) return 0;
    size_t i = 1;
    int k = 0;
    while (i < len && isdigit((unsigned char)s[i]) && k < 1000) k = k * 10 + (s[i++] - '0');
    if (i >= len || s[i] != '.') return 0;
    *op = s[0];
    *order = i == 1 ? 1 : k;
    return i + 1;
}

static cpr_expr *apply_op(parser *p, char op, int order, cpr_expr *e)
{
    if (op == 'D') {
        for (int i = 0; i < order; i++) e = node2(p, CPR_EX_DIFF, e, NULL);
        return e;
    }
    if (order == 0) return e;
    cpr_expr *l = node2(p, CPR_EX_LAG, e, NULL);
    if (!l) return NULL;
    l->k = op == 'L' ? order : -order;
    return l;
}

/* log(...) / I(...) after their name; the current token is '('. */
static cpr_expr *parse_call(parser *p, cpr_expr_kind kind)
{
    next_token(p);
    cpr_expr *in = parse_arith(p);
    if (!in) return NULL;
    if (p->tok.kind != T_RPAR) return syntax_error(p, "')'");
    next_token(p);
    return node2(p, kind, in, NULL);
}

static cpr_expr *parse_name(parser *p, int arith)
{
    const char *s = p->tok.s;
    size_t len = p->tok.len;
    char ops[64];
    int orders[64];
    size_t nops = 0, used;
    char op;
    int order, total = 0;
    while ((used = op_prefix(s, len, &op, &order)) > 0) {
        /* D3. prints back as D.D.D., so count differences by their order:
         * more than 64 would not parse back to the same formula */
        total += op == 'D' ? order : 1;
        if (nops == 64 || total > 64)
            return syntax_error(p, "at most 64 panel operators (L. F. D., D3. counting 3) on one variable");
        ops[nops] = op;
        orders[nops++] = order;
        s += used;
        len -= used;
    }
    cpr_expr *e;
    if (len == 0) {                   /* "L." followed by `name`, log(...) */
        next_token(p);
        e = parse_unary(p, arith);
        if (!e) return NULL;
    } else {
        if (!is_name_start((unsigned char)*s)) return syntax_error(p, "a variable name");
        int is_log = len == 3 && memcmp(s, "log", 3) == 0;
        int is_asis = len == 1 && *s == 'I';
        next_token(p);
        if ((is_log || is_asis) && p->tok.kind == T_LPAR) {
            e = parse_call(p, is_log ? CPR_EX_LOG : CPR_EX_ASIS);
            if (!e) return NULL;
        } else {
            e = node(p, CPR_EX_VAR);
            e->name = cpr_strndup(s, len);
        }
    }
    while (nops > 0) { nops--; e = apply_op(p, ops[nops], orders[nops], e); }
    return e;
}

static cpr_expr *parse_unary_(parser *p, int arith);

/* The parser recurses here for every '(' / log( / I( / "L.(": bounded. */
static cpr_expr *parse_unary(parser *p, int arith)
{
    if (p->depth >= CPR_FORMULA_MAX_DEPTH) return too_deep(p);
    p->depth++;
    cpr_expr *e = parse_unary_(p, arith);
    p->depth--;
    return e;
}

static cpr_expr *parse_unary_(parser *p, int arith)
{
    switch (p->tok.kind) {
    case T_NAME:
        return parse_name(p, arith);
    case T_QNAME: {
        cpr_expr *e = node(p, CPR_EX_VAR);
        e->name = cpr_strndup(p->tok.s, p->tok.len);
        next_token(p);
        return e;
    }
    case T_LPAR:
        if (arith) {
            next_token(p);
            cpr_expr *e = parse_arith(p);
            if (!e) return NULL;
            if (p->tok.kind != T_RPAR) return syntax_error(p, "')'");
            next_token(p);
            return e;
        }
        return syntax_error(p, "a variable name (use I(...) for arithmetic)");
    default:
        return syntax_error(p, "a variable name");
    }
}

static cpr_expr *parse_factor(parser *p, int arith)
{
    cpr_expr *e = parse_unary(p, arith);
    if (!e) return NULL;
    if (p->tok.kind != T_CARET) return e;
    next_token(p);
    double v;
    if (p->tok.kind != T_NUM || cpr_parse_double(p->tok.s, p->tok.len, &v) != 1)
        return syntax_error(p, "a number after '^'");
    /* within the range printed without an exponent (formulas print and parse back) */
    if (!(v == 0 || (fabs(v) >= 1e-4 && fabs(v) < 1e15)))
        return syntax_error(p, "a power between 0.0001 and 1e15");
    next_token(p);
    cpr_expr *pw = node2(p, CPR_EX_POW, e, NULL);
    if (!pw) return NULL;
    pw->power = v;
    return pw;
}

static cpr_expr *parse_arith(parser *p)
{
    cpr_expr *e = parse_factor(p, 1);
    while (e && (p->tok.kind == T_STAR || p->tok.kind == T_COLON)) {
        next_token(p);
        cpr_expr *b = parse_factor(p, 1);
        if (!b) return NULL;
        e = node2(p, CPR_EX_PROD, e, b);
    }
    return e;
}

/* One product item of a sum, expanded into terms appended to `out`. */
#define MAX_PRODUCT_TERMS 256  /* a*b*c*... doubles the terms with every factor */

static int parse_product(parser *p, expr_list *out)
{
    int col0 = p->tok.col;
    cpr_expr *f = parse_factor(p, 0);
    if (!f) return -1;
    expr_list cur = {0};
    list_push(&cur, f);
    while (p->tok.kind == T_STAR || p->tok.kind == T_COLON) {
        int star = p->tok.kind == T_STAR;
        next_token(p);
        f = parse_factor(p, 0);
        if (!f) { free(cur.v); return -1; }
        expr_list nxt = {0};
        if (star)
            for (size_t i = 0; i < cur.n; i++) list_add_unique(&nxt, cur.v[i]);
        if (star) list_add_unique(&nxt, f);
        for (size_t i = 0; i < cur.n; i++) {
            cpr_expr *pr = node2(p, CPR_EX_PROD, cur.v[i], f);
            if (!pr) { free(cur.v); free(nxt.v); return -1; }
            list_add_unique(&nxt, pr);
        }
        free(cur.v);
        cur = nxt;
        if (cur.n > MAX_PRODUCT_TERMS) {
            free(cur.v);
            if (!p->failed) {
                p->failed = 1;
                cpr_fail(CPR_E_FORMULA, "formula: the product starting at column %d expands to more than %d terms "
                         "(each '*' doubles them; use ':' for a single interaction)\n  %s\n  %*s^",
                         col0, MAX_PRODUCT_TERMS, p->text, col0 - 1, "");
            }
            return -1;
        }
    }
    for (size_t i = 0; i < cur.n; i++) list_push(out, cur.v[i]);
    free(cur.v);
    return 0;
}

/* A '+'/'-' separated list of terms; `intercept` (may be NULL when a
 * constant is not meaningful, e.g. the IV part) receives 0/1 markers. */
static int parse_sum(parser *p, expr_list *terms, int *intercept)
{
    int sign = 1;
    if (p->tok.kind == T_MINUS) { sign = -1; next_token(p); }
    for (;;) {
        if (p->tok.kind == T_NUM && intercept &&
            p->tok.len == 1 && (p->tok.s[0] == '0' || p->tok.s[0] == '1')) {
            int one = p->tok.s[0] == '1';
            *intercept = sign > 0 ? one : !one;
            next_token(p);
        } else {
            expr_list items = {0};
            if (parse_product(p, &items) < 0) { free(items.v); return -1; }
            for (size_t i = 0; i < items.n; i++) {
                if (sign > 0) {
                    list_add_unique(terms, items.v[i]);
                } else {
                    long at = list_find(terms, items.v[i]);
                    if (at >= 0) {
                        memmove(terms->v + at, terms->v + at + 1,
                                (terms->n - (size_t)at - 1) * sizeof *terms->v);
                        terms->n--;
                    }
                }
            }
            free(items.v);
        }
        if (p->tok.kind == T_PLUS) sign = 1;
        else if (p->tok.kind == T_MINUS) sign = -1;
        else return 0;
        next_token(p);
    }
}

static void take_list(expr_list *l, cpr_expr ***v, size_t *n)
{
    *v = l->v;
    *n = l->n;
    l->v = NULL;
    l->n = l->cap = 0;
}

/* The part after the first '|': fixed effects, or "endog ~ instr". */
static int parse_part2(parser *p, int *is_iv)
{
    cpr_formula *fm = p->fm;
    *is_iv = 0;
    if (p->tok.kind == T_BAR || p->tok.kind == T_END) return 0;   /* empty FE part */
    if (p->tok.kind == T_NUM && p->tok.len == 1 && p->tok.s[0] == '0') {
        next_token(p);
        return 0;
    }
    expr_list l = {0};
    if (parse_sum(p, &l, NULL) < 0) { free(l.v); return -1; }
    if (p->tok.kind == T_TILDE) { /* fixest style: y ~ x | d ~ z */
        *is_iv = 1;
        take_list(&l, &fm->endog, &fm->n_endog);
        return 0;
    }
    for (size_t i = 0; i < l.n; i++) {
        if (l.v[i]->kind != CPR_EX_VAR) {
            char *s = cpr_expr_to_string(l.v[i]);
            cpr_fail(CPR_E_FORMULA, "formula: fixed effects must be plain names (entity or time column), not '%s'\n  %s",
                     s, p->text);
            free(s);
            free(l.v);
            p->failed = 1;
            return -1;
        }
    }
    fm->fe_names = cpr_calloc(l.n, sizeof *fm->fe_names);
    fm->n_fe = l.n;
    for (size_t i = 0; i < l.n; i++) {
        fm->fe_names[i] = cpr_strdup(l.v[i]->name);
        if (strcmp(l.v[i]->name, "entity") == 0) fm->fe_entity = 1;
        if (strcmp(l.v[i]->name, "time") == 0) fm->fe_time = 1;
    }
    free(l.v);
    return 0;
}

static int parse_iv_rhs(parser *p)
{
    cpr_formula *fm = p->fm;
    next_token(p); /* '~' */
    expr_list l = {0};
    if (parse_sum(p, &l, NULL) < 0) { free(l.v); return -1; }
    take_list(&l, &fm->instr, &fm->n_instr);
    if (fm->n_instr < fm->n_endog) {
        p->failed = 1;
        cpr_fail(CPR_E_FORMULA, "formula: IV needs at least as many instruments (%zu) as endogenous regressors (%zu)\n  %s",
                 fm->n_instr, fm->n_endog, p->text);
        return -1;
    }
    return 0;
}

static int parse_all(parser *p)
{
    cpr_formula *fm = p->fm;
    next_token(p);
    fm->lhs = parse_arith(p);
    if (!fm->lhs) return -1;
    if (p->tok.kind != T_TILDE) return syntax_error(p, "'~'"), -1;
    next_token(p);
    expr_list terms = {0};
    fm->intercept = 1;
    if (parse_sum(p, &terms, &fm->intercept) < 0) { free(terms.v); return -1; }
    take_list(&terms, &fm->terms, &fm->nterms);
    if (p->tok.kind == T_BAR) {
        next_token(p);
        int is_iv;
        if (parse_part2(p, &is_iv) < 0) return -1;
        if (is_iv) {
            if (parse_iv_rhs(p) < 0) return -1;
        } else if (p->tok.kind == T_BAR) {
            next_token(p);
            expr_list l = {0};
            if (parse_sum(p, &l, NULL) < 0) { free(l.v); return -1; }
            take_list(&l, &fm->endog, &fm->n_endog);
            if (p->tok.kind != T_TILDE) return syntax_error(p, "'~' in the IV part (endogenous ~ instruments)"), -1;
            if (parse_iv_rhs(p) < 0) return -1;
        }
    }
    if (p->tok.kind != T_END) return syntax_error(p, "'+', '|' or the end of the formula"), -1;
    return 0;
}

int cpr_formula_parse(const char *text, cpr_formula **out)
{
    *out = NULL;
    parser p = {0};
    p.text = text;
    p.fm = cpr_calloc(1, sizeof *p.fm);
    if (parse_all(&p) < 0) {
        cpr_formula_free(p.fm);
        return CPR_E_FORMULA;
    }
    *out = p.fm;
    return CPR_OK;
}

/* A piece of a formula parsed into fm's node pool (formula_edit.c): the
 * whole text must be the piece, so nothing of it is read as another part. */
int cpr_formula_parse_outcome_(cpr_formula *fm, const char *text, cpr_expr **out)
{
    parser p = {0};
    p.text = text;
    p.fm = fm;
    next_token(&p);
    *out = parse_arith(&p);
    if (!*out) return CPR_E_FORMULA;
    if (p.tok.kind != T_END) return syntax_error(&p, "the end of the outcome"), CPR_E_FORMULA;
    return CPR_OK;
}

int cpr_formula_parse_sum_(cpr_formula *fm, const char *text, cpr_expr ***v, size_t *n, int *intercept)
{
    parser p = {0};
    p.text = text;
    p.fm = fm;
    p.commas = 1;
    next_token(&p);
    expr_list l = {0};
    if (parse_sum(&p, &l, intercept) < 0) { free(l.v); return CPR_E_FORMULA; }
    if (p.tok.kind != T_END) { free(l.v); return syntax_error(&p, "'+' or the end of the terms"), CPR_E_FORMULA; }
    take_list(&l, v, n);
    return CPR_OK;
}

void cpr_formula_free(cpr_formula *fm)
{
    if (!fm) return;
    for (size_t i = 0; i < fm->npool_; i++) {
        free(fm->pool_[i]->name);
        free(fm->pool_[i]->str_);
        free(fm->pool_[i]);
    }
    free(fm->pool_);
    free(fm->terms);
    free(fm->endog);
    free(fm->instr);
    for (size_t i = 0; i < fm->n_fe; i++) free(fm->fe_names[i]);
    free(fm->fe_names);
    free(fm);
}
