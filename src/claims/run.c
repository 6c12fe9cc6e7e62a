/* The batch runner: commands run as children with --format json, their JSON
 * becomes the result that assert/let lines read; in a manifest, each claim's
 * rules are applied when the next claim starts (or at the end). */
#include "claims_internal.h"
#include "cpr/plot.h"
#include "cpr/result_json.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const cpr_batch *b;
    const cpr_run_opts *o;
    cpr_run_result *r;
    cpr_env env;
    size_t nsaved;
    char **saved_names;
    json_t **saved;
    const cpr_batch_line **saved_cmd;   /* the command that made each saved result */
    const cpr_batch_line *last_cmd;
    cpr_claim *claim;     /* current claim or NULL */
    json_t *cj;           /* its JSON object */
    int fig_rc;
} runner;


static json_t *num_or_null(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static char *joined(char **argv, size_t argc)
{
    size_t len = 1;
    for (size_t i = 0; i < argc; i++) len += strlen(argv[i]) + 3;
    char *s = cpr_calloc(len, 1);
    for (size_t i = 0; i < argc; i++) {
        if (i) strcat(s, " ");
        int q = strpbrk(argv[i], " \t|~*'") != NULL;
        if (q) strcat(s, "'");
        strcat(s, argv[i]);
        if (q) strcat(s, "'");
    }
    return s;
}

/* Run a command; extra (may be NULL) is appended. The caller frees out/err. */
static int run_child(runner *R, char **words, size_t nw, const char *const *extra, size_t nextra,
                     char **out, char **err, int *status)
{
    char **argv = cpr_calloc(nw + nextra + 2, sizeof *argv);
    argv[0] = cpr_strdup(R->o->exe);
    for (size_t i = 0; i < nw; i++) argv[i + 1] = cpr_claims_expand(words[i], R->o->datadir);
    for (size_t i = 0; i < nextra; i++) argv[nw + 1 + i] = cpr_strdup(extra[i]);
    if (R->o->verbose) {
        char *s = joined(argv + 1, nw + nextra);
        fprintf(stderr, "+ cpr-stats %s\n", s);
        free(s);
    }
    int rc = cpr_spawn_capture(argv, out, NULL, err, status);
    cpr_words_free(argv, nw + nextra + 1);
    return rc;
}

static int wants_json(const runner *R, const cpr_batch_line *l)
{
    for (size_t i = 1; i < l->argc; i++)
        if (strcmp(l->argv[i], "--format") == 0 || strncmp(l->argv[i], "--format=", 9) == 0) return 0;
    return !R->o->has_json || R->o->has_json(l->argv[0]);
}

static char *first_line(const char *s)
{
    const char *p = strncmp(s, "cpr-stats: ", 11) == 0 ? s + 11 : s;
    return cpr_strndup(p, strcspn(p, "\n"));
}

static int do_command(runner *R, const cpr_batch_line *l)
{
    static const char *const fmt[] = {"--format", "json"};
    int js = wants_json(R, l), status;
    char *out = NULL, *err = NULL;
    int rc = run_child(R, l->argv, l->argc, fmt, js ? 2 : 0, &out, &err, &status);
    if (rc) return rc;
    R->last_cmd = l;
    json_decref(R->env.last);
    R->env.last = NULL;
    R->env.failed = status != 0;
    char *cmd = joined(l->argv, l->argc);
    if (status != 0) {
        char *msg = first_line(err);
        if (l->kind == CPR_L_TRY) {
            if (R->o->verbose) fprintf(stderr, "%s:%d: try failed (exit %d): %s\n", R->b->path, l->lineno, status, msg);
            if (R->cj) {
                json_t *e = json_pack("{s:i,s:s,s:i,s:s}", "line", l->lineno, "command", cmd, "exit", status, "error", msg);
                json_array_append_new(json_object_get(R->cj, "results"), e);
                free(R->claim->error);
                R->claim->error = cpr_strdup(msg);
            }
        } else {
            rc = cpr_fail(status, "%s:%d: 'cpr-stats %s' failed (exit %d): %s", R->b->path, l->lineno, cmd, status, msg);
        }
        free(msg);
    } else if (js) {
        json_error_t je;
        R->env.last = json_loads(out, 0, &je);
        if (!R->env.last) rc = cpr_fail(CPR_E_INTERNAL, "%s:%d: 'cpr-stats %s' did not print JSON: %s", R->b->path, l->lineno, cmd, je.text);
        else if (R->cj) {
            json_t *e = json_pack("{s:i,s:s,s:O}", "line", l->lineno, "command", cmd, "result", R->env.last);
            json_array_append_new(json_object_get(R->cj, "results"), e);
        }
    }
    free(cmd);
    free(out);
    free(err);
    return rc;
}

/* A path that is not in the result is a mistake in the file (a typo would
 * otherwise read as a missing value, and `not (...)` would pass): exit 17. */
static int check_paths(runner *R, const cpr_batch_line *l, const char *what)
{
    if (!R->env.unknown[0]) return 0;
    if (R->env.hint[0])
        return cpr_fail(CPR_E_MANIFEST, "%s:%d: %s: '%s' is not in the result of the last command; did you mean %s?",
                        R->b->path, l->lineno, what, R->env.unknown, R->env.hint);
    return cpr_fail(CPR_E_MANIFEST, "%s:%d: %s: '%s' is not in the result of the last command "
                    "(use missing(%s) to test for its absence)", R->b->path, l->lineno, what, R->env.unknown,
                    R->env.unknown);
}

static int do_assert(runner *R, const cpr_batch_line *l)
{
    double v;
    cpr_expr_eval(l->text, &R->env, &v);
    int rc = check_paths(R, l, "assert");
    if (rc) return rc;
    if (!isnan(v) && v != 0) return 0;
    char what[200];
    if (R->env.missing[0]) snprintf(what, sizeof what, "%s is missing", R->env.missing);
    else if (isnan(R->env.lhs)) snprintf(what, sizeof what, "value NA");
    else if (isinf(R->env.lhs)) snprintf(what, sizeof what, "value %s", R->env.lhs > 0 ? "+infinity" : "-infinity");
    else snprintf(what, sizeof what, "value %.10g", R->env.lhs);
    char *m = cpr_asprintf("%s:%d: assertion failed: %s (%s)", R->b->path, l->lineno, l->text, what);
    R->r->failures = cpr_realloc(R->r->failures, (R->r->nfail + 1) * sizeof *R->r->failures);
    R->r->failures[R->r->nfail++] = m;
    return 0;
}

static const json_t *saved(const runner *R, const char *name)
{
    for (size_t i = R->nsaved; i-- > 0;)
        if (strcmp(R->saved_names[i], name) == 0) return R->saved[i];
    return NULL;
}

static const cpr_batch_line *saved_command(const runner *R, const char *name)
{
    for (size_t i = R->nsaved; i-- > 0;)
        if (strcmp(R->saved_names[i], name) == 0) return R->saved_cmd[i];
    return NULL;
}

/* A table for the claim's report section: {title, columns, rows}. */
static json_t *add_table(runner *R, const char *title, char *const *cols, size_t ncol)
{
    json_t *t = json_pack("{s:s,s:[],s:[]}", "title", title, "columns", "rows");
    for (size_t i = 0; i < ncol; i++) json_array_append_new(json_object_get(t, "columns"), json_string(cols[i]));
    json_array_append_new(json_object_get(R->cj, "tables"), t);
    return t;
}

static void do_table(runner *R, const cpr_batch_line *l)
{
    if (!R->cj) return;
    if (l->kind == CPR_L_TABLE) {
        char *title = cpr_template_fill(l->argv[0], &R->env);
        add_table(R, title, l->argv + 1, l->argc - 1);
        free(title);
        return;
    }
    json_t *tabs = json_object_get(R->cj, "tables");
    json_t *t = json_array_get(tabs, json_array_size(tabs) - 1), *row = json_array();
    for (size_t i = 0; i < l->argc; i++) {
        char *c = cpr_template_fill(l->argv[i], &R->env);
        json_array_append_new(row, json_string(c));
        free(c);
    }
    json_array_append_new(json_object_get(t, "rows"), row);
}

/* figure NAME loo SAVED TERM: the refits, their table and the figure. */
static int loo_figure(runner *R, const cpr_batch_line *l)
{
    const json_t *j = saved(R, l->argv[2]);
    const cpr_batch_line *cmd = saved_command(R, l->argv[2]);
    if (!j || !cmd)
        return cpr_fail(CPR_E_MANIFEST, "%s:%d: figure loo: '%s' is not a saved regression", R->b->path, l->lineno, l->argv[2]);
    const char *term = l->argv[3];
    cpr_loo_row *rows = NULL;
    size_t n = 0;
    int rc = cpr_loo_refit(R->o->exe, R->o->datadir, cmd->argv, cmd->argc, j, term, &rows, &n);
    if (rc) return rc;
    const char *se = json_string_value(json_object_get(j, "se_type"));
    char *se_l = cpr_asprintf("%s, t(G-1)", se && strcmp(se, "cr3") == 0 ? "CV3 jackknife" : se ? se : "?");
    size_t neg = 0;
    json_t *loo = json_pack("{s:s,s:s,s:[]}", "term", term, "se_type", se ? se : "", "rows");
    static char *const cols[] = {"sample", "estimate", "95% CI low", "95% CI high", "N", "clusters"};
    char *cmdtxt = joined(cmd->argv, cmd->argc);
    char *title = cpr_asprintf("Leave one country out: coefficient of %s in 'cpr-stats %s' refitted without each country "
                               "(--countries the others, 95%% CI %s)", term, cmdtxt, se_l);
    json_t *t = add_table(R, title, cols, 6);
    for (size_t i = 0; i < n; i++) {
        const cpr_loo_row *w = &rows[i];
        neg += i > 0 && w->est < 0;
        json_array_append_new(json_object_get(loo, "rows"),
                              json_pack("{s:s,s:o,s:o,s:o,s:o,s:o}", "sample", w->label, "estimate", num_or_null(w->est),
                                        "conf_low", num_or_null(w->lo), "conf_high", num_or_null(w->hi),
                                        "nobs", num_or_null(w->nobs), "n_clusters", num_or_null(w->nclusters)));
        char c[5][32];
        snprintf(c[0], 32, "%.4g", w->est);
        snprintf(c[1], 32, "%.4g", w->lo);
        snprintf(c[2], 32, "%.4g", w->hi);
        snprintf(c[3], 32, "%.0f", w->nobs);
        snprintf(c[4], 32, "%.0f", w->nclusters);
        json_array_append_new(json_object_get(t, "rows"), json_pack("[s,s,s,s,s,s]", w->label, c[0], c[1], c[2], c[3], c[4]));
    }
    /* which refits move the CI off zero: a finding that rests on one country */
    char *off = cpr_strdup("");
    size_t noff = 0;
    for (size_t i = 1; i < n; i++)
        if (rows[i].lo > 0 || rows[i].hi < 0) {
            char *more = cpr_asprintf("%s%s%s", off, noff++ ? ", " : "", rows[i].label);
            free(off);
            off = more;
        }
    char *note = cpr_asprintf("the estimate is negative in %zu of the %zu refits; its 95%% CI excludes zero in %zu "
                              "of them%s%s%s", neg, n - 1, noff, noff ? " (" : "", off, noff ? ")" : "");
    free(off);
    json_object_set_new(t, "note", json_string(note));
    json_object_set_new(R->cj, "loo", loo);
    static const char *const ext[] = {"svg", "png"};
    for (int e = 0; e < 2 && !rc; e++) {
        char *path = cpr_asprintf("%s/%s.%s", R->o->figdir, l->argv[0], ext[e]);
        rc = cpr_loo_plot(path, rows, n, term, se_l);
        free(path);
    }
    free(note); free(title); free(cmdtxt); free(se_l);
    cpr_loo_rows_free(rows, n);
    return rc;
}

/* figure NAME coef LABEL=SAVED... [--terms a,b]: one coefficient plot. */
static int coef_figure(runner *R, const cpr_batch_line *l, const char *path)
{
    cpr_plot_model models[8];
    cpr_result *res[8];
    size_t nm = 0;
    const char *terms[16];
    const json_t *js[8];
    size_t nt = 0;
    char *tl = NULL;
    const char *title = NULL;
    int rc = 0;
    for (size_t i = 2; i < l->argc && !rc; i++) {
        if (strcmp(l->argv[i], "--title") == 0 && i + 1 < l->argc) { title = l->argv[++i]; continue; }
        if (strcmp(l->argv[i], "--terms") == 0 && i + 1 < l->argc) {
            tl = cpr_strdup(l->argv[++i]);
            for (char *t = strtok(tl, ","); t && nt < 16; t = strtok(NULL, ",")) terms[nt++] = t;
            continue;
        }
        char *eq = strchr(l->argv[i], '=');
        const json_t *j = eq ? saved(R, eq + 1) : NULL;
        cpr_result *x = nm < 8 ? cpr_result_from_json_coefs(json_object_get(j, "coefficients"), NULL) : NULL;
        if (!x) {
            rc = cpr_fail(CPR_E_MANIFEST, "%s:%d: figure coef: '%s' is not LABEL=NAME of a saved regression", R->b->path, l->lineno, l->argv[i]);
            break;
        }
        x->model = cpr_strndup(l->argv[i], (size_t)(eq - l->argv[i]));
        res[nm] = x;
        js[nm] = j;
        models[nm] = (cpr_plot_model){x, x->model, NULL, NULL, NULL};
        nm++;
    }
    if (!rc) {
        /* terms by their catalogue labels; a caption file beside the SVG */
        char **lab = cpr_claims_term_labels(R->o->datadir, terms, nt);
        cpr_plot_coef_opts co = {nt ? terms : NULL, nt, 0, {"Estimate (95% CI, clustered by country)", NULL, 0},
                                 (const char *const *)lab};
        cpr_plot_opts po = {0};
        po.title = title;
        po.source = "Source: AidData GCDF 3.0, World Bank WDI; cpr-stats reproduce";
        rc = cpr_plot_coef(path, models, nm, &co, &po);
        size_t pl = strlen(path);
        if (!rc && pl > 4 && strcmp(path + pl - 4, ".svg") == 0) {
            char *jp = cpr_asprintf("%.*s.json", (int)(pl - 4), path);
            const char *ml[8];
            for (size_t m = 0; m < nm; m++) ml[m] = models[m].label;
            rc = cpr_claims_coef_describe(jp, title, R->o->datadir, ml, js, nm, terms, nt);
            free(jp);
        }
        for (size_t t = 0; t < nt; t++) free(lab[t]);
        free(lab);
    }
    for (size_t i = 0; i < nm; i++) cpr_result_free(res[i]);
    free(tl);
    return rc;
}

static void do_figure(runner *R, const cpr_batch_line *l)
{
    if (!R->o->figdir) return;
    static const char *const ext[] = {"svg", "png"};
    int loo = strcmp(l->argv[1], "loo") == 0;
    for (int e = 0; e < (loo ? 1 : 2); e++) {
        char *path = cpr_asprintf("%s/%s.%s", R->o->figdir, l->argv[0], ext[e]);
        int rc = 0;
        cpr_error_scope es;   /* a figure not drawn is reported, not an error */
        cpr_error_scope_begin(&es);
        if (loo) rc = loo_figure(R, l);
        else if (strcmp(l->argv[1], "coef") == 0) rc = coef_figure(R, l, path);
        else {
            /* plot scatter/series also describe the figure for the report */
            char *desc = cpr_asprintf("%s/%s.json", R->o->figdir, l->argv[0]);
            const char *extra[] = {"-o", path, "--describe", desc};
            int describe = e == 0 && l->argc > 2 && strcmp(l->argv[1], "plot") == 0 &&
                           (strcmp(l->argv[2], "scatter") == 0 || strcmp(l->argv[2], "series") == 0);
            char *out = NULL, *err = NULL;
            int status = 0;
            rc = run_child(R, l->argv + 1, l->argc - 1, extra, describe ? 4 : 2, &out, &err, &status);
            free(desc);
            if (!rc && status) rc = cpr_fail(status, "%s", err);
            free(out);
            free(err);
        }
        if (rc) {
            char *m = first_line(cpr_last_error());
            fprintf(stderr, "cpr-stats: %s:%d: figure %s not drawn: %s\n", R->b->path, l->lineno, path, m);
            free(m);
            if (!R->fig_rc) R->fig_rc = rc;
        } else if (e == 0) {
            R->r->figs = cpr_realloc(R->r->figs, (R->r->nfigs + 1) * sizeof *R->r->figs);
            R->r->figs[R->r->nfigs++] = cpr_strdup(l->argv[0]);
            if (R->cj) json_array_append_new(json_object_get(R->cj, "figures"), json_string(l->argv[0]));
        }
        cpr_error_scope_end(&es);
        free(path);
    }
}

/* The sample of the last result: its "sample" text (regress, threshold), or
 * the entities (and years) of its rows (stat), or its "countries" list. */
static char *sample_of(const json_t *j)
{
    const char *s = json_string_value(json_object_get(j, "sample"));
    if (s) return cpr_strdup(s);
    char *out = cpr_strdup("");
    size_t k;
    const json_t *e;
    json_array_foreach(json_object_get(j, "rows"), k, e) {
        const char *ent = json_string_value(json_object_get(e, "entity"));
        const json_t *yr = json_object_get(e, "year");
        if (!ent && !yr) continue;
        char ybuf[32] = "";
        if (json_is_number(yr)) snprintf(ybuf, sizeof ybuf, "%s%.0f", ent ? " " : "", json_number_value(yr));
        else if (json_is_number(json_object_get(e, "last_year")))
            snprintf(ybuf, sizeof ybuf, " %.0f", json_number_value(json_object_get(e, "last_year")));
        char *t = cpr_asprintf("%s%s%s%s", out, *out ? ", " : "", ent ? ent : "", ybuf);
        free(out);
        out = t;
    }
    json_array_foreach(json_object_get(j, "entities"), k, e) {
        char *t = cpr_asprintf("%s%s%s", out, *out ? ", " : "", json_string_value(e) ? json_string_value(e) : "?");
        free(out);
        out = t;
    }
    if (!*out) { free(out); out = cpr_strdup("(the command did not report its sample)"); }
    return out;
}

/* The first note of the last result that starts with `prefix`. */
static char *note_of(const json_t *j, const char *prefix)
{
    size_t k;
    const json_t *e;
    json_array_foreach(json_object_get(j, "notes"), k, e) {
        const char *s = json_string_value(e);
        if (s && strncmp(s, prefix, strlen(prefix)) == 0) return cpr_strdup(s + strlen(prefix));
    }
    return cpr_asprintf("(the command printed no note '%s')", prefix);
}

static void do_sample(runner *R, const cpr_batch_line *l)
{
    if (!R->claim) return;
    int rob = strcmp(l->name, "robust") == 0;
    char *head = cpr_template_fill(l->text, &R->env), *body = rob ? NULL : l->argc ? note_of(R->env.last, l->argv[0]) : sample_of(R->env.last);
    char *line = rob ? cpr_strdup(head) : cpr_asprintf("%s: %s", head, body);
    char **slot = rob ? &R->claim->robust : &R->claim->samples;
    char *all = cpr_asprintf("%s%s\n", *slot ? *slot : "", line);
    free(*slot);
    *slot = all;
    json_array_append_new(json_object_get(R->cj, rob ? "robustness" : "samples"), json_string(line));
    free(head); free(body); free(line);
}


static void finish_claim(runner *R, size_t end)
{
    cpr_claim *c = R->claim;
    if (!c) return;
    c->last = end;
    cpr_verdict_decide(R->b, c, &R->env);
    c->measured = c->measured_tmpl ? cpr_template_fill(c->measured_tmpl, &R->env) : cpr_strdup("");
    json_t *o = R->cj;
    json_object_set_new(o, "verdict", json_string(cpr_verdict_name(c->verdict)));
    json_object_set_new(o, "why", c->why ? json_string(c->why) : json_null());
    json_object_set_new(o, "parts", c->parts ? json_string(c->parts) : json_null());
    json_object_set_new(o, "measured", json_string(c->measured));
    json_object_set_new(o, "expect", c->expect ? json_string(cpr_verdict_name(c->expect)) : json_null());
    json_array_append_new(R->r->claims_json, o);
    R->claim = NULL;
    R->cj = NULL;
}

static void start_claim(runner *R, const cpr_batch_line *l, size_t idx)
{
    cpr_run_result *r = R->r;
    r->claims = cpr_realloc(r->claims, (r->nclaims + 1) * sizeof *r->claims);
    R->claim = &r->claims[r->nclaims++];
    memset(R->claim, 0, sizeof *R->claim);
    R->claim->id = cpr_strdup(l->name);
    R->claim->first = idx;
    R->cj = json_pack("{s:s,s:{},s:[],s:[],s:[],s:[],s:[]}", "id", l->name, "values", "results", "figures", "samples",
                      "robustness", "tables");
    R->env.failed = 0;
    json_decref(R->env.last);
    R->env.last = NULL;
}

static void set_meta(runner *R, const cpr_batch_line *l)
{
    cpr_claim *c = R->claim;
    char **slot = strcmp(l->name, "source") == 0 ? &c->source
                : strcmp(l->name, "says") == 0 ? &c->says
                : strcmp(l->name, "line") == 0 ? &c->line
                : strcmp(l->name, "claimed") == 0 ? &c->claimed : &c->measured_tmpl;
    free(*slot);
    *slot = cpr_strdup(l->text);
    if (slot != &c->measured_tmpl) json_object_set_new(R->cj, l->name, json_string(l->text));
}

int cpr_run_depth_enter(void)
{
    /* a batch file that runs itself would fork without end: the depth
     * travels to the children in the environment */
    const char *d = getenv("CPR_RUN_DEPTH");
    long depth = d ? strtol(d, NULL, 10) : 0;
    if (depth < 0) depth = 0;
    if (depth >= CPR_RUN_MAX_DEPTH)
        return cpr_fail(CPR_E_LIMIT, "run/reproduce nested %ld deep (a batch file or manifest that runs itself?); "
                        "the limit is %d", depth + 1, CPR_RUN_MAX_DEPTH);
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", depth + 1);
    if (setenv("CPR_RUN_DEPTH", buf, 1) != 0) return cpr_fail(CPR_E_NOMEM, "cannot set CPR_RUN_DEPTH");
    return CPR_OK;
}

int cpr_batch_run(const cpr_batch *b, const cpr_run_opts *o, cpr_run_result *r)
{
    memset(r, 0, sizeof *r);
    r->claims_json = json_array();
    runner R = {b, o, r, {0}, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0};
    cpr_env_init(&R.env);
    int rc = 0;
    for (size_t i = 0; i < b->n && !rc; i++) {
        const cpr_batch_line *l = &b->lines[i];
        switch (l->kind) {
        case CPR_L_CMD:
        case CPR_L_TRY: rc = do_command(&R, l); break;
        case CPR_L_ASSERT: rc = do_assert(&R, l); break;
        case CPR_L_LET: {
            double v = NAN;
            cpr_expr_eval(l->text, &R.env, &v);
            cpr_env_set(&R.env, l->name, v);
            if (R.cj) json_object_set_new(json_object_get(R.cj, "values"), l->name, num_or_null(v));
            break;
        }
        case CPR_L_SAVE:
            R.saved_names = cpr_realloc(R.saved_names, (R.nsaved + 1) * sizeof *R.saved_names);
            R.saved = cpr_realloc(R.saved, (R.nsaved + 1) * sizeof *R.saved);
            R.saved_cmd = cpr_realloc(R.saved_cmd, (R.nsaved + 1) * sizeof *R.saved_cmd);
            R.saved_cmd[R.nsaved] = R.last_cmd;
            R.saved_names[R.nsaved] = cpr_strdup(l->name);
            R.saved[R.nsaved++] = json_incref(R.env.last);
            break;
        case CPR_L_CLAIM: finish_claim(&R, i); start_claim(&R, l, i); break;
        case CPR_L_META: set_meta(&R, l); break;
        case CPR_L_EXPECT: if (R.claim) R.claim->expect = l->verdict; break;
        case CPR_L_FIGURE: do_figure(&R, l); break;
        case CPR_L_NOTE:
            r->notes = cpr_realloc(r->notes, (r->nnotes + 1) * sizeof *r->notes);
            r->notes[r->nnotes++] = cpr_strdup(l->text);
            break;
        case CPR_L_SAMPLE: do_sample(&R, l); break;
        case CPR_L_TABLE:
        case CPR_L_ROW: do_table(&R, l); break;
        case CPR_L_PART:
        case CPR_L_RULE: break;
        }
    }
    if (!rc) finish_claim(&R, b->n);
    else if (R.cj) json_decref(R.cj);
    for (size_t i = 0; i < R.nsaved; i++) { free(R.saved_names[i]); json_decref(R.saved[i]); }
    free(R.saved_names);
    free(R.saved);
    free(R.saved_cmd);
    cpr_env_clear(&R.env);
    r->fig_status = R.fig_rc;
    return rc;
}

void cpr_run_result_clear(cpr_run_result *r)
{
    for (size_t i = 0; i < r->nfail; i++) free(r->failures[i]);
    free(r->failures);
    for (size_t i = 0; i < r->nclaims; i++) {
        cpr_claim *c = &r->claims[i];
        free(c->id); free(c->source); free(c->says); free(c->line); free(c->claimed);
        free(c->measured_tmpl); free(c->why); free(c->measured); free(c->error);
        free(c->parts); free(c->samples); free(c->robust);
    }
    free(r->claims);
    for (size_t i = 0; i < r->nnotes; i++) free(r->notes[i]);
    free(r->notes);
    for (size_t i = 0; i < r->nfigs; i++) free(r->figs[i]);
    free(r->figs);
    json_decref(r->claims_json);
    memset(r, 0, sizeof *r);
}
