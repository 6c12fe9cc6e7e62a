/* Batch-file and manifest parser: every line is checked (directive, command
 * name, expression syntax) before anything runs, so a typo on line 90 does
 * not surface after a minute of regressions. */
#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cpr_verdict_name(cpr_verdict v)
{
    switch (v) {
    case CPR_V_REPRODUCED: return "reproduced";
    case CPR_V_PARTIAL: return "partial";
    case CPR_V_DIRECTION: return "direction";
    case CPR_V_INCONCLUSIVE: return "inconclusive";
    case CPR_V_CONTRADICTED: return "contradicted";
    case CPR_V_UNTESTABLE: return "untestable";
    default: return "none";
    }
}

cpr_verdict cpr_verdict_parse(const char *s)
{
    for (int v = CPR_V_REPRODUCED; v <= CPR_V_UNTESTABLE; v++)
        if (strcmp(s, cpr_verdict_name((cpr_verdict)v)) == 0) return (cpr_verdict)v;
    return CPR_V_NONE;
}

void cpr_words_free(char **argv, size_t argc)
{
    for (size_t i = 0; i < argc; i++) free(argv[i]);
    free(argv);
}

int cpr_words_split(const char *s, char ***argv, size_t *argc)
{
    *argv = NULL;
    *argc = 0;
    size_t len = strlen(s);
    char *buf = cpr_malloc(len + 1);
    while (1) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) break;
        size_t n = 0;
        while (*s && *s != ' ' && *s != '\t') {
            char q = *s;
            if (q == '\'' || q == '"') {
                s++;
                while (*s && *s != q) {
                    if (q == '"' && *s == '\\' && (s[1] == '"' || s[1] == '\\')) s++;
                    buf[n++] = *s++;
                }
                if (*s != q) { free(buf); cpr_words_free(*argv, *argc); *argv = NULL; *argc = 0; return -1; }
                s++;
            } else buf[n++] = *s++;
        }
        *argv = cpr_realloc(*argv, (*argc + 1) * sizeof **argv);
        (*argv)[(*argc)++] = cpr_strndup(buf, n);
    }
    free(buf);
    return 0;
}

void cpr_batch_free(cpr_batch *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) {
        cpr_batch_line *l = &b->lines[i];
        cpr_words_free(l->argv, l->argc);
        free(l->name); free(l->text); free(l->why);
    }
    free(b->lines);
    free(b->path);
    free(b);
}

typedef struct {
    const char *path;
    int lineno;
    const cpr_batch_syntax *syn;
} ctx;

static int bad(const ctx *c, const char *fmt, const char *arg)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, arg);
    return cpr_fail(CPR_E_MANIFEST, "%s:%d: %s", c->path, c->lineno, msg);
}

/* The parser's message (CPR_E_MANIFEST) with where it is in the file. */
static int check_expr(const ctx *c, const char *e)
{
    return cpr_error_context(cpr_expr_eval(e, NULL, NULL), "%s:%d: malformed expression", c->path, c->lineno);
}

/* A quoted string (or the bare rest of the line) as one value. */
static int one_string(const ctx *c, const char *rest, char **out)
{
    if (*rest != '"' && *rest != '\'') { *out = cpr_strdup(rest); return 0; }
    char **w;
    size_t n;
    if (cpr_words_split(rest, &w, &n) || n != 1) {
        cpr_words_free(w, n);
        return bad(c, "expected one quoted string, got '%s'", rest);
    }
    *out = w[0];
    free(w);
    return 0;
}

static int known_command(const ctx *c, const char *name)
{
    const cpr_batch_syntax *s = c->syn;
    if (!s || !s->commands) return 0;
    for (size_t i = 0; i < s->ncommands; i++)
        if (strcmp(s->commands[i], name) == 0) return 0;
    const char *hint = cpr_closest(name, s->commands, s->ncommands);
    char msg[256];
    snprintf(msg, sizeof msg, "unknown cpr-stats command '%s'%s%s%s", name, hint ? "; did you mean '" : "",
             hint ? hint : "", hint ? "'?" : "");
    return bad(c, "%s", msg);
}

static int parse_command(const ctx *c, const char *rest, cpr_batch_line *l)
{
    if (cpr_words_split(rest, &l->argv, &l->argc)) return bad(c, "unterminated quote in '%s'", rest);
    if (l->argc == 0) return bad(c, "%s", "missing command");
    return known_command(c, l->argv[0]);
}

/* VERDICT [if COND] [why "TEXT"] */
static int parse_rule(const ctx *c, const char *rest, cpr_batch_line *l)
{
    l->kind = CPR_L_RULE;
    char *body = cpr_strdup(rest);
    char *why = strstr(body, "why ");
    if (why && (why == body || why[-1] == ' ')) {
        int rc = one_string(c, why + 4, &l->why);
        if (rc) { free(body); return rc; }
        *why = '\0';
    }
    size_t n = strlen(body);
    while (n && (body[n - 1] == ' ' || body[n - 1] == '\t')) body[--n] = '\0';
    int rc = 0;
    if (strncmp(body, "if ", 3) == 0) {
        l->text = cpr_strdup(body + 3);
        rc = check_expr(c, l->text);
    } else if (*body) rc = bad(c, "expected 'if CONDITION' or 'why \"...\"' after the verdict, got '%s'", body);
    free(body);
    return rc;
}

/* "{name}" or "{name:SPEC}" with SPEC digits/dots and one of f g e F G E,
 * as cpr_template_fill accepts; anything else would silently print %.4g. */
static int check_template(const ctx *c, const char *t)
{
    for (const char *o = strchr(t, '{'); o; o = strchr(o + 1, '{')) {
        const char *close = strchr(o, '}');
        if (!close) return 0; /* a lone '{' is literal text */
        const char *colon = memchr(o, ':', (size_t)(close - o));
        if (!colon) continue;
        const char *spec = colon + 1;
        size_t k = strspn(spec, "0123456789.");
        if (!(k < 8 && spec + k + 1 == close && strchr("fgeFGE", spec[k]))) {
            char *m = cpr_asprintf("bad number format '%.*s' in '%.*s' (use e.g. {name:.2f} or {name:.3g})",
                                   (int)(close - colon - 1), spec, (int)(close - o + 1), o);
            int rc = bad(c, "%s", m);
            free(m);
            return rc;
        }
    }
    return 0;
}

/* part KIND NAME "label" key value ... [why "..."] (grammar in claims.h) */
static int parse_part(const ctx *c, const char *rest, cpr_batch_line *l)
{
    static const char *const kinds[] = {"level", "effect", "trend", "untested"};
    static const char *const keys[][12] = {
        {"value", "claimed", "tol", "because", "trend", NULL},
        {"est", "p", "sign", "clusters", "pboot", "stable", "claimed", "tol", "because", NULL},
        {"holds", NULL},
        {NULL}};
    static const char *const need[][5] = {{"value", "claimed", "tol", "because", NULL}, {"est", "p", "sign", NULL},
                                          {"holds", NULL}, {NULL}};
    static const char *const exprs[] = {"value", "trend", "est", "p", "clusters", "pboot", "stable", "holds"};
    l->kind = CPR_L_PART;
    char *body = cpr_strdup(rest);
    char *why = strstr(body, " why ");
    int rc = 0;
    if (why) { rc = one_string(c, why + 5, &l->why); *why = '\0'; }
    if (!rc && cpr_words_split(body, &l->argv, &l->argc)) rc = bad(c, "unterminated quote in 'part %s'", rest);
    free(body);
    if (rc) return rc;
    if (l->argc < 3) return bad(c, "expected 'part KIND NAME \"label\" key value ...', got 'part %s'", rest);
    int k = -1;
    for (int i = 0; i < 4; i++) if (strcmp(l->argv[0], kinds[i]) == 0) k = i;
    if (k < 0) return bad(c, "unknown part kind '%s' (level, effect, trend or untested)", l->argv[0]);
    l->name = cpr_strdup(l->argv[1]);
    l->text = cpr_strdup(l->argv[2]);
    /* a value runs up to the next key word, so "trend $a < $b" is one value */
    size_t w = 3;
    for (size_t i = 3; i < l->argc;) {
        int iskey = 0;
        for (int j = 0; keys[k][j]; j++) iskey |= strcmp(l->argv[i], keys[k][j]) == 0;
        if (!iskey) {
            char *m = cpr_asprintf("part '%s': '%s' is not a key of a %s part", l->name, l->argv[i], l->argv[0]);
            rc = bad(c, "%s", m);
            free(m);
            return rc;
        }
        size_t e = i + 1;
        char *v = e < l->argc ? cpr_strdup(l->argv[e++]) : NULL;
        while (v && e < l->argc) {
            int nk = 0;
            for (int j = 0; keys[k][j]; j++) nk |= strcmp(l->argv[e], keys[k][j]) == 0;
            if (nk) break;
            char *t = cpr_asprintf("%s %s", v, l->argv[e++]);
            free(v);
            v = t;
        }
        if (!v) return bad(c, "part '%s': keys and values must come in pairs", l->name);
        char *key_word = l->argv[i];
        for (size_t j = i + 1; j < e; j++) free(l->argv[j]);
        l->argv[w++] = key_word;
        l->argv[w++] = v;
        i = e;
    }
    l->argc = w;
    for (size_t i = 3; i + 1 < l->argc; i += 2) {
        int ok = 0;
        for (int j = 0; keys[k][j]; j++) ok |= strcmp(l->argv[i], keys[k][j]) == 0;
        if (!ok) {
            char *m = cpr_asprintf("part '%s': key '%s' is not one of a %s part", l->name, l->argv[i], l->argv[0]);
            rc = bad(c, "%s", m);
            free(m);
            return rc;
        }
        for (size_t j = 0; j < sizeof exprs / sizeof *exprs; j++)
            if (strcmp(l->argv[i], exprs[j]) == 0 && (rc = check_expr(c, l->argv[i + 1]))) return rc;
        if (strcmp(l->argv[i], "tol") == 0) {
            char *end;
            double t = strtod(l->argv[i + 1], &end);
            if (!(t >= 0) || strcmp(end, "%") != 0)
                return bad(c, "a level's tolerance is relative: write 'tol T%%', got '%s'", l->argv[i + 1]);
        }
        if (strcmp(l->argv[i], "sign") == 0 && strcmp(l->argv[i + 1], "-") && strcmp(l->argv[i + 1], "+"))
            return bad(c, "'sign' is '-' or '+', got '%s'", l->argv[i + 1]);
    }
    for (int j = 0; need[k][j]; j++) {
        int has = 0;
        for (size_t i = 3; i + 1 < l->argc; i += 2) has |= strcmp(l->argv[i], need[k][j]) == 0;
        if (!has) {
            char *m = cpr_asprintf("part '%s': a %s part needs '%s'", l->name, l->argv[0], need[k][j]);
            rc = bad(c, "%s", m);
            free(m);
            return rc;
        }
    }
    if (k == 3 && !l->why) return bad(c, "part '%s': an untested part needs why \"the data that would test it\"", l->name);
    return 0;
}

static int parse_line(const ctx *c, char *s, cpr_batch_line *l, int *in_claim)
{
    char *sp = s + strcspn(s, " \t");
    char *rest = sp + strspn(sp, " \t");
    char *kw = cpr_strndup(s, (size_t)(sp - s));
    int manifest = c->syn && c->syn->manifest, rc = 0;
    cpr_verdict v = CPR_V_NONE;
    static const char *const meta[] = {"source", "says", "line", "claimed", "measured"};
    l->kind = CPR_L_META;
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        if (manifest && strcmp(kw, meta[i]) == 0) {
            if (!*in_claim) { rc = bad(c, "'%s' outside a claim (start one with 'claim ID')", kw); goto out; }
            l->name = cpr_strdup(kw);
            rc = one_string(c, rest, &l->text);
            if (!rc && strcmp(kw, "measured") == 0) rc = check_template(c, l->text);
            goto out;
        }
    if (strcmp(kw, "assert") == 0) {
        l->kind = CPR_L_ASSERT;
        if (!*rest) { rc = bad(c, "%s", "assert needs an expression"); goto out; }
        l->text = cpr_strdup(rest);
        rc = check_expr(c, rest);
    } else if (strcmp(kw, "let") == 0) {
        l->kind = CPR_L_LET;
        char *eq = strchr(rest, '=');
        size_t nl = eq ? strcspn(rest, " \t=") : 0;
        if (!eq || nl == 0 || strspn(rest + nl, " \t") != (size_t)(eq - rest - (long)nl)) {
            rc = bad(c, "expected 'let NAME = EXPRESSION', got 'let %s'", rest);
            goto out;
        }
        l->name = cpr_strndup(rest, nl);
        l->text = cpr_strdup(eq + 1);
        rc = check_expr(c, l->text);
    } else if (strcmp(kw, "save") == 0) {
        l->kind = CPR_L_SAVE;
        if (!*rest || strpbrk(rest, " \t")) { rc = bad(c, "expected 'save NAME', got 'save %s'", rest); goto out; }
        l->name = cpr_strdup(rest);
    } else if (strcmp(kw, "try") == 0) {
        l->kind = CPR_L_TRY;
        rc = parse_command(c, rest, l);
    } else if (manifest && strcmp(kw, "claim") == 0) {
        l->kind = CPR_L_CLAIM;
        if (!*rest || strpbrk(rest, " \t")) { rc = bad(c, "expected 'claim ID', got 'claim %s'", rest); goto out; }
        l->name = cpr_strdup(rest);
        *in_claim = 1;
    } else if (manifest && (strcmp(kw, "part") == 0 || strcmp(kw, "sample") == 0 || strcmp(kw, "robust") == 0)) {
        if (!*in_claim) { rc = bad(c, "'%s' outside a claim", kw); goto out; }
        if (kw[0] != 'p') {
            l->kind = CPR_L_SAMPLE;
            l->name = cpr_strdup(kw);
            /* sample "HEAD" note "PREFIX": the body is the last result's first
             * note that starts with PREFIX (e.g. a threshold regime's list) */
            char **w = NULL;
            size_t nw = 0;
            if (kw[0] == 's' && !cpr_words_split(rest, &w, &nw) && nw == 3 && strcmp(w[1], "note") == 0) {
                l->text = w[0];
                l->argv = cpr_calloc(1, sizeof *l->argv);
                l->argv[0] = w[2];
                l->argc = 1;
                free(w[1]);
                free(w);
            } else {
                cpr_words_free(w, nw);
                rc = one_string(c, rest, &l->text);
            }
            if (!rc) rc = check_template(c, l->text);
        } else rc = parse_part(c, rest, l);
    } else if (manifest && strcmp(kw, "note") == 0) {
        l->kind = CPR_L_NOTE;
        rc = one_string(c, rest, &l->text);
    } else if (manifest && strcmp(kw, "expect") == 0) {
        l->kind = CPR_L_EXPECT;
        if ((l->verdict = cpr_verdict_parse(rest)) == CPR_V_NONE) rc = bad(c, "unknown verdict '%s'", rest);
    } else if (manifest && strcmp(kw, "figure") == 0) {
        l->kind = CPR_L_FIGURE;
        if (cpr_words_split(rest, &l->argv, &l->argc) || l->argc < 2) {
            rc = bad(c, "expected 'figure NAME COMMAND...', got 'figure %s'", rest);
            goto out;
        }
        if (strcmp(l->argv[1], "loo") == 0 && l->argc != 4) {
            rc = bad(c, "expected 'figure NAME loo SAVED TERM', got 'figure %s'", rest);
            goto out;
        }
        if (strcmp(l->argv[1], "coef") != 0 && strcmp(l->argv[1], "loo") != 0) {
            ctx c2 = *c;
            rc = known_command(&c2, l->argv[1]);
        }
    } else if (manifest && (strcmp(kw, "table") == 0 || strcmp(kw, "row") == 0)) {
        int tab = kw[0] == 't';
        l->kind = tab ? CPR_L_TABLE : CPR_L_ROW;
        if (!*in_claim) { rc = bad(c, "'%s' outside a claim", kw); goto out; }
        if (cpr_words_split(rest, &l->argv, &l->argc) || l->argc < (tab ? 2u : 1u)) {
            rc = bad(c, tab ? "expected 'table \"TITLE\" \"COLUMN\"...', got 'table %s'"
                            : "expected 'row \"CELL\"...', got 'row %s'", rest);
            goto out;
        }
        for (size_t i = 0; i < l->argc && !rc; i++) rc = check_template(c, l->argv[i]);
    } else if (manifest && (strcmp(kw, "otherwise") == 0 || (v = cpr_verdict_parse(kw)) != CPR_V_NONE)) {
        if (!*in_claim) { rc = bad(c, "verdict rule '%s' outside a claim", kw); goto out; }
        if (strcmp(kw, "otherwise") == 0) {
            char *sp2 = rest + strcspn(rest, " \t");
            char *vw = cpr_strndup(rest, (size_t)(sp2 - rest));
            v = cpr_verdict_parse(vw);
            free(vw);
            if (v == CPR_V_NONE) { rc = bad(c, "expected 'otherwise VERDICT', got 'otherwise %s'", rest); goto out; }
            rest = sp2 + strspn(sp2, " \t");
            if (strncmp(rest, "if ", 3) == 0) { rc = bad(c, "%s", "'otherwise' takes no condition"); goto out; }
        }
        rc = parse_rule(c, rest, l);
        l->verdict = v;
    } else {
        l->kind = CPR_L_CMD;
        rc = parse_command(c, s, l);
    }
out:
    free(kw);
    return rc;
}

/* A row needs a table before it in the same claim, with as many columns. */
static int check_row(const ctx *c, const cpr_batch *b, const cpr_batch_line *l)
{
    for (size_t i = b->n - 1; i-- > 0;) {
        const cpr_batch_line *t = &b->lines[i];
        if (t->kind == CPR_L_CLAIM) break;
        if (t->kind != CPR_L_TABLE) continue;
        if (t->argc - 1 == l->argc) return 0;
        char *m = cpr_asprintf("the row has %zu cells, the table on line %d has %zu columns", l->argc, t->lineno, t->argc - 1);
        int rc = bad(c, "%s", m);
        free(m);
        return rc;
    }
    return bad(c, "%s", "'row' before any 'table' of this claim");
}

int cpr_batch_parse(const char *text, const char *path, const cpr_batch_syntax *syn, cpr_batch **out)
{
    cpr_batch *b = cpr_calloc(1, sizeof *b);
    b->path = cpr_strdup(path);
    ctx c = {path, 0, syn};
    int rc = 0, in_claim = 0;
    const char *p = text;
    while (*p && !rc) {
        size_t n = strcspn(p, "\n");
        char *s = cpr_strndup(p, n);
        p += n + (p[n] == '\n');
        c.lineno++;
        size_t len = strlen(s);
        while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t')) s[--len] = '\0';
        char *t = s + strspn(s, " \t");
        if (*t && *t != '#') {
            b->lines = cpr_realloc(b->lines, (b->n + 1) * sizeof *b->lines);
            cpr_batch_line *l = &b->lines[b->n++];
            memset(l, 0, sizeof *l);
            l->lineno = c.lineno;
            rc = parse_line(&c, t, l, &in_claim);
            if (!rc && l->kind == CPR_L_ROW) rc = check_row(&c, b, l);
            for (size_t i = 0; !rc && l->kind == CPR_L_CLAIM && i + 1 < b->n; i++)
                if (b->lines[i].kind == CPR_L_CLAIM && strcmp(b->lines[i].name, l->name) == 0) {
                    char *m = cpr_asprintf("claim '%s' is defined twice (first at line %d)", l->name, b->lines[i].lineno);
                    rc = bad(&c, "%s", m);
                    free(m);
                }
        }
        free(s);
    }
    if (rc) { cpr_batch_free(b); b = NULL; }
    *out = b;
    return rc;
}

int cpr_batch_read(const char *path, const cpr_batch_syntax *syn, cpr_batch **out)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;   /* `run -`, like `--data -` */
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return cpr_fail(CPR_E_OPEN, "%s: %s", path, strerror(errno));
    if (is_stdin) path = "<stdin>";
    size_t cap = 4096, n = 0, got;
    char *buf = cpr_malloc(cap);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) buf = cpr_realloc(buf, cap *= 2);
    }
    int err = ferror(f);
    if (!is_stdin) fclose(f);
    if (err) { free(buf); return cpr_fail(CPR_E_OPEN, "%s: read error", path); }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) { free(buf); return cpr_fail(CPR_E_BINARY, "%s: not a text file (NUL byte)", path); }
    int rc = cpr_batch_parse(buf, path, syn, out);
    free(buf);
    return rc;
}
