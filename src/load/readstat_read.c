/* Stata (.dta) and SPSS (.sav) files -> cpr_frame through ReadStat. The
 * columns are collected as ReadStat hands out values, then the panel key is
 * looked for by name exactly as in a CSV file. Text must be valid UTF-8
 * (ReadStat converts older files from their declared encoding). */
#include "statfile.h"
#include "load_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cpr_statfile_kind(const char *s, size_t n)
{
    if (n >= 11 && memcmp(s, "<stata_dta>", 11) == 0) return CPR_STATFILE_DTA;
    /* 104-115: version byte, byte order 1 or 2, file type 1, a zero. */
    if (n >= 4 && (unsigned char)s[0] >= 104 && (unsigned char)s[0] <= 115 && (s[1] == 1 || s[1] == 2) && s[2] == 1 && s[3] == 0)
        return CPR_STATFILE_DTA;
    if (n >= 4 && (memcmp(s, "$FL2", 4) == 0 || memcmp(s, "$FL3", 4) == 0)) return CPR_STATFILE_SAV;
    return 0;
}

typedef struct { double v; char *label; } vlabel;
typedef struct { char *name; vlabel *e; size_t n, cap; } vlabel_set;

typedef struct {
    char *name, *label, *set;
    int is_text;
    double *num;
    char **text;
} svar;

typedef struct {
    const char *path;
    size_t nvar, nrow, cap;
    svar *v;
    vlabel_set *sets;
    size_t nsets;
    int rc;
} sctx;

static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p++;
        int more = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 3 : -1;
        if (more < 0) return 0;
        for (int k = 0; k < more; k++)
            if ((*p++ & 0xC0) != 0x80) return 0;
    }
    return 1;
}

/* Keep a string from the file, or fail naming where it was. */
static char *keep(sctx *c, const char *s, const char *what, const char *var)
{
    if (!s) return NULL;
    if (!utf8_ok(s)) {
        if (!c->rc) c->rc = cpr_fail(CPR_E_BINARY, "%s: %s%s%s%s is not valid UTF-8 (in Stata 14 or later, `unicode translate` fixes the file's text)",
                                     c->path, what, var ? " of variable '" : "", var ? var : "", var ? "'" : "");
        return NULL;
    }
    return cpr_strdup(s);
}

static int on_meta(readstat_metadata_t *m, void *ctx)
{
    sctx *c = ctx;
    int rows = readstat_get_row_count(m), vars = readstat_get_var_count(m);
    c->nvar = vars > 0 ? (size_t)vars : 0;
    c->v = cpr_calloc(c->nvar ? c->nvar : 1, sizeof *c->v);
    c->cap = rows > 0 ? (size_t)rows : 0;
    return READSTAT_HANDLER_OK;
}

static int on_var(int index, readstat_variable_t *var, const char *val_labels, void *ctx)
{
    sctx *c = ctx;
    if (index < 0 || (size_t)index >= c->nvar) { c->rc = cpr_fail(CPR_E_BINARY, "%s: damaged file (variable %d of %zu)", c->path, index + 1, c->nvar); return READSTAT_HANDLER_ABORT; }
    svar *v = &c->v[index];
    v->name = keep(c, readstat_variable_get_name(var), "a variable name", NULL);
    if (c->rc) return READSTAT_HANDLER_ABORT;
    const char *lab = readstat_variable_get_label(var);
    v->label = lab && *lab ? keep(c, lab, "the label", v->name) : NULL;
    v->set = val_labels && *val_labels ? cpr_strdup(val_labels) : NULL;
    v->is_text = readstat_variable_get_type_class(var) == READSTAT_TYPE_CLASS_STRING;
    size_t cap = c->cap ? c->cap : 1;
    if (v->is_text) v->text = cpr_calloc(cap, sizeof *v->text);
    else {
        v->num = cpr_malloc(cap * sizeof *v->num);
        for (size_t i = 0; i < cap; i++) v->num[i] = NAN;
    }
    return c->rc ? READSTAT_HANDLER_ABORT : READSTAT_HANDLER_OK;
}

static void grow(sctx *c, size_t need)
{
    size_t cap = c->cap ? c->cap : 1;
    while (cap < need) cap *= 2;
    for (size_t j = 0; j < c->nvar; j++) {
        svar *v = &c->v[j];
        if (v->text) {
            v->text = cpr_realloc(v->text, cap * sizeof *v->text);
            memset(v->text + (c->cap ? c->cap : 1), 0, (cap - (c->cap ? c->cap : 1)) * sizeof *v->text);
        } else if (v->num) {
            v->num = cpr_realloc(v->num, cap * sizeof *v->num);
            for (size_t i = c->cap ? c->cap : 1; i < cap; i++) v->num[i] = NAN;
        }
    }
    c->cap = cap;
}

static int on_value(int obs, readstat_variable_t *var, readstat_value_t value, void *ctx)
{
    sctx *c = ctx;
    int j = readstat_variable_get_index(var);
    if (obs < 0 || j < 0 || (size_t)j >= c->nvar || !(c->v[j].num || c->v[j].text)) return READSTAT_HANDLER_OK;
    if ((size_t)obs >= (c->cap ? c->cap : 1)) grow(c, (size_t)obs + 1);
    if ((size_t)obs + 1 > c->nrow) c->nrow = (size_t)obs + 1;
    svar *v = &c->v[j];
    /* System missing, Stata's .a-.z and SPSS user-missing values alike. */
    if (readstat_value_is_missing(value, var)) return READSTAT_HANDLER_OK;
    if (v->text) {
        const char *s = readstat_string_value(value);
        if (s && *s) {
            free(v->text[obs]);
            v->text[obs] = keep(c, s, "a text value", v->name);
        }
    } else {
        v->num[obs] = readstat_double_value(value);
    }
    return c->rc ? READSTAT_HANDLER_ABORT : READSTAT_HANDLER_OK;
}

static int on_vlabel(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    sctx *c = ctx;
    if (readstat_value_type(value) == READSTAT_TYPE_STRING || readstat_value_is_tagged_missing(value)) return READSTAT_HANDLER_OK;
    size_t s = 0;
    while (s < c->nsets && strcmp(c->sets[s].name, set) != 0) s++;
    if (s == c->nsets) {
        c->sets = cpr_realloc(c->sets, (c->nsets + 1) * sizeof *c->sets);
        c->sets[s] = (vlabel_set){cpr_strdup(set), NULL, 0, 0};
        c->nsets++;
    }
    vlabel_set *vs = &c->sets[s];
    char *l = keep(c, label, "a value label in set", set);
    if (!l) return READSTAT_HANDLER_ABORT;
    if (vs->n == vs->cap) vs->e = cpr_realloc(vs->e, (vs->cap = vs->cap ? 2 * vs->cap : 8) * sizeof *vs->e);
    vs->e[vs->n++] = (vlabel){readstat_double_value(value), l};
    return READSTAT_HANDLER_OK;
}

static void ctx_free(sctx *c)
{
    for (size_t j = 0; j < c->nvar; j++) {
        svar *v = &c->v[j];
        free(v->name);
        free(v->label);
        free(v->set);
        free(v->num);
        if (v->text) {
            for (size_t i = 0; i < (c->cap ? c->cap : 1); i++) free(v->text[i]);
            free(v->text);
        }
    }
    free(c->v);
    for (size_t s = 0; s < c->nsets; s++) {
        for (size_t k = 0; k < c->sets[s].n; k++) free(c->sets[s].e[k].label);
        free(c->sets[s].e);
        free(c->sets[s].name);
    }
    free(c->sets);
}

static char *fmt_num(double x) { return x == floor(x) && fabs(x) < 1e15 ? cpr_asprintf("%.0f", x) : cpr_asprintf("%.17g", x); }

/* A value-labelled numeric column becomes text: the label, or the number
 * itself where a value has none. */
static void to_categories(sctx *c, svar *v)
{
    vlabel_set *vs = NULL;
    for (size_t s = 0; s < c->nsets && !vs; s++)
        if (strcmp(c->sets[s].name, v->set) == 0) vs = &c->sets[s];
    if (!vs || !v->num) return;
    size_t cap = c->cap ? c->cap : 1;
    v->text = cpr_calloc(cap, sizeof *v->text);
    for (size_t i = 0; i < c->nrow; i++) {
        if (isnan(v->num[i])) continue;
        const char *l = NULL;
        for (size_t k = 0; k < vs->n && !l; k++)
            if (vs->e[k].v == v->num[i]) l = vs->e[k].label;
        v->text[i] = l ? cpr_strdup(l) : fmt_num(v->num[i]);
    }
    free(v->num);
    v->num = NULL;
    v->is_text = 1;
}

/* The format version a .dta file declares: its first byte (104-115) or
 * the <release> of the XML-like header (117 on), 0 when unreadable. */
static int dta_release(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return 0;
    char b[64] = {0};
    size_t n = fread(b, 1, sizeof b - 1, fp);
    fclose(fp);
    if (n >= 31 && memcmp(b, "<stata_dta><header><release>", 28) == 0) return atoi(b + 28);
    return n ? (unsigned char)b[0] : 0;
}

static const char *error_text(readstat_error_t e)
{
    switch (e) {
    case READSTAT_ERROR_READ: return "the file ends early (truncated?)";
    case READSTAT_ERROR_PARSE: return "damaged or not what its first bytes say";
    case READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION: return "a file format version that cannot be read (Stata .dta 104-119 and SPSS .sav can)";
    case READSTAT_ERROR_UNSUPPORTED_CHARSET: return "a character set that cannot be converted to UTF-8";
    case READSTAT_ERROR_UNSUPPORTED_COMPRESSION: return "a compression this reader does not know";
    case READSTAT_ERROR_CONVERT_BAD_STRING: return "a name, label or text value that is not valid in the file's character encoding";
    default: return readstat_error_message(e);
    }
}

static int build(sctx *c, const cpr_load_opts *o, cpr_frame **out)
{
    size_t n = c->nrow;
    char **names = cpr_malloc((c->nvar ? c->nvar : 1) * sizeof *names);
    for (size_t j = 0; j < c->nvar; j++) names[j] = c->v[j].name;
    long ent = cpr_key_find_entity(names, c->nvar, o ? o->entity : NULL);
    long tim = cpr_key_find_time(names, c->nvar, o ? o->time : NULL);
    const char *want[2] = {o ? o->entity : NULL, o ? o->time : NULL};
    long got[2] = {ent, tim};
    for (int w = 0; w < 2; w++)
        if (want[w] && got[w] < 0) {
            const char *hint = cpr_closest(want[w], (const char *const *)names, c->nvar);
            free(names);
            return hint ? cpr_fail(CPR_E_NOKEY, "%s: no variable '%s' for the panel key; did you mean '%s'?", c->path, want[w], hint)
                        : cpr_fail(CPR_E_NOKEY, "%s: no variable '%s' for the panel key", c->path, want[w]);
        }
    free(names);
    if (o && o->no_key) ent = tim = -1;
    if (ent < 0 || tim < 0) {
        if (o && o->require_panel)
            return cpr_fail(CPR_E_NOKEY, "%s: no %s variable found (looked for %s); name it with --entity/--time", c->path,
                            ent < 0 ? "entity" : "time", ent < 0 ? "iso3, country, id, firm, entity, ..." : "year, time, period, date");
        ent = tim = -1;
    }
    if (n == 0) return cpr_fail(CPR_E_NODATA, "%s: no observations", c->path);
    cpr_keys k;
    memset(&k, 0, sizeof k);
    cpr_strmap_init(&k.labels);
    int rc = CPR_OK;
    if (ent >= 0) {
        k.nrow = n;
        k.entity = cpr_malloc(n * sizeof(int));
        k.time = cpr_malloc(n * sizeof(int));
        k.line = cpr_malloc(n * sizeof(size_t));
        svar *e = &c->v[ent], *t = &c->v[tim];
        for (size_t i = 0; i < n && !rc; i++) {
            char *lab = e->text ? (e->text[i] ? cpr_strdup(e->text[i]) : NULL) : isnan(e->num[i]) ? NULL : fmt_num(e->num[i]);
            double tv = t->num ? t->num[i] : NAN;
            if (!lab) rc = cpr_fail(CPR_E_NONNUMERIC, "%s: observation %zu: variable '%s': the entity key is missing", c->path, i + 1, e->name);
            else if (!t->num || isnan(tv) || tv != floor(tv) || fabs(tv) > 1e9)
                rc = cpr_fail(CPR_E_NONNUMERIC, "%s: observation %zu: variable '%s': the time key is %s", c->path, i + 1, t->name,
                              t->num && isnan(tv) ? "missing" : "not a whole number (e.g. a year)");
            else {
                k.entity[i] = cpr_strmap_intern(&k.labels, lab, strlen(lab));
                k.time[i] = (int)tv;
                k.line[i] = i + 1;
            }
            free(lab);
        }
    }
    cpr_frame *f = cpr_frame_alloc();
    f->source = cpr_strdup(c->path);
    f->nrow = n;
    for (size_t j = 0; j < c->nvar && !rc; j++) {
        if ((long)j == ent || (long)j == tim) continue;
        svar *v = &c->v[j];
        if (f->ncol == f->cap_col) f->cols = cpr_realloc(f->cols, (f->cap_col = f->cap_col ? 2 * f->cap_col : 16) * sizeof *f->cols);
        cpr_column *d = &f->cols[f->ncol++];
        memset(d, 0, sizeof *d);
        d->name = cpr_strdup(v->name);
        d->label = v->label ? cpr_strdup(v->label) : NULL;
        if (v->text) {
            d->type = CPR_COL_TEXT;
            d->text = cpr_calloc(n, sizeof *d->text);
            for (size_t i = 0; i < n; i++) { d->text[i] = v->text[i]; v->text[i] = NULL; }
        } else {
            d->type = CPR_COL_NUM;
            d->num = cpr_malloc(n * sizeof *d->num);
            memcpy(d->num, v->num, n * sizeof *d->num);
        }
    }
    if (!rc && ent >= 0) {
        f->entity_name = cpr_strdup(c->v[ent].name);
        f->time_name = cpr_strdup(c->v[tim].name);
        rc = cpr_frame_finish(f, &k, c->path);
    }
    free(k.entity);
    free(k.time);
    free(k.line);
    cpr_strmap_free(&k.labels);
    if (rc) { cpr_frame_free(f); return rc; }
    *out = f;
    return CPR_OK;
}

int cpr_statfile_read(const char *path, int kind, const cpr_load_opts *opts, cpr_frame **out)
{
    *out = NULL;
    sctx c;
    memset(&c, 0, sizeof c);
    c.path = path;
    readstat_parser_t *p = readstat_parser_init();
    if (!p) return cpr_fail(CPR_E_NOMEM, "out of memory");
    readstat_set_metadata_handler(p, on_meta);
    readstat_set_variable_handler(p, on_var);
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_vlabel);
    readstat_set_handler_character_encoding(p, "UTF-8");
    readstat_error_t e = kind == CPR_STATFILE_DTA ? readstat_parse_dta(p, path, &c) : readstat_parse_sav(p, path, &c);
    readstat_parser_free(p);
    int rc = c.rc;
    int release = kind == CPR_STATFILE_DTA ? dta_release(path) : 0;
    if (!rc && e != READSTAT_OK && release && (release < 104 || release > 119))
        rc = cpr_fail(CPR_E_BINARY, "%s: Stata format version %d, which cannot be read (.dta versions 104-119 can: Stata 6 to 18; "
                      "in a newer Stata, `saveold FILE, version(14)`)", path, release);
    if (!rc && e != READSTAT_OK)
        rc = cpr_fail(CPR_E_BINARY, "%s: cannot read this %s file: %s", path, kind == CPR_STATFILE_DTA ? "Stata" : "SPSS", error_text(e));
    if (!rc && c.nvar == 0) rc = cpr_fail(CPR_E_EMPTY, "%s: no variables", path);
    if (!rc)
        for (size_t j = 0; j < c.nvar; j++)
            if (c.v[j].set && !c.v[j].is_text) to_categories(&c, &c.v[j]);
    if (!rc) rc = build(&c, opts, out);
    ctx_free(&c);
    return rc;
}
