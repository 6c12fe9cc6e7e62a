/* Verdict rules: the first rule of a claim whose condition holds decides.
 * Conditions with a missing operand are false (NAN compares false), so a
 * rule never passes on absent data; no matching rule means the data do not
 * support the claim: contradicted. */
#include "cpr/claims.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

int cpr_verdict_decide(const cpr_batch *b, cpr_claim *c, cpr_env *env)
{
    free(c->why);
    c->why = NULL;
    c->verdict = CPR_V_CONTRADICTED;
    c->rule_line = 0;
    size_t end = c->last < b->n ? c->last : b->n;
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
