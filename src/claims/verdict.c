/* Verdicts (issue 13). A claim is split into parts (`part` lines); each part
 * gets a verdict word from its own numbers, and the claim's verdict follows
 * from the parts by the fixed rules below, the same for every claim. Claims
 * written as a ladder of `VERDICT if COND` rules (older batch files) still
 * work: the first rule that holds decides, none = contradicted. Conditions
 * with a missing operand are false (NAN compares false). */
#include "cpr/claims.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cpr_verdict_rules = CPR_VERDICT_RULES_TEXT;

cpr_verdict cpr_verdict_combine(const cpr_verdict *parts, size_t n)
{
    size_t r = 0, d = 0, inc = 0, c = 0, u = 0;
    for (size_t i = 0; i < n; i++) switch (parts[i]) {
        case CPR_V_REPRODUCED: r++; break;
        case CPR_V_DIRECTION: d++; break;
        case CPR_V_CONTRADICTED: c++; break;
        case CPR_V_UNTESTABLE: u++; break;
        default: inc++; break;
        }
    size_t tested = r + d + inc + c;
    if (tested == 0) return CPR_V_UNTESTABLE;
    if (r + d == 0) return c ? CPR_V_CONTRADICTED : CPR_V_INCONCLUSIVE;
    if (inc + c + u > 0) return CPR_V_PARTIAL;
    return d ? CPR_V_DIRECTION : CPR_V_REPRODUCED;
}

/* The value of key `k` in a part line (NULL when absent). */
static const char *key(const cpr_batch_line *l, const char *k)
{
    for (size_t i = 3; i + 1 < l->argc; i += 2)
        if (strcmp(l->argv[i], k) == 0) return l->argv[i + 1];
    return NULL;
}

static double val(const cpr_batch_line *l, const char *k, cpr_env *env)
{
    const char *e = key(l, k);
    double v = NAN;
    cpr_error_scope es;   /* an expression that cannot be evaluated is NAN */
    cpr_error_scope_begin(&es);
    if (e && cpr_expr_eval(e, env, &v)) v = NAN;
    cpr_error_scope_end(&es);
    return v;
}

/* `claimed X tol T%`: is v within T% of X? -1 when the part states no size. */
static int within(const cpr_batch_line *l, double v, double *claimed, double *tol)
{
    const char *cs = key(l, "claimed"), *ts = key(l, "tol");
    if (!cs || !ts) return -1;
    *claimed = strtod(cs, NULL);
    *tol = strtod(ts, NULL);
    return isfinite(v) && fabs(v - *claimed) <= fabs(*claimed) * *tol / 100;
}

static cpr_verdict eval_level(const cpr_batch_line *l, cpr_env *env, char **detail)
{
    double v = val(l, "value", env), x = 0, t = 0;
    int in = within(l, v, &x, &t);
    if (isnan(v)) { *detail = cpr_strdup("value missing in the data"); return CPR_V_UNTESTABLE; }
    const char *tr = key(l, "trend");
    double h = tr ? val(l, "trend", env) : NAN;
    *detail = cpr_asprintf("%.4g vs claimed %.4g (tolerance %.3g%%)%s", v, x, t,
                           in ? "" : tr ? (h != 0 && !isnan(h) ? ", outside; the trend holds" : ", outside; the trend does not hold")
                                        : ", outside");
    if (in) return CPR_V_REPRODUCED;
    return (tr && !isnan(h) && h != 0) ? CPR_V_DIRECTION : CPR_V_CONTRADICTED;
}

static cpr_verdict eval_effect(const cpr_batch_line *l, cpr_env *env, char **detail)
{
    double b = val(l, "est", env), p = val(l, "p", env);
    double g = key(l, "clusters") ? val(l, "clusters", env) : NAN;
    int boot = !isnan(g) && g < 50;
    const char *how = "p";
    if (boot) { p = val(l, "pboot", env); how = "wild cluster bootstrap p"; }
    int want = strcmp(key(l, "sign"), "-") == 0 ? -1 : 1;
    double st = key(l, "stable") ? val(l, "stable", env) : 1;
    if (isnan(b)) { *detail = cpr_strdup("estimate missing"); return CPR_V_UNTESTABLE; }
    char gtxt[48] = "";
    if (boot) snprintf(gtxt, sizeof gtxt, ", %.0f clusters", g);
    int sig = !isnan(p) && p < 0.05, s = b > 0 ? 1 : b < 0 ? -1 : 0;
    cpr_verdict v;
    const char *what;
    if (sig && s == -want) { v = CPR_V_CONTRADICTED; what = "opposite sign, significant"; }
    else if (!sig) { v = CPR_V_INCONCLUSIVE; what = isnan(p) ? "no p-value" : "not significant at 5%"; }
    else if (st == 0 || isnan(st)) { v = CPR_V_INCONCLUSIVE; what = "sign changes across the specifications shown"; }
    else {
        double x = 0, t = 0;
        int in = within(l, b, &x, &t);
        v = in == 0 ? CPR_V_DIRECTION : CPR_V_REPRODUCED;
        what = in == 0 ? "claimed sign, significant; size outside the tolerance" : "claimed sign, significant";
    }
    *detail = cpr_asprintf("estimate %.3g, %s %.2g%s: %s", b, how, p, gtxt, what);
    return v;
}

cpr_verdict cpr_part_eval(const cpr_batch_line *l, cpr_env *env, char **detail)
{
    const char *kind = l->argv[0];
    if (strcmp(kind, "untested") == 0) { *detail = cpr_strdup(l->why ? l->why : "untested"); return CPR_V_UNTESTABLE; }
    if (strcmp(kind, "level") == 0) return eval_level(l, env, detail);
    if (strcmp(kind, "effect") == 0) return eval_effect(l, env, detail);
    double h = val(l, "holds", env);
    if (isnan(h)) { *detail = cpr_strdup("data missing"); return CPR_V_UNTESTABLE; }
    *detail = cpr_strdup(h != 0 ? "holds" : "does not hold");
    return h != 0 ? CPR_V_REPRODUCED : CPR_V_CONTRADICTED;
}

/* The claim's note: its parts grouped by verdict word, the worst first. */
static char *parts_why(const cpr_batch *b, const cpr_claim *c, const cpr_verdict *pv, char **det)
{
    static const cpr_verdict order[] = {CPR_V_CONTRADICTED, CPR_V_INCONCLUSIVE, CPR_V_DIRECTION, CPR_V_UNTESTABLE,
                                        CPR_V_REPRODUCED};
    static const char *const head[] = {"off", "inconclusive", "direction only", "untested", "reproduced"};
    char *out = cpr_strdup("");
    for (size_t o = 0; o < sizeof order / sizeof *order; o++) {
        int first = 1;
        size_t k = 0;
        for (size_t i = c->first; i < c->last && i < b->n; i++) {
            const cpr_batch_line *l = &b->lines[i];
            if (l->kind != CPR_L_PART) continue;
            if (pv[k] == order[o]) {
                const char *sep = first ? (*out ? ". " : "") : "; ";
                char *s = cpr_asprintf("%s%s%s%s%s (%s)", out, sep, first ? head[o] : "", first ? ": " : "", l->text, det[k]);
                free(out);
                out = s;
                first = 0;
            }
            k++;
        }
    }
    return out;
}

static int decide_parts(const cpr_batch *b, cpr_claim *c, cpr_env *env, size_t np)
{
    cpr_verdict *pv = cpr_calloc(np, sizeof *pv);
    char **det = cpr_calloc(np, sizeof *det);
    char *lines = cpr_strdup("");
    size_t k = 0;
    for (size_t i = c->first; i < c->last && i < b->n; i++) {
        const cpr_batch_line *l = &b->lines[i];
        if (l->kind != CPR_L_PART) continue;
        pv[k] = cpr_part_eval(l, env, &det[k]);
        char *s = cpr_asprintf("%s%s: %s (%s)\n", lines, l->text, cpr_verdict_name(pv[k]), det[k]);
        free(lines);
        lines = s;
        k++;
    }
    c->verdict = cpr_verdict_combine(pv, np);
    c->why = parts_why(b, c, pv, det);
    c->parts = lines;
    for (size_t i = 0; i < np; i++) free(det[i]);
    free(det);
    free(pv);
    return 0;
}

int cpr_verdict_decide(const cpr_batch *b, cpr_claim *c, cpr_env *env)
{
    free(c->why);
    c->why = NULL;
    free(c->parts);
    c->parts = NULL;
    c->verdict = CPR_V_CONTRADICTED;
    c->rule_line = 0;
    size_t end = c->last < b->n ? c->last : b->n, np = 0;
    for (size_t i = c->first; i < end; i++) np += b->lines[i].kind == CPR_L_PART;
    if (np) return decide_parts(b, c, env, np);
    for (size_t i = c->first; i < end; i++) {
        const cpr_batch_line *l = &b->lines[i];
        if (l->kind != CPR_L_RULE) continue;
        double v = 1;
        if (l->text) {
            int rc = cpr_expr_eval(l->text, env, &v);
            if (rc) return rc;
        }
        if (isnan(v) || v == 0) continue;
        c->verdict = l->verdict;
        c->why = l->why ? cpr_strdup(l->why) : NULL;
        c->rule_line = l->lineno;
        return 0;
    }
    c->why = cpr_strdup("no rule matched the computed values");
    return 0;
}
