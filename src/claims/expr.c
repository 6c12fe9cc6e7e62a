/* Expressions of `assert`, `let` and verdict rules: a small recursive-descent
 * evaluator over doubles (booleans are 1/0; NAN compares false), whose
 * operands are numbers, $names and JSON paths into the last result. */
#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t pos;
    cpr_env *env;   /* NULL: syntax check only */
    int err;
    int depth;      /* recursion depth: (), not, unary minus, function calls */
    int in_missing; /* inside missing(...): an absent path is the question */
} parser;

/* The evaluator recurses on every '(' 'not' '-' and call: a file with
 * 100,000 '(' must be an error, not a stack overflow. */
#define EXPR_MAX_DEPTH 256

static int fail_at(parser *p, const char *what)
{
    /* quote at most 120 characters of the expression: it may be huge */
    size_t len = strlen(p->s);
    if (!p->err) cpr_fail(CPR_E_MANIFEST, "column %zu: %s in '%.*s%s'", p->pos + 1, what,
                          (int)(len > 120 ? 120 : len), p->s, len > 120 ? "..." : "");
    p->err = CPR_E_MANIFEST;
    return p->err;
}

static int enter(parser *p)
{
    if (p->depth >= EXPR_MAX_DEPTH) {
        char what[64];
        snprintf(what, sizeof what, "nested more than %d levels deep", EXPR_MAX_DEPTH);
        fail_at(p, what);
        return 0;
    }
    p->depth++;
    return 1;
}

static void skip_ws(parser *p)
{
    while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t') p->pos++;
}

/* Is the next token the word `w` (not a prefix of a longer name)? */
static int word(parser *p, const char *w)
{
    skip_ws(p);
    size_t n = strlen(w);
    if (strncmp(p->s + p->pos, w, n) != 0) return 0;
    char c = p->s[p->pos + n];
    if (isalnum((unsigned char)c) || c == '_' || c == '(' || c == '.' || c == '[') return 0;
    p->pos += n;
    return 1;
}

static int sym(parser *p, const char *t)
{
    skip_ws(p);
    size_t n = strlen(t);
    if (strncmp(p->s + p->pos, t, n) != 0) return 0;
    p->pos += n;
    return 1;
}

/* ---- grammar ------------------------------------------------------------- */

static double p_or(parser *p);

static double lookup_path(parser *p, size_t start)
{
    char *path = cpr_strndup(p->s + start, p->pos - start);
    double v = NAN;
    if (p->env) {
        const json_t *j = NULL;
        char *hint = NULL;
        int found = p->env->last && cpr_json_path_find(p->env->last, path, &j, &hint);
        v = json_is_number(j) ? json_number_value(j) : NAN;
        if (isnan(v) && !p->env->missing[0]) snprintf(p->env->missing, sizeof p->env->missing, "%s", path);
        if (p->env->last && !found && !p->in_missing && !p->env->unknown[0]) {
            snprintf(p->env->unknown, sizeof p->env->unknown, "%s", path);
            snprintf(p->env->hint, sizeof p->env->hint, "%s", hint ? hint : "");
        }
        free(hint);
    }
    free(path);
    return v;
}

/* Holm (1979) adjusted p of p[i] among p[0..m-1]: sort ascending, scale the
 * j-th smallest by (m - j), take the running maximum, cap at 1 (as R's
 * p.adjust(method = "holm")). NAN if any p is missing. */
static double holm(const double *pv, int m, int i)
{
    int order[32];
    for (int j = 0; j < m; j++) { if (isnan(pv[j])) return NAN; order[j] = j; }
    for (int j = 1; j < m; j++)          /* insertion sort, stable: ties keep their order */
        for (int k = j; k > 0 && pv[order[k]] < pv[order[k - 1]]; k--) { int t = order[k]; order[k] = order[k - 1]; order[k - 1] = t; }
    double run = 0;
    for (int j = 0; j < m; j++) {
        double adj = fmin(1, (m - j) * pv[order[j]]);
        run = fmax(run, adj);
        if (order[j] == i) return run;
    }
    return NAN;
}

static double call(parser *p, const char *fn)
{
    double a[32];
    int n = 0;
    if (!sym(p, ")")) {
        do {
            if (n == 32) { fail_at(p, "too many arguments"); return NAN; }
            a[n++] = p_or(p);
        } while (!p->err && sym(p, ","));
        if (!p->err && !sym(p, ")")) { fail_at(p, "expected ')'"); return NAN; }
    }
    int multi = strcmp(fn, "min") == 0 || strcmp(fn, "max") == 0;
    int ok = strcmp(fn, "holm") == 0 ? n >= 2 : multi ? n >= 2 : n == 1;
    if (!p->err && !ok) { fail_at(p, "wrong number of arguments"); return NAN; }
    if (p->err) return NAN;
    if (strcmp(fn, "abs") == 0) return fabs(a[0]);
    if (strcmp(fn, "sign") == 0) return isnan(a[0]) ? NAN : (a[0] > 0) - (a[0] < 0);
    if (strcmp(fn, "sqrt") == 0) return sqrt(a[0]);
    if (strcmp(fn, "log") == 0) return log(a[0]);
    if (strcmp(fn, "missing") == 0) return isnan(a[0]) ? 1 : 0;
    if (strcmp(fn, "holm") == 0) {
        /* holm(i, p1, ..., pm): the Holm-adjusted p of p_i (i from 1) */
        int i = (int)a[0];
        if (isnan(a[0]) || i < 1 || i > n - 1 || i != a[0]) return NAN;
        return holm(a + 1, n - 1, i - 1);
    }
    double v = a[0];
    for (int j = 0; j < n; j++) {
        if (isnan(a[j])) return NAN;
        v = strcmp(fn, "min") == 0 ? fmin(v, a[j]) : fmax(v, a[j]);
    }
    return v;
}

static double primary(parser *p)
{
    skip_ws(p);
    const char *s = p->s;
    char c = s[p->pos];
    if (c == '(') {
        p->pos++;
        double v = p_or(p);
        if (!p->err && !sym(p, ")")) fail_at(p, "expected ')'");
        return v;
    }
    if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)s[p->pos + 1]))) {
        size_t st = p->pos;
        while (isalnum((unsigned char)s[p->pos]) || s[p->pos] == '.' ||
               ((s[p->pos] == '-' || s[p->pos] == '+') && (s[p->pos - 1] == 'e' || s[p->pos - 1] == 'E')))
            p->pos++;
        double v;
        if (cpr_parse_double(s + st, p->pos - st, &v) != 1) { p->pos = st; fail_at(p, "bad number"); return NAN; }
        return v;
    }
    if (c == '$') {
        size_t st = ++p->pos;
        while (isalnum((unsigned char)s[p->pos]) || s[p->pos] == '_') p->pos++;
        if (p->pos == st) { fail_at(p, "expected a name after '$'"); return NAN; }
        char *name = cpr_strndup(s + st, p->pos - st);
        double v = p->env ? cpr_env_get(p->env, name) : 0;
        if (p->env && isnan(v) && !p->env->missing[0]) snprintf(p->env->missing, sizeof p->env->missing, "$%s", name);
        free(name);
        return v;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        if (word(p, "failed")) return p->env ? p->env->failed : 0;
        static const char *const fns[] = {"abs", "sign", "sqrt", "log", "missing", "min", "max", "holm"};
        for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
            size_t n = strlen(fns[i]);
            if (strncmp(s + p->pos, fns[i], n) == 0 && s[p->pos + n] == '(') {
                p->pos += n + 1;
                int m = strcmp(fns[i], "missing") == 0;
                p->in_missing += m;
                double v = call(p, fns[i]);
                p->in_missing -= m;
                return v;
            }
        }
        size_t st = p->pos;
        /* Brackets must nest properly: "rows[a=1)" is an error, not a path
         * (cpr_json_path relies on every '[' and '(' having its partner). */
        char open[32];
        size_t depth = 0;
        while (s[p->pos]) {
            char d = s[p->pos];
            if (d == '(' || d == '[') {
                if (depth == sizeof open) { fail_at(p, "brackets nested too deeply in path"); return NAN; }
                open[depth++] = d;
            } else if (d == ')' || d == ']') {
                if (depth == 0) break;
                if (open[depth - 1] != (d == ')' ? '(' : '[')) { fail_at(p, "mismatched brackets in path"); return NAN; }
                depth--;
            } else if (depth == 0 && !(isalnum((unsigned char)d) || d == '_' || d == '.')) break;
            p->pos++;
        }
        if (depth != 0) { fail_at(p, "unbalanced brackets in path"); return NAN; }
        return lookup_path(p, st);
    }
    fail_at(p, c ? "unexpected character" : "unexpected end of expression");
    return NAN;
}

static double unary(parser *p)
{
    if (sym(p, "-")) {
        if (!enter(p)) return NAN;
        double v = -unary(p);
        p->depth--;
        return v;
    }
    return primary(p);
}

static double product(parser *p)
{
    double v = unary(p);
    while (!p->err) {
        if (sym(p, "*")) v *= unary(p);
        else if (sym(p, "/")) v /= unary(p);
        else break;
    }
    return v;
}

static double sum(parser *p)
{
    double v = product(p);
    while (!p->err) {
        skip_ws(p);
        if (p->s[p->pos] == '-' || p->s[p->pos] == '+') {
            int neg = p->s[p->pos++] == '-';
            double r = product(p);
            v = neg ? v - r : v + r;
        } else break;
    }
    return v;
}

static double compare(parser *p)
{
    double a = sum(p);
    if (p->err) return NAN;
    static const char *const ops[] = {"~=", "<=", ">=", "==", "!=", "<", ">"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        if (!sym(p, ops[i])) continue;
        double b = sum(p);
        if (p->env) p->env->lhs = a;
        if (i == 0) {
            if (!word(p, "tol")) { fail_at(p, "'~=' needs 'tol T' or 'tol T%'"); return NAN; }
            double t = sum(p);
            if (sym(p, "%")) t = fabs(b) * t / 100.0;
            return fabs(a - b) <= t;
        }
        if (isnan(a) || isnan(b)) return 0;
        switch (i) {
        case 1: return a <= b;
        case 2: return a >= b;
        case 3: return a == b;
        case 4: return a != b;
        case 5: return a < b;
        default: return a > b;
        }
    }
    if (p->env) p->env->lhs = a;
    return a;
}

static double p_not(parser *p)
{
    if (word(p, "not") || sym(p, "!")) {
        if (!enter(p)) return NAN;
        double v = p_not(p);
        p->depth--;
        return isnan(v) ? 0 : !v;
    }
    return compare(p);
}

static int truth(double v) { return !isnan(v) && v != 0; }

static double p_and(parser *p)
{
    double v = p_not(p);
    while (!p->err && (word(p, "and") || sym(p, "&&"))) {
        double r = p_not(p);
        v = truth(v) && truth(r);
    }
    return v;
}

static double p_or(parser *p)
{
    if (!enter(p)) return NAN;
    double v = p_and(p);
    while (!p->err && (word(p, "or") || sym(p, "||"))) {
        double r = p_and(p);
        v = truth(v) || truth(r);
    }
    p->depth--;
    return v;
}

int cpr_expr_eval(const char *expr, cpr_env *env, double *out)
{
    parser p = {expr, 0, env, 0, 0, 0};
    if (env) { env->missing[0] = env->unknown[0] = env->hint[0] = '\0'; env->lhs = NAN; }
    double v = p_or(&p);
    skip_ws(&p);
    if (!p.err && p.s[p.pos]) fail_at(&p, "unexpected text");
    if (p.err) return p.err;
    if (out) *out = v;
    return 0;
}

/* ---- environment --------------------------------------------------------- */

void cpr_env_init(cpr_env *e) { memset(e, 0, sizeof *e); e->lhs = NAN; }

void cpr_env_clear(cpr_env *e)
{
    for (size_t i = 0; i < e->n; i++) free(e->names[i]);
    free(e->names);
    free(e->values);
    json_decref(e->last);
    cpr_env_init(e);
}

void cpr_env_set(cpr_env *e, const char *name, double v)
{
    for (size_t i = 0; i < e->n; i++)
        if (strcmp(e->names[i], name) == 0) { e->values[i] = v; return; }
    e->names = cpr_realloc(e->names, (e->n + 1) * sizeof *e->names);
    e->values = cpr_realloc(e->values, (e->n + 1) * sizeof *e->values);
    e->names[e->n] = cpr_strdup(name);
    e->values[e->n++] = v;
}

double cpr_env_get(const cpr_env *e, const char *name)
{
    for (size_t i = 0; i < e->n; i++)
        if (strcmp(e->names[i], name) == 0) return e->values[i];
    return NAN;
}

char *cpr_template_fill(const char *t, const cpr_env *env)
{
    size_t cap = strlen(t) + 64, n = 0;
    char *out = cpr_malloc(cap);
    while (*t) {
        char buf[64];
        const char *piece = NULL;
        size_t plen = 1;
        const char *close = *t == '{' ? strchr(t, '}') : NULL;
        if (close) {
            char *inner = cpr_strndup(t + 1, (size_t)(close - t - 1));
            char *colon = strchr(inner, ':');
            char fmt[16] = "%.4g";
            if (colon) {
                *colon = '\0';
                const char *spec = colon + 1;
                size_t k = strspn(spec, "0123456789.");
                /* only numeric conversions: the template comes from a file */
                if (k < 8 && spec[k] && strchr("fgeFGE", spec[k]) && spec[k + 1] == '\0')
                    snprintf(fmt, sizeof fmt, "%%%s", spec);
            }
            double v = cpr_env_get(env, inner);
            if (!isfinite(v)) snprintf(buf, sizeof buf, "NA");
            else snprintf(buf, sizeof buf, fmt, v);
            free(inner);
            piece = buf;
            plen = strlen(buf);
            t = close + 1;
        } else {
            piece = t++;
        }
        if (n + plen + 1 > cap) { cap = 2 * (n + plen + 1); out = cpr_realloc(out, cap); }
        memcpy(out + n, piece, plen);
        n += plen;
    }
    out[n] = '\0';
    return out;
}
