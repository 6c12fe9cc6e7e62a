/* libFuzzer harness for the batch / claims-manifest parser
 * (src/claims/batch.c, expr.c, verdict.c): the input is a manifest. It is
 * parsed with the claim directives allowed and the real command names;
 * every expression (assert, let, verdict rules) is then evaluated against a
 * fixed JSON result and every `measured` template filled. Checks: no
 * crash, leak or UB, and every failure carries a message. */
#include "cpr/util.h"
#include "cpr/claims.h"
#include "cpr/status.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* as in main: GSL's aborting error handler is off, statuses are checked */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    cpr_gsl_guard_install();
    return 0;
}

static const char *const commands[] = {"describe", "vars", "regress", "correlate", "plot", "stat",
                                       "run", "reproduce", "threshold", "gmm"};

static const char result_json[] =
    "{\"model\":\"fe\",\"nobs\":200,\"stats\":{\"r2_within\":0.72,\"F\":60.1},"
    "\"coefficients\":[{\"term\":\"aid\",\"estimate\":-0.5,\"std_error\":0.1,\"p_value\":0.01},"
    "{\"term\":\"x\",\"estimate\":null}],"
    "\"tests\":[{\"name\":\"wald_f\",\"statistic\":3.2,\"p_value\":0.04}],"
    "\"correlations\":[{\"method\":\"pearson\",\"estimate\":-0.7}],"
    "\"rows\":[{\"entity\":\"LCN\",\"year\":2002,\"value\":1.5},{\"entity\":\"BRA\",\"year\":2003,\"value\":-2}],"
    "\"summary\":{\"n_pos\":1,\"n_neg\":1},\"value\":3}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20)) return 0;   /* 1 MiB, as -max_len in mk/fuzz.mk */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    cpr_batch_syntax syn = {1, commands, sizeof commands / sizeof *commands};
    cpr_batch *b = NULL;
    cpr_error_clear();
    int rc = cpr_batch_parse(text, "fuzz.manifest", &syn, &b);
    if (rc) {
        if (b || cpr_last_code() != rc || !cpr_last_error()[0]) abort();
        free(text);
        return 0;
    }
    cpr_env env;
    cpr_env_init(&env);
    env.last = json_loads(result_json, 0, NULL);
    if (!env.last) abort();
    cpr_env_set(&env, "a", 1.5);
    cpr_env_set(&env, "nan", NAN);
    for (size_t i = 0; i < b->n; i++) {
        const cpr_batch_line *l = &b->lines[i];
        double v;
        cpr_error_clear();
        if (l->text && (l->kind == CPR_L_ASSERT || l->kind == CPR_L_LET || l->kind == CPR_L_RULE)) {
            (void)cpr_expr_eval(l->text, &env, &v);
            if (l->kind == CPR_L_LET && l->name) cpr_env_set(&env, l->name, v);
        }
        if (l->kind == CPR_L_META && l->text) free(cpr_template_fill(l->text, &env));
        if (l->kind == CPR_L_CMD && l->argc) {
            char **w;
            size_t nw;
            if (cpr_words_split(l->argv[0], &w, &nw) == 0) cpr_words_free(w, nw);
        }
    }
    json_decref(env.last);
    env.last = NULL;
    cpr_env_clear(&env);
    cpr_batch_free(b);
    free(text);
    return 0;
}
