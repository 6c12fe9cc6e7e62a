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
 *   part KIND NAME "label" key value ... [why "..."]
 *                                  a part of the claim; with parts the verdict
 *                                  comes from cpr_verdict_combine (rules are
 *                                  then not allowed). KIND and keys:
 *       level    value E claimed X tol T% because "why T" [trend E]
 *       effect   est E p E sign -|+ [clusters E pboot E] [stable E]
 *                [claimed X tol T% because "..."]
 *       trend    holds E
 *       untested (why names the data that would test it)
 *   sample "text"                  (text + the last result's sample: the
 *                                  countries and years that entered)
 *   sample "text" note "PREFIX"    (text + the rest of the last result's first
 *                                  note starting with PREFIX, e.g. "regime 2")
 *   robust "template"              (one line of the claim's robustness block)
 *   expect VERDICT                  (reproduce --check compares)
 *   figure NAME COMMAND...          (drawn only with reproduce --out DIR)
 *   figure NAME loo SAVED TERM      leave-one-country-out: the saved regression
 *                                  refitted once without each entity of its
 *                                  sample (--countries the others, no
 *                                  bootstrap; the CI of its --se); a table
 *                                  in the report, $loo_min/$loo_max/$loo_neg
 *                                  (count of negative refits), and the figure
 *   table "TITLE" "COLUMN" ...     a table in the claim's report section (through
 *   row "CELL" ...                 src/report); cells are templates ({name:.0f});
 *                                  each row has one cell per column
 *   note "..."                      (before the first claim: report caveats)
 * Words in commands may be quoted ('...' or "..."); ${DATA} expands to the
 * bundled data directory. Expressions: numbers, $names, JSON paths
 * (nobs, stats.r2_within, coef(aid).estimate, cor(pearson).estimate,
 * rows[entity=LCN,year=2002].value, rows[0].value), + - * / ( ),
 * abs() sign() sqrt() log() missing(), min() max() (2 or more arguments),
 * holm(i, p1, ..., pm) (Holm-adjusted p of p_i, as R's p.adjust), comparisons
 * < <= > >= == != and `A ~= B tol T` (T absolute, or `T%` of B),
 * and/or/not, and `failed` (the last `try` failed). */
#ifndef CPR_CLAIMS_H
#define CPR_CLAIMS_H

#include <stddef.h>
#include <jansson.h>
#include <stdio.h>

/* The verdict scale (issue 13); the written rules are cpr_verdict_rules. */
typedef enum {
    CPR_V_NONE = 0,
    CPR_V_REPRODUCED,
    CPR_V_PARTIAL,
    CPR_V_DIRECTION,
    CPR_V_INCONCLUSIVE,
    CPR_V_CONTRADICTED,
    CPR_V_UNTESTABLE
} cpr_verdict;
#define CPR_V_COUNT 7

/* The rules as printed by `reproduce --help`, the README and the report
 * (implemented by cpr_verdict_combine and cpr_part_eval in verdict.c). */
#define CPR_VERDICT_RULES_TEXT \
    "Verdict scale (one set of rules for every claim; a claim is split into parts, each part\n" \
    "is judged on its own numbers, and the claim's verdict follows from its parts):\n" \
    "  reproduced    every part is within its stated tolerance. A level's tolerance is relative\n" \
    "                (a % of the claimed value) and the manifest says why it is that wide.\n" \
    "  partial       some parts are reproduced or agree in direction, others are untestable,\n" \
    "                inconclusive or off; the note names which.\n" \
    "  direction     every part agrees in sign or trend and is statistically supported\n" \
    "                (p < 0.05; by the wild cluster bootstrap when there are fewer than 50\n" \
    "                clusters), but a level differs for the stated reason.\n" \
    "  inconclusive  no part supports the claim: the estimate cannot be told apart from zero,\n" \
    "                or its sign changes across the reasonable specifications shown.\n" \
    "  contradicted  no part supports the claim and the data significantly support the\n" \
    "                opposite (opposite sign, p < 0.05), or a level or trend is clearly wrong.\n" \
    "  untestable    no part can be tested with the bundled data; the note names the data.\n" \
    "Parts: a level within its tolerance is reproduced; outside it, direction if its trend holds,\n" \
    "else contradicted. An effect with the claimed sign and p < 0.05 whose sign is the same in\n" \
    "every specification shown is reproduced (direction if a claimed size is outside its\n" \
    "tolerance); the opposite sign with p < 0.05 is contradicted; anything else is inconclusive.\n" \
    "A trend is reproduced if it holds and contradicted if not. A null result is never\n" \
    "'contradicted'.\n"
extern const char *const cpr_verdict_rules;

const char *cpr_verdict_name(cpr_verdict v);
/* CPR_V_NONE when `s` is not a verdict name. */
cpr_verdict cpr_verdict_parse(const char *s);

typedef enum {
    CPR_L_CMD, CPR_L_TRY, CPR_L_ASSERT, CPR_L_LET, CPR_L_SAVE,
    CPR_L_CLAIM, CPR_L_META, CPR_L_RULE, CPR_L_EXPECT, CPR_L_FIGURE, CPR_L_NOTE,
    CPR_L_PART, CPR_L_SAMPLE, CPR_L_TABLE, CPR_L_ROW
} cpr_line_kind;

typedef struct {
    cpr_line_kind kind;
    int lineno;
    char **argv;        /* CMD, TRY, FIGURE (argv[0] = figure name); PART: KIND NAME LABEL key value...;
                         * TABLE: title, column labels; ROW: cell templates */
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
    char unknown[128];  /* first path not in the result at all (outside missing()) */
    char hint[160];     /* the closest path that is, or "" */
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
/* 1 when `path` exists in `root` (its value, maybe null or not a number, in
 * *out), 0 when it does not; then *hint (if hint) is the closest path that
 * does exist (edit distance, one name at a time), or NULL. Free *hint. */
int cpr_json_path_find(const json_t *root, const char *path, const json_t **out, char **hint);
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
    char *parts;              /* one line per part: "label: verdict (detail)" */
    char *samples;            /* `sample` lines, filled, one per line */
    char *robust;             /* `robust` lines, filled, one per line */
} cpr_claim;

/* A claim with `part` lines: each part gets a verdict word of its own
 * (cpr_part_eval), and the claim's verdict is cpr_verdict_combine of those.
 * Without parts: rules lines[first..last] in order, the first whose
 * condition holds decides; none = contradicted. */
int cpr_verdict_decide(const cpr_batch *b, cpr_claim *c, cpr_env *env);
/* One part's verdict (REPRODUCED, DIRECTION, INCONCLUSIVE, CONTRADICTED or
 * UNTESTABLE) and a short reason in *detail (caller frees). */
cpr_verdict cpr_part_eval(const cpr_batch_line *l, cpr_env *env, char **detail);
/* The claim's verdict from its parts' verdicts (the rules in cpr_verdict_rules). */
cpr_verdict cpr_verdict_combine(const cpr_verdict *parts, size_t n);

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

/* The source papers' bibliography (references.c; datasets/references.csv
 * with columns id,authors,year,title,published,note). */
typedef struct { char *id, *authors, *year, *title, *published, *note; } cpr_reference;
typedef struct { size_t n; cpr_reference *refs; } cpr_references;
int cpr_references_load(const char *path, cpr_references **out);
void cpr_references_free(cpr_references *r);
/* The entry whose id is the len bytes at id; NULL when none. */
const cpr_reference *cpr_references_find(const cpr_references *r, const char *id, size_t len);

/* The terminal table. */
void cpr_claims_print_table(const cpr_run_result *r, FILE *out);
/* DIR/report.md, DIR/report.html, DIR/claims.json (written atomically).
 * refs (may be NULL) turns the papers' ids in each claim's source into
 * author-year citations and adds a References section. No absolute path
 * reaches the files: a path in a message is cut to its file name. */
int cpr_claims_write_report(const cpr_run_result *r, const char *dir, const cpr_references *refs);

/* The report's figures (report_figure.c). DIR/figures/NAME.svg for inline
 * use, its ids prefixed with NAME (NULL when missing); the title and caption
 * from DIR/figures/NAME.json (1 when both are there); one numbered figure
 * as Markdown and as HTML (<figure> with SVG and <figcaption>), both
 * allocated. */
char *cpr_report_svg_inline(const char *dir, const char *name);
int cpr_report_figure_describe(const char *dir, const char *name, char **title, char **caption);
void cpr_report_figure(const char *dir, const char *name, int number, char **md, char **html);

/* Figures the runner draws itself (figure_caption.c): the terms' short
 * catalogue labels (NULL-terminated, caller frees each and the array), and
 * the caption file DIR/figures/NAME.json of a coefficient figure. */
char **cpr_claims_term_labels(const char *datadir, const char *const *terms, size_t nt);
int cpr_claims_coef_describe(const char *path, const char *title, const char *datadir,
                             const char *const *labels, const json_t *const *models, size_t nm,
                             const char *const *terms, size_t nt);
/* A claim's tables (its JSON "tables": [{title, columns, rows}]) rendered
 * by the document machinery of src/report: Markdown (md != NULL) and an HTML
 * fragment (html != NULL), appended to the caller's strings. */
void cpr_claims_tables_render(const json_t *tables, char **md, char **html);

#endif
