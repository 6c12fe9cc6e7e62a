/* Names for the multi-model table: the outcome and fixed effects of a
 * formula, and row labels of terms from the variable catalogue (the
 * catalogue names the variable; the term's operators are spelt out). */
#include "cpr/modeltable.h"
#include "cpr/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *trimmed(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s)) { s++; n--; }
    while (n > 0 && isspace((unsigned char)s[n - 1])) n--;
    char *t = cpr_malloc(n + 1);
    memcpy(t, s, n);
    t[n] = '\0';
    return t;
}

char *cpr_mtable_outcome(const char *formula)
{
    const char *tilde = formula ? strchr(formula, '~') : NULL;
    return tilde ? trimmed(formula, (size_t)(tilde - formula)) : NULL;
}

static const char *cat_label(const cpr_catalogue *cat, const char *name)
{
    const cpr_var_info *v = cat ? cpr_catalogue_find(cat, name) : NULL;
    return v && v->label && v->label[0] ? v->label : NULL;
}

/* One factor of an interaction: operators L/F/D with an optional count,
 * log(), then a catalogued name. */
static char *factor_label(const cpr_catalogue *cat, const char *t)
{
    const char *lab = cat_label(cat, t);
    if (lab) return cpr_strdup(lab);
    if ((t[0] == 'L' || t[0] == 'F' || t[0] == 'D')) {
        const char *p = t + 1;
        long n = 1;
        if (isdigit((unsigned char)*p)) n = strtol(p, (char **)&p, 10);
        if (*p == '.' && p[1]) {
            char *in = factor_label(cat, p + 1);
            char *s = t[0] == 'D' ? (n == 1 ? cpr_asprintf("Change in %s", in) : cpr_asprintf("Change in %s (%ld-fold)", in, n))
                                  : cpr_asprintf("%s (t%c%ld)", in, t[0] == 'L' ? '-' : '+', n);
            free(in);
            return s;
        }
    }
    size_t n = strlen(t);
    if (strncmp(t, "log(", 4) == 0 && n > 5 && t[n - 1] == ')') {
        char *inner = trimmed(t + 4, n - 5);
        char *in = cat_label(cat, inner) ? factor_label(cat, inner) : NULL;
        char *s = in ? cpr_asprintf("log %s", in) : cpr_strdup(t);
        free(in);
        free(inner);
        return s;
    }
    return cpr_strdup(t);
}

char *cpr_mtable_term_label(const cpr_catalogue *cat, const char *term)
{
    if (!strcmp(term, "(Intercept)") || !strcmp(term, "const") || !strcmp(term, "_cons")) return cpr_strdup("Constant");
    if (!strchr(term, ':')) return factor_label(cat, term);
    /* a:b:c -> "A × B × C"; threshold regimes "x:q<=0.4" keep the condition */
    char *out = cpr_strdup("");
    const char *p = term;
    while (1) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        char *part = trimmed(p, n);
        char *lab = strpbrk(part, "<>=") ? cpr_strdup(part) : factor_label(cat, part);
        char *next = cpr_asprintf("%s%s%s", out, out[0] ? " \xc3\x97 " : "", lab);
        free(out);
        free(lab);
        free(part);
        out = next;
        if (!colon) break;
        p = colon + 1;
    }
    return out;
}
