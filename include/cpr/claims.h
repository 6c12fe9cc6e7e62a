/* Batch runs and the claims manifest (issue 7).
 *
 * A batch file is plain text, one item per line:
 *   # comment                      blank lines and comments are ignored
 *   regress aid poverty ...        a cpr-stats command (run as a child with
 *                                  --format json; its JSON becomes "the result")
 *   try COMMAND                    the same, but a failure only sets `failed`
 *   assert EXPR                    checked against the last result
 *   let NAME = EXPR                save a number as $NAME
 *   save NAME                      keep the last result for `figure ... coef`
 * The claims manifest uses the same format plus, per claim:
 *   claim ID / source "..." / says "..." / line "..." / claimed "..."
 *   measured "template with {name} or {name:.1f}"
 *   reproduced|direction|contradicted|untestable if COND [why "..."]
 *   otherwise VERDICT [why "..."]   (no rule matches and no otherwise: contradicted)
 *   expect VERDICT                  (reproduce --check compares)
 *   figure NAME COMMAND...          (drawn only with reproduce --out DIR)
 *   note "..."                      (before the first claim: report caveats)
 * Words in commands may be quoted ('...' or "..."); ${DATA} expands to the
 * bundled data directory. Expressions: numbers, $names, JSON paths
 * (nobs, stats.r2_within, coef(aid).estimate, cor(pearson).estimate,
 * rows[entity=LCN,year=2002].value, rows[0].value), + - * / ( ),
 * abs() sign() sqrt() log() min() max() missing(), comparisons
 * < <= > >= == != and `A ~= B tol T` (T absolute, or `T%` of B),
 * and/or/not, and `failed` (the last `try` failed). */
#ifndef CPR_CLAIMS_H
#define CPR_CLAIMS_H

#include <stddef.h>
#include <jansson.h>
#include <stdio.h>

typedef enum {
    CPR_V_NONE = 0,
    CPR_V_REPRODUCED,
    CPR_V_DIRECTION,
    CPR_V_CONTRADICTED,
    CPR_V_UNTESTABLE
} cpr_verdict;

const char *cpr_verdict_name(cpr_verdict v);
/* CPR_V_NONE when `s` is not a verdict name. */
cpr_verdict cpr_verdict_parse(const char *s);

typedef enum {
    CPR_L_CMD, CPR_L_TRY, CPR_L_ASSERT, CPR_L_LET, CPR_L_SAVE,
    CPR_L_CLAIM, CPR_L_META, CPR_L_RULE, CPR_L_EXPECT, CPR_L_FIGURE, CPR_L_NOTE
} cpr_line_kind;

typedef struct {
    cpr_line_kind kind;
    int lineno;
    char **argv;        /* CMD, TRY, FIGURE (argv[0] = figure name) */
    size_t argc;
    char *name;         /* LET/SAVE name, META key, CLAIM id */
    char *text;         /* ASSERT/LET/RULE expression (NULL = always), META/NOTE value */
    cpr_verdict verdict;/* RULE, EXPECT */
    char *why;          /* RULE: reason shown with the verdict */
} cpr_batch_line;

typedef struct {
    char *path;
    size_t n;
    cpr_batch_line *lines;
} cpr_batch;

typedef struct {
    int manifest;                  /* 1 = allow the claim directives */
    const char *const *commands;   /* known command names; NULL = accept any */
    size_t ncommands;
} cpr_batch_syntax;

/* Parse batch text. Syntax errors, unknown cpr-stats commands and malformed
 * expressions fail with CPR_E_MANIFEST naming PATH:LINE. */
int cpr_batch_parse(const char *text, const char *path, const cpr_batch_syntax *syn, cpr_batch **out);
int cpr_batch_read(const char *path, const cpr_batch_syntax *syn, cpr_batch **out);
void cpr_batch_free(cpr_batch *b);
/* Split a line into words (quotes, no other expansion). -1 on an open quote. */
int cpr_words_split(const char *s, char ***argv, size_t *argc);
void cpr_words_free(char **argv, size_t argc);

/* ---- expressions ---------------------------------------------------------- */

typedef struct {
    size_t n;
    char **names;
    double *values;
    json_t *last;       /* last command's JSON (NULL = none) */
    int failed;         /* the last `try` failed */
    /* filled by evaluation, for messages */
    double lhs;         /* left side of the last comparison */
    char missing[128];  /* first path that did not resolve */
} cpr_env;

void cpr_env_init(cpr_env *e);
void cpr_env_clear(cpr_env *e);
void cpr_env_set(cpr_env *e, const char *name, double v);
/* NAN when unset. */
double cpr_env_get(const cpr_env *e, const char *name);

/* Evaluate `expr`; with env == NULL only check its syntax. On a syntax
 * error returns CPR_E_MANIFEST with the column in cpr_last_error(). */
int cpr_expr_eval(const char *expr, cpr_env *env, double *out);
/* Resolve a JSON path; NAN when absent or not a number. */
double cpr_json_path(const json_t *root, const char *path);
/* Fill "{name}" / "{name:.2f}" placeholders from env (missing: "NA"). */
char *cpr_template_fill(const char *tmpl, const cpr_env *env);

/* ---- verdicts ------------------------------------------------------------ */

typedef struct {
    char *id, *source, *says, *line, *claimed, *measured_tmpl;
    size_t first, last;       /* line index range in the batch */
    cpr_verdict expect;
    /* outcome */
    cpr_verdict verdict;
    char *why;                /* reason of the rule that decided */
    char *measured;           /* filled template */
    char *error;              /* a command failed: message */
    int rule_line;
} cpr_claim;

/* Apply rules lines[first..last] (RULE kind) in order: the first whose
 * condition holds decides; none = contradicted. */
int cpr_verdict_decide(const cpr_batch *b, cpr_claim *c, cpr_env *env);

/* ---- runner -------------------------------------------------------------- */

typedef struct {
    const char *exe;          /* cpr-stats binary for children */
    const char *datadir;      /* ${DATA} */
    const char *figdir;       /* NULL = skip figures */
    int verbose;              /* echo each command on stderr */
    /* Does this command print JSON with --format json? NULL = all do. */
    int (*has_json)(const char *command);
} cpr_run_opts;

typedef struct {
    size_t nfail;             /* failed assertions */
    char **failures;          /* "FILE:LINE: assertion failed: ..." */
    size_t nclaims;
    cpr_claim *claims;
    size_t nnotes;
    char **notes;
    json_t *claims_json;      /* array: per claim values and results */
    size_t nfigs;
    char **figs;              /* figure base names drawn in figdir */
    int fig_status;           /* first figure failure (e.g. CPR_E_GNUPLOT), 0 = none */
} cpr_run_result;

/* Run every line. A failing command (not `try`) stops the run and returns
 * its exit code with "FILE:LINE: ..." in cpr_last_error(). Failed
 * assertions are collected; the return value is then 0. */
int cpr_batch_run(const cpr_batch *b, const cpr_run_opts *o, cpr_run_result *r);

/* `run` and `reproduce` nest at most this deep (CPR_RUN_DEPTH in the
 * environment counts the levels): called first by both commands; exit 20
 * beyond the limit. */
#define CPR_RUN_MAX_DEPTH 4
int cpr_run_depth_enter(void);
void cpr_run_result_clear(cpr_run_result *r);

/* Run `argv` (argv[0] = the binary) with no shell; capture stdout and stderr. */
int cpr_spawn_capture(char *const argv[], char **out, size_t *outlen, char **err, int *status);

/* ---- report -------------------------------------------------------------- */

/* The terminal table. */
void cpr_claims_print_table(const cpr_run_result *r, FILE *out);
/* DIR/report.md, DIR/report.html, DIR/claims.json (written atomically). */
int cpr_claims_write_report(const cpr_run_result *r, const char *dir);

#endif
