/* World Bank and SDMX-CSV layouts -> the (entity, year) panel. The file is
 * first loaded as a plain table by the CSV reader (so quoting, encoding and
 * number checks are the same as for any CSV); here its rows become
 * observations (entity, year, series, value), which are pivoted to one
 * variable per series. Observations without a value are not kept, so keys
 * with no value in any series do not appear. */
#include "reshape.h"
#include "load_internal.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cpr_layout_name(cpr_layout lay)
{
    switch (lay) {
    case CPR_LAYOUT_WB_WIDE: return "World Bank layout with years as columns";
    case CPR_LAYOUT_WB_LONG: return "World Bank long layout (one value per row)";
    case CPR_LAYOUT_SDMX: return "SDMX-CSV layout";
    default: return "plain table";
    }
}

static long find_ci(char *const *names, size_t n, const char *const *cands)
{
    for (; *cands; cands++)
        for (size_t j = 0; j < n; j++)
            if (cpr_strcasecmp(names[j], *cands) == 0) return (long)j;
    return -1;
}

static const char *const ENTITY_WB[] = {"Country Code", "Economy Code", "Economy", NULL};
static const char *const SERIES_WB[] = {"Series Code", "Indicator Code", "Series", NULL};
static const char *const SNAME_WB[] = {"Series Name", "Indicator Name", NULL};
static const char *const CNAME_WB[] = {"Country Name", "Economy Name", "Country", NULL};
static const char *const TIME_WB[] = {"Time", "Year", NULL};
static const char *const VALUE_WB[] = {"Value", NULL};
static const char *const SDMX_SKIP[] = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", NULL};

int cpr_year_column(const char *s, int *year)
{
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    int y = atoi(s);
    if (s[4] == '\0') { *year = y; return 1; }
    /* "1990 [YR1990]", DataBank's form; the two years must agree. */
    if (strncmp(s + 4, " [YR", 4) != 0 || strlen(s) != 13 || s[12] != ']') return 0;
    for (int i = 8; i < 12; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    if (atoi(s + 8) != y) return 0;
    *year = y;
    return 1;
}

cpr_layout cpr_layout_detect(char *const *names, size_t n)
{
    static const char *const ref[] = {"REF_AREA", NULL}, *const tp[] = {"TIME_PERIOD", NULL},
                             *const ov[] = {"OBS_VALUE", NULL};
    if (find_ci(names, n, ref) >= 0 && find_ci(names, n, tp) >= 0 && find_ci(names, n, ov) >= 0)
        return CPR_LAYOUT_SDMX;
    static const char *const strict_series[] = {"Series Code", "Indicator Code", NULL};
    if (find_ci(names, n, strict_series) < 0) return CPR_LAYOUT_PLAIN;
    if (find_ci(names, n, VALUE_WB) >= 0 && find_ci(names, n, TIME_WB) >= 0) return CPR_LAYOUT_WB_LONG;
    int y;
    for (size_t j = 0; j < n; j++)
        if (cpr_year_column(names[j], &y)) return CPR_LAYOUT_WB_WIDE;
    return CPR_LAYOUT_PLAIN;
}

char *cpr_series_varname(const char *code)
{
    size_t n = strlen(code);
    char *s = cpr_malloc(n + 2), *p = s;
    if (!((code[0] >= 'A' && code[0] <= 'Z') || (code[0] >= 'a' && code[0] <= 'z'))) *p++ = 'v';
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        *p++ = ok ? c : '_';
    }
    *p = '\0';
    return s;
}

/* ---- reading cells of the table ---- */

typedef struct {
    const cpr_frame *t;
    const char *path;
    size_t header_line;
    char buf[64];
} table_ctx;

/* The cell as text, NULL when missing (numbers formatted back, %.17g). */
static const char *cell(table_ctx *c, long j, size_t i)
{
    const cpr_column *col = &c->t->cols[j];
    if (col->type == CPR_COL_TEXT) return col->text[i];
    double v = col->num[i];
    if (isnan(v)) return NULL;
    if (v == floor(v) && fabs(v) < 1e15) snprintf(c->buf, sizeof c->buf, "%.0f", v);
    else snprintf(c->buf, sizeof c->buf, "%.17g", v);
    return c->buf;
}

static size_t line_of(const table_ctx *c, size_t i) { return c->header_line + 1 + i; }

/* A value: number, or missing; text that is not a number is an error. */
static int cell_value(table_ctx *c, long j, size_t i, double *v)
{
    const cpr_column *col = &c->t->cols[j];
    if (col->type == CPR_COL_NUM) { *v = col->num[i]; return CPR_OK; }
    const char *s = col->text[i];
    *v = NAN;
    if (!s || cpr_is_missing_token(s, strlen(s))) return CPR_OK;
    if (cpr_parse_double(s, strlen(s), v) == 1) return CPR_OK;
    char *cut = cpr_strndup(s, 40);
    int rc = cpr_fail(CPR_E_NONNUMERIC, "%s:%zu: column '%s': '%s' is not a number (missing values: empty, NA, .., ., NaN, #N/A)",
                      c->path, line_of(c, i), col->name, cut);
    free(cut);
    return rc;
}

static int cell_year(table_ctx *c, long j, size_t i, int *year)
{
    const char *s = cell(c, j, i);
    if (!s) return cpr_fail(CPR_E_NONNUMERIC, "%s:%zu: column '%s': the year is missing", c->path, line_of(c, i), c->t->cols[j].name);
    const char *p = s;
    if (strncmp(p, "YR", 2) == 0) p += 2; /* DataBank's "Time Code" form */
    char *end;
    long y = strtol(p, &end, 10);
    if (end == p || *end != '\0' || y < -100000 || y > 100000) {
        char *cut = cpr_strndup(s, 40);
        int rc = cpr_fail(CPR_E_NONNUMERIC,
                          "%s:%zu: column '%s': '%s' is not a year; only annual data make an (entity, year) panel "
                          "(keep the rows with FREQ A or yearly periods)",
                          c->path, line_of(c, i), c->t->cols[j].name, cut);
        free(cut);
        return rc;
    }
    *year = (int)y;
    return CPR_OK;
}

/* ---- observations and the pivot ---- */

typedef struct { int e, t, var; size_t line; double v; } obs;

typedef struct {
    obs *o;
    size_t n, cap;
    cpr_strmap ent, var;   /* entity labels; series keys (code, or SDMX key) */
    char **var_label;      /* per series, owned */
    size_t nlabel;
} obs_set;

static void obs_add(obs_set *s, int e, int t, int var, size_t line, double v)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->o = cpr_realloc(s->o, s->cap * sizeof *s->o);
    }
    s->o[s->n++] = (obs){e, t, var, line, v};
}

static int series_id(obs_set *s, const char *key, const char *label)
{
    size_t before = s->var.n;
    int id = cpr_strmap_intern(&s->var, key, strlen(key));
    if (s->var.n > before) {
        s->var_label = cpr_realloc(s->var_label, s->var.n * sizeof *s->var_label);
        s->var_label[id] = label && *label ? cpr_asprintf("%s [%s]", label, key) : cpr_strdup(key);
        s->nlabel = s->var.n;
    }
    return id;
}

static void obs_free(obs_set *s)
{
    free(s->o);
    cpr_strmap_free(&s->ent);
    cpr_strmap_free(&s->var);
    for (size_t i = 0; i < s->nlabel; i++) free(s->var_label[i]);
    free(s->var_label);
}

static int cmp_obs(const void *a, const void *b)
{
    const obs *x = a, *y = b;
    if (x->e != y->e) return x->e < y->e ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (x->var != y->var) return x->var < y->var ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static int pivot(obs_set *s, const char *path, const char *ent_name, const char *time_name, cpr_frame **out)
{
    qsort(s->o, s->n, sizeof *s->o, cmp_obs);
    size_t nvar = s->var.n, nkey = 0;
    for (size_t i = 0; i < s->n; i++) {
        const obs *p = &s->o[i], *q = i ? &s->o[i - 1] : NULL;
        if (q && p->e == q->e && p->t == q->t && p->var == q->var)
            return cpr_fail(CPR_E_DUPKEY, "%s:%zu: a second value for (%s, %d, %s); the first is on line %zu", path, p->line,
                            s->ent.keys[p->e], p->t, s->var.keys[p->var], q->line);
        if (!q || p->e != q->e || p->t != q->t) nkey++;
    }
    /* Variable names: formula-safe forms of the series codes, which must
     * stay distinct. */
    char **names = cpr_malloc((nvar ? nvar : 1) * sizeof *names);
    cpr_strmap seen;
    cpr_strmap_init(&seen);
    int rc = CPR_OK;
    for (size_t v = 0; v < nvar; v++) {
        names[v] = cpr_series_varname(s->var.keys[v]);
        size_t before = seen.n;
        int id = cpr_strmap_intern(&seen, names[v], strlen(names[v]));
        if (seen.n == before && rc == CPR_OK) {
            size_t w = 0;
            while (w < v && strcmp(names[w], names[v]) != 0) w++;
            rc = cpr_fail(CPR_E_DUPKEY, "%s: series '%s' and '%s' both become variable '%s'; rename one in the file", path,
                          s->var.keys[w], s->var.keys[v], names[v]);
        }
        (void)id;
    }
    cpr_strmap_free(&seen);
    if (rc) {
        for (size_t v = 0; v < nvar; v++) free(names[v]);
        free(names);
        return rc;
    }
    cpr_frame *f = cpr_frame_alloc();
    f->source = cpr_strdup(path);
    f->entity_name = cpr_strdup(ent_name);
    f->time_name = cpr_strdup(time_name);
    cpr_keys k;
    memset(&k, 0, sizeof k);
    k.nrow = nkey;
    k.entity = cpr_malloc((nkey ? nkey : 1) * sizeof(int));
    k.time = cpr_malloc((nkey ? nkey : 1) * sizeof(int));
    k.line = cpr_malloc((nkey ? nkey : 1) * sizeof(size_t));
    f->nrow = nkey;
    for (size_t v = 0; v < nvar; v++) {
        double *col = cpr_malloc((nkey ? nkey : 1) * sizeof *col);
        for (size_t r = 0; r < nkey; r++) col[r] = NAN;
        cpr_frame_add_numeric(f, names[v], col);
        f->cols[f->ncol - 1].label = s->var_label[v];
        s->var_label[v] = NULL;
        free(names[v]);
    }
    free(names);
    size_t r = (size_t)-1;
    for (size_t i = 0; i < s->n; i++) {
        const obs *p = &s->o[i];
        if (i == 0 || p->e != s->o[i - 1].e || p->t != s->o[i - 1].t) {
            r++;
            k.entity[r] = p->e;
            k.time[r] = p->t;
            k.line[r] = p->line;
        }
        f->cols[p->var].num[r] = p->v;
    }
    k.labels = s->ent;
    cpr_strmap_init(&s->ent);
    rc = cpr_frame_finish(f, &k, path);
    free(k.entity);
    free(k.time);
    free(k.line);
    cpr_strmap_free(&k.labels);
    if (rc) { cpr_frame_free(f); return rc; }
    *out = f;
    return CPR_OK;
}

/* ---- the layouts ---- */

static long key_column(table_ctx *c, const char *wanted, const char *const *cands, const char *what, int *rc)
{
    char **names = cpr_malloc((c->t->ncol + 1) * sizeof *names);
    for (size_t j = 0; j < c->t->ncol; j++) names[j] = c->t->cols[j].name;
    long j = -1;
    if (wanted) {
        for (size_t i = 0; i < c->t->ncol && j < 0; i++)
            if (strcmp(names[i], wanted) == 0) j = (long)i;
        if (j < 0) {
            const char *hint = cpr_closest(wanted, (const char *const *)names, c->t->ncol);
            *rc = hint ? cpr_fail(CPR_E_NOKEY, "%s:%zu: no column '%s' for the %s; did you mean '%s'?", c->path, c->header_line, wanted, what, hint)
                       : cpr_fail(CPR_E_NOKEY, "%s:%zu: no column '%s' for the %s", c->path, c->header_line, wanted, what);
        }
    } else {
        j = find_ci(names, c->t->ncol, cands);
    }
    free(names);
    return j;
}

static int entity_id(table_ctx *c, obs_set *s, long j, size_t i, int *e)
{
    const char *v = cell(c, j, i);
    if (!v || !*v) return cpr_fail(CPR_E_NONNUMERIC, "%s:%zu: column '%s': the entity key is missing", c->path, line_of(c, i), c->t->cols[j].name);
    *e = cpr_strmap_intern(&s->ent, v, strlen(v));
    return CPR_OK;
}

static int reshape_wide(table_ctx *c, const cpr_load_opts *o, obs_set *s, long *ent, size_t *ignored, char **dropped)
{
    int rc = CPR_OK;
    if (o && o->time)
        return cpr_fail(CPR_E_NOKEY, "%s:%zu: --time '%s': in this World Bank layout the years are the columns; leave out --time",
                        c->path, c->header_line, o->time);
    *ent = key_column(c, o ? o->entity : NULL, ENTITY_WB, "entity", &rc);
    if (rc) return rc;
    char *nm[1];
    long code = -1, sname = -1, cname = -1;
    for (size_t j = 0; j < c->t->ncol; j++) {
        nm[0] = c->t->cols[j].name;
        if (code < 0 && find_ci(nm, 1, SERIES_WB) == 0) code = (long)j;
        if (sname < 0 && find_ci(nm, 1, SNAME_WB) == 0) sname = (long)j;
        if (cname < 0 && find_ci(nm, 1, CNAME_WB) == 0) cname = (long)j;
    }
    if (*ent < 0) return cpr_fail(CPR_E_NOKEY, "%s:%zu: no 'Country Code' column; name the entity column with --entity", c->path, c->header_line);
    size_t ncol = c->t->ncol, ny = 0, ndropped = 0;
    int *year = cpr_malloc(ncol * sizeof *year);
    for (size_t j = 0; j < ncol; j++) {
        year[j] = 0;
        if ((long)j == *ent || (long)j == code || (long)j == sname || (long)j == cname) continue;
        const cpr_column *col = &c->t->cols[j];
        int y;
        if (cpr_year_column(col->name, &y)) { year[j] = 1; ny++; col = NULL; continue; }
        int empty = 1;
        for (size_t i = 0; i < c->t->nrow && empty; i++) empty = cell(c, (long)j, i) == NULL;
        if (empty) (*ignored)++;
        else if (ndropped++ < 5) { /* name the first few, count the rest */
            char *d = *dropped ? cpr_asprintf("%s, '%s'", *dropped, col->name) : cpr_asprintf("'%s'", col->name);
            free(*dropped);
            *dropped = d;
        }
    }
    if (ndropped > 5) {
        char *d = cpr_asprintf("%s and %zu more", *dropped, ndropped - 5);
        free(*dropped);
        *dropped = d;
    }
    for (size_t i = 0; i < c->t->nrow && !rc; i++) {
        int e = 0, var;
        if ((rc = entity_id(c, s, *ent, i, &e))) break;
        const char *k = cell(c, code, i);
        if (!k || !*k) { rc = cpr_fail(CPR_E_NONNUMERIC, "%s:%zu: column '%s': the series code is missing", c->path, line_of(c, i), c->t->cols[code].name); break; }
        char *key = cpr_strdup(k);
        var = series_id(s, key, sname >= 0 ? cell(c, sname, i) : NULL);
        free(key);
        for (size_t j = 0; j < ncol && !rc; j++) {
            if (!year[j]) continue;
            double v;
            int y = 0;
            cpr_year_column(c->t->cols[j].name, &y);
            if ((rc = cell_value(c, (long)j, i, &v))) break;
            if (!isnan(v)) obs_add(s, e, y, var, line_of(c, i), v);
        }
    }
    free(year);
    return rc;
}

static int reshape_long(table_ctx *c, cpr_layout lay, const cpr_load_opts *o, obs_set *s, long *ent, long *tcol)
{
    int rc = CPR_OK;
    static const char *const ref[] = {"REF_AREA", NULL}, *const tp[] = {"TIME_PERIOD", NULL}, *const ov[] = {"OBS_VALUE", NULL};
    int sdmx = lay == CPR_LAYOUT_SDMX;
    *ent = key_column(c, o ? o->entity : NULL, sdmx ? ref : ENTITY_WB, "entity", &rc);
    if (!rc) *tcol = key_column(c, o ? o->time : NULL, sdmx ? tp : TIME_WB, "time", &rc);
    if (rc) return rc;
    if (*ent < 0 || *tcol < 0)
        return cpr_fail(CPR_E_NOKEY, "%s:%zu: no %s column; name it with %s", c->path, c->header_line,
                        *ent < 0 ? "entity" : "time", *ent < 0 ? "--entity" : "--time");
    size_t ncol = c->t->ncol;
    char **names = cpr_malloc(ncol * sizeof *names);
    for (size_t j = 0; j < ncol; j++) names[j] = c->t->cols[j].name;
    long val = find_ci(names, ncol, sdmx ? ov : VALUE_WB);
    /* The series: its code column (World Bank), or the SDMX dimensions, the
     * columns before OBS_VALUE other than the area, the period and the
     * dataflow's own columns; only those that vary name the variable. */
    long *dims = cpr_malloc(ncol * sizeof *dims);
    size_t nd = 0;
    long sname = -1;
    if (!sdmx) {
        dims[nd++] = find_ci(names, ncol, SERIES_WB);
        sname = find_ci(names, ncol, SNAME_WB);
    } else {
        for (long j = 0; j < val; j++) {
            char *one[1] = {names[j]};
            if (j == *ent || j == *tcol || find_ci(one, 1, SDMX_SKIP) == 0) continue;
            dims[nd++] = j;
        }
    }
    free(names);
    unsigned char *varies = cpr_calloc(nd ? nd : 1, 1);
    for (size_t d = 0; d < nd; d++) {
        const char *first = c->t->nrow ? cell(c, dims[d], 0) : NULL;
        char *f0 = first ? cpr_strdup(first) : NULL;
        for (size_t i = 1; i < c->t->nrow && !varies[d]; i++) {
            const char *x = cell(c, dims[d], i);
            varies[d] = (x == NULL) != (f0 == NULL) || (x && strcmp(x, f0) != 0);
        }
        free(f0);
    }
    size_t nvary = 0;
    for (size_t d = 0; d < nd; d++) nvary += varies[d];
    for (size_t i = 0; i < c->t->nrow && !rc; i++) {
        int e = 0, y = 0;
        if ((rc = entity_id(c, s, *ent, i, &e))) break;
        if ((rc = cell_year(c, *tcol, i, &y))) break;
        double v;
        if ((rc = cell_value(c, val, i, &v))) break;
        /* key: the varying dimensions joined by '.', or all of them when
         * none varies (one series); label: DIM=value for every dimension. */
        char *key = cpr_strdup(""), *label = cpr_strdup("");
        for (size_t d = 0; d < nd; d++) {
            const char *x = cell(c, dims[d], i);
            if (!x || !*x) x = "_";
            if (!sdmx || varies[d] || nvary == 0) {
                char *k2 = *key ? cpr_asprintf("%s.%s", key, x) : cpr_strdup(x);
                free(key);
                key = k2;
            }
            if (sdmx) {
                char *l2 = *label ? cpr_asprintf("%s, %s=%s", label, c->t->cols[dims[d]].name, x)
                                  : cpr_asprintf("%s=%s", c->t->cols[dims[d]].name, x);
                free(label);
                label = l2;
            }
        }
        if (!*key) { free(key); key = cpr_strdup("OBS_VALUE"); }
        const char *lab = sdmx ? label : sname >= 0 ? cell(c, sname, i) : NULL;
        int var = series_id(s, key, lab);
        if (!isnan(v)) obs_add(s, e, y, var, line_of(c, i), v);
        free(key);
        free(label);
    }
    free(dims);
    free(varies);
    return rc;
}

int cpr_reshape(const cpr_frame *table, cpr_layout lay, const cpr_load_opts *opts, const char *path,
                size_t header_line, cpr_frame **out, char **note)
{
    *out = NULL;
    *note = NULL;
    table_ctx c = {table, path, header_line, {0}};
    obs_set s;
    memset(&s, 0, sizeof s);
    cpr_strmap_init(&s.ent);
    cpr_strmap_init(&s.var);
    long ent = -1, tcol = -1;
    size_t ignored = 0;
    char *dropped = NULL;
    int rc = lay == CPR_LAYOUT_WB_WIDE ? reshape_wide(&c, opts, &s, &ent, &ignored, &dropped)
                                       : reshape_long(&c, lay, opts, &s, &ent, &tcol);
    if (!rc && s.n == 0)
        rc = cpr_fail(CPR_E_NODATA, "%s:%zu: %s with no values (every cell is missing)", path, header_line + 1, cpr_layout_name(lay));
    if (!rc) {
        size_t nvar = s.var.n, nent = s.ent.n, nobs = s.n;
        rc = pivot(&s, path, table->cols[ent].name, tcol >= 0 ? table->cols[tcol].name : "year", out);
        if (!rc) {
            char *n0 = cpr_asprintf("%s: %zu series -> %zu variables over %zu entities, %zu (entity, year) keys, %zu values",
                                    cpr_layout_name(lay), nvar, nvar, nent, (*out)->nrow, nobs);
            char *n1 = ignored ? cpr_asprintf("%s; %zu empty column%s ignored", n0, ignored, ignored == 1 ? "" : "s") : cpr_strdup(n0);
            free(n0);
            *note = dropped ? cpr_asprintf("%s; not used: %s", n1, dropped) : cpr_strdup(n1);
            free(n1);
        }
    }
    free(dropped);
    obs_free(&s);
    return rc;
}
