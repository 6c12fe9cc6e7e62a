/* JSON paths into a command's result, as assertions write them:
 * stats.r2_within, coef(aid).p_value, tests[name=hausman].p, rows[0].value.
 * cpr_json_path resolves one to a number; cpr_json_path_find also says
 * whether the path exists at all and, when not, the closest one that does
 * (a misspelled path must be an error, not a silently missing value). */
#include "cpr/claims.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const json_t *match_row(const json_t *arr, const char *conds)
{
    if (!json_is_array(arr)) return NULL;
    char *end;
    long idx = strtol(conds, &end, 10);
    if (end != conds && *end == '\0') return json_array_get(arr, (size_t)idx);
    size_t i;
    const json_t *row;
    json_array_foreach(arr, i, row) {
        char *copy = cpr_strdup(conds), *save = NULL;
        int ok = 1;
        for (char *c = strtok_r(copy, ",", &save); c && ok; c = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(c, '=');
            if (!eq) { ok = 0; break; }
            *eq = '\0';
            const json_t *v = json_object_get(row, c);
            const char *want = eq + 1;
            if (json_is_string(v)) ok = strcmp(json_string_value(v), want) == 0;
            else if (json_is_number(v)) {
                double d;
                ok = cpr_parse_double(want, strlen(want), &d) == 1 && d == json_number_value(v);
            } else ok = 0;
        }
        free(copy);
        if (ok) return row;
    }
    return NULL;
}

static const char *alias_array(const char *name, const char **key)
{
    static const char *const tab[][3] = {
        {"coef", "coefficients", "term"}, {"cor", "correlations", "method"}, {"test", "tests", "name"}};
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
        if (strcmp(name, tab[i][0]) == 0) { *key = tab[i][2]; return tab[i][1]; }
    return NULL;
}

/* One segment: name, name(ARG), name[COND], or [COND] after a name. */
static const json_t *step(const json_t *cur, const char *seg)
{
    size_t n = strcspn(seg, "([");
    char *name = cpr_strndup(seg, n);
    const json_t *v = n ? json_object_get(cur, name) : cur;
    const char *rest = seg + n;
    if (*rest == '(') {
        size_t rl = strlen(rest);
        if (rl < 2 || rest[rl - 1] != ')') { free(name); return NULL; }
        const char *key = NULL, *arr = alias_array(name, &key);
        char *arg = cpr_strndup(rest + 1, strlen(rest) - 2);
        char *cond = cpr_asprintf("%s=%s", key ? key : "", arg);
        v = arr ? match_row(json_object_get(cur, arr), cond) : NULL;
        free(arg);
        free(cond);
    }
    while (v && *rest == '[') {
        const char *close = strchr(rest, ']');
        if (!close) { v = NULL; break; }
        char *cond = cpr_strndup(rest + 1, (size_t)(close - rest - 1));
        v = match_row(v, cond);
        free(cond);
        rest = close + 1;
    }
    free(name);
    return v;
}

/* Length of the segment starting at path[i] (up to a '.' outside brackets). */
static size_t seg_end(const char *path, size_t i, size_t len)
{
    size_t j = i;
    int depth = 0;
    while (j < len && (depth > 0 || path[j] != '.')) {
        if (path[j] == '(' || path[j] == '[') depth++;
        if (path[j] == ')' || path[j] == ']') depth--;
        j++;
    }
    return j;
}

#define MAX_CANDIDATES 512

/* The segment `seg`, which found nothing in `cur`, with its name (or the
 * argument of coef(...), cor(...), test(...)) replaced by the closest that
 * exists; NULL when nothing is close. */
static char *segment_fix(const json_t *cur, const char *seg)
{
    size_t n = strcspn(seg, "([");
    char *name = cpr_strndup(seg, n);
    const char *rest = seg + n;
    const char *cand[MAX_CANDIDATES];
    size_t nc = 0;
    char *fix = NULL;
    const char *key = NULL;
    if (!json_is_object(cur) || n == 0) {
        /* [COND] on its own, or a step into a number: nothing to offer */
    } else if (*rest != '(' && !json_object_get(cur, name)) {
        const char *k;
        const json_t *v;
        json_object_foreach((json_t *)cur, k, v) if (nc < MAX_CANDIDATES) cand[nc++] = k;
        const char *best = cpr_closest(name, cand, nc);
        if (best) fix = cpr_asprintf("%s%s", best, rest);
    } else if (*rest == '(' && !alias_array(name, &key)) {
        static const char *const aliases[] = {"coef", "cor", "test"};
        const char *best = cpr_closest(name, aliases, 3);
        if (best) fix = cpr_asprintf("%s%s", best, rest);
    } else if (*rest == '(' && strchr(rest, ')')) {
        const char *arr = alias_array(name, &key);
        const json_t *rows = json_object_get(cur, arr);
        size_t i;
        const json_t *row;
        json_array_foreach(rows, i, row) {
            const char *t = json_string_value(json_object_get(row, key));
            if (t && nc < MAX_CANDIDATES) cand[nc++] = t;
        }
        const char *close = strchr(rest, ')');
        char *arg = cpr_strndup(rest + 1, (size_t)(close - rest - 1));
        const char *best = cpr_closest(arg, cand, nc);
        if (best) fix = cpr_asprintf("%s(%s%s", name, best, close);
        free(arg);
    }
    free(name);
    return fix;
}

/* Each corrected path is checked by resolving it, which may correct the
 * next segment: at most this many corrections in one path. */
#define MAX_FIXES 8

static int path_find(const json_t *root, const char *path, const json_t **out, char **hint, int fixes);

int cpr_json_path_find(const json_t *root, const char *path, const json_t **out, char **hint)
{
    return path_find(root, path, out, hint, 0);
}

static int path_find(const json_t *root, const char *path, const json_t **out, char **hint, int fixes)
{
    const json_t *cur = root;
    size_t i = 0, len = strlen(path);
    if (hint) *hint = NULL;
    while (cur && i < len) {
        size_t j = seg_end(path, i, len);
        char *seg = cpr_strndup(path + i, j - i);
        const json_t *next = step(cur, seg);
        if (!next && hint && fixes < MAX_FIXES) {
            char *fix = segment_fix(cur, seg);
            /* a "fix" equal to the segment (its name exists, a [COND] after
             * it does not match) makes no progress: no hint */
            if (fix && strcmp(fix, seg) == 0) { free(fix); fix = NULL; }
            if (fix) {
                /* the corrected path must resolve too (it may need more fixes) */
                char *cand = cpr_asprintf("%.*s%s%s", (int)i, path, fix, path + j);
                char *more = NULL;
                if (path_find(root, cand, NULL, &more, fixes + 1)) *hint = cand;
                else { free(cand); *hint = more; more = NULL; }
                free(more);
                free(fix);
            }
        }
        free(seg);
        cur = next;
        i = j + 1;
    }
    if (out) *out = cur;
    return cur != NULL;
}

double cpr_json_path(const json_t *root, const char *path)
{
    const json_t *cur = NULL;
    cpr_json_path_find(root, path, &cur, NULL);
    return json_is_number(cur) ? json_number_value(cur) : NAN;
}
