/* cpr-stats plot scatter|series|binned: figures from the data, labelled
 * from the variable catalogue, rendered by gnuplot (src/plot). */
#include "cli.h"
#include "plot_cmds.h"
#include "cpr/catalogue.h"
#include "cpr/plot.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    cpr_frame *f;
    cpr_catalogue *cat;   /* NULL for uncatalogued data */
    cpr_plot_opts popts;
    char *out;
    char *source;
} plot_ctx;

static void ctx_free(plot_ctx *c)
{
    cpr_frame_free(c->f);
    cpr_catalogue_free(c->cat);
    free(c->out);
    free(c->source);
}

static void axis_from_catalogue(const plot_ctx *c, const char *var, cpr_plot_axis *ax)
{
    const cpr_var_info *v = cli_plot_var(c->cat, c->f->source, var);
    ax->label = v && *v->label ? v->label : var;
    ax->unit = v && *v->unit ? v->unit : NULL;
}

/* "Source: A; B" from the catalogue entries of the variables, or the file. */
static char *source_line(const plot_ctx *c, char **vars, size_t n, const cli_args *a)
{
    char buf[1024] = "";
    for (size_t i = 0; i < n; i++) {
        const cpr_var_info *v = cli_plot_var(c->cat, c->f->source, vars[i]);
        if (!v || !*v->source || strstr(buf, v->source)) continue;
        if (*buf) strncat(buf, "; ", sizeof buf - strlen(buf) - 1);
        strncat(buf, v->source, sizeof buf - strlen(buf) - 1);
    }
    /* the file's base name only: no local path in a figure */
    if (!*buf) return cpr_asprintf("Data: %s", cli_base_name(c->f->source));
    if (cli_has(a, "data")) return cpr_asprintf("Source: %s (%s)", buf, cli_base_name(c->f->source));
    return cpr_asprintf("Source: %s", buf);
}

static int setup(const cli_args *a, plot_ctx *c, const char *default_out)
{
    memset(c, 0, sizeof *c);
    int rc = cli_load_data(a, 0, &c->f);
    if (!rc) rc = cli_apply_sample(a, c->f);
    if (rc) return rc;
    c->cat = cli_catalogue_optional();
    c->out = cpr_strdup(cli_get(a, "output") ? cli_get(a, "output") : default_out);
    cpr_plot_format fmt;
    if ((rc = cpr_plot_format_from_path(c->out, &fmt))) return rc;
    c->popts.title = cli_get(a, "title");
    c->popts.script_path = cli_get(a, "script");
    c->popts.script_only = cli_has(a, "script-only");
    if (c->popts.script_only && !c->popts.script_path)
        return cli_usage_error(a->cmd, "--script-only needs --script FILE.gp");
    return CPR_OK;
}

static int finish(const cli_args *a, plot_ctx *c, int rc)
{
    if (!rc && !c->popts.script_only) fprintf(stderr, "plot: wrote %s\n", c->out);
    if (!rc && c->popts.script_path) fprintf(stderr, "plot: wrote %s\n", c->popts.script_path);
    (void)a;
    return rc;
}

/* --describe FILE.json: title, caption and sample for a report. */
static int describe(const cli_args *a, const plot_ctx *c, const char *title, const char *what,
                    char *const *vars, size_t nvar, const char *const *sample, size_t ns, const char *sample_text)
{
    const char *path = cli_get(a, "describe");
    if (!path) return 0;
    char *src = cli_plot_sources_text(c->cat, c->f->source, vars, nvar);
    char *cap = cpr_asprintf("%s %s %s", what, sample_text, src);
    int rc = cpr_plot_describe_write(path, c->popts.title ? c->popts.title : title, cap, sample, ns);
    free(cap);
    free(src);
    return rc;
}

/* The years of the rows that entered: "2021" or "1990-2024". */
static char *years_text(const plot_ctx *c, const unsigned char *used)
{
    int lo = 0, hi = 0, any = 0;
    for (size_t i = 0; i < c->f->nrow; i++) {
        if (!used[i] || !c->f->time) continue;
        int t = c->f->time[i];
        if (!any || t < lo) lo = t;
        if (!any || t > hi) hi = t;
        any = 1;
    }
    if (!any) return cpr_strdup("");
    return lo == hi ? cpr_asprintf("%d", lo) : cpr_asprintf("%d-%d", lo, hi);
}

/* Entities with at least one row used: their labels, in label order. */
static size_t used_entities(const plot_ctx *c, const unsigned char *used, const char ***out)
{
    size_t n = 0;
    *out = NULL;
    if (!c->f->entity) return 0;
    unsigned char *seen = cpr_calloc(c->f->n_entities + 1, 1);
    for (size_t i = 0; i < c->f->nrow; i++)
        if (used[i]) seen[c->f->entity[i]] = 1;
    *out = cpr_calloc(c->f->n_entities + 1, sizeof **out);
    for (size_t e = 0; e < c->f->n_entities; e++)
        if (seen[e]) (*out)[n++] = c->f->entity_labels[e];
    free(seen);
    return n;
}

static char *joined_list(const char *const *s, size_t n, const char *sep)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++) len += strlen(s[i]) + strlen(sep);
    char *out = cpr_malloc(len);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, sep);
        strcat(out, s[i]);
    }
    return out;
}

static int parse_log(const cli_args *a, int *lx, int *ly)
{
    const char *s = cli_get(a, "log");
    *lx = *ly = 0;
    if (!s) return 0;
    if (strcmp(s, "x") == 0) *lx = 1;
    else if (strcmp(s, "y") == 0) *ly = 1;
    else if (strcmp(s, "xy") == 0 || strcmp(s, "yx") == 0) *lx = *ly = 1;
    else return cli_usage_error(a->cmd, "--log must be x, y or xy, not '%s'", s);
    return 0;
}

static int scatter_describe(const cli_args *a, const plot_ctx *c, const char *xv, const char *yv,
                            const double *x, const double *y, const cpr_plot_scatter_opts *so)
{
    unsigned char *used = cpr_calloc(c->f->nrow + 1, 1), *sel = cpr_calloc(c->f->nrow + 1, 1);
    size_t m = 0;
    for (size_t i = 0; i < c->f->nrow; i++) {
        sel[i] = 1;
        used[i] = isfinite(x[i]) && isfinite(y[i]);
        m += used[i];
    }
    const char **ents = NULL, **all = NULL;
    size_t ne = used_entities(c, used, &ents), na = used_entities(c, sel, &all);
    /* entities selected but without both values */
    const char **miss = cpr_calloc(na + 1, sizeof *miss);
    size_t nm = 0;
    for (size_t i = 0, j = 0; i < na; i++) {
        if (j < ne && strcmp(all[i], ents[j]) == 0) { j++; continue; }
        miss[nm++] = all[i];
    }
    char *yrs = years_text(c, used), *list = joined_list(ents, ne, ", "), *mlist = joined_list(miss, nm, ", ");
    char *xt = cpr_plot_axis_title(&so->x), *yt = cpr_plot_axis_title(&so->y);
    char *what = cpr_asprintf("%s against %s%s%s: one point per %s, labelled by its code%s.", yt, xt,
                              *yrs ? ", " : "", yrs, c->f->entity ? "country" : "observation",
                              so->no_fit ? "" : "; the line is the OLS fit with its 95% confidence band");
    char *samp = ne ? cpr_asprintf("Sample (N = %zu): %s.%s%s%s", m, list, nm ? " Selected but without both values: " : "",
                                   mlist, nm ? "." : "")
                    : cpr_asprintf("Sample: N = %zu.", m);
    char *title = cpr_asprintf("%s and %s", so->y.label, so->x.label);
    char *vars[2] = {(char *)xv, (char *)yv};
    int rc = describe(a, c, title, what, vars, 2, ents, ne, samp);
    free(title); free(samp); free(what); free(xt); free(yt); free(yrs); free(list); free(mlist);
    free(miss); free(ents); free(all); free(used); free(sel);
    return rc;
}

static int scatter_like(const cli_args *a, int binned)
{
    if (a->npos != 3) return cli_usage_error(a->cmd, "plot %s needs two variables: X Y", binned ? "binned" : "scatter");
    const char *xv = a->pos[1], *yv = a->pos[2];
    char *def = cpr_asprintf("%s_%s_%s.png", binned ? "binned" : "scatter", xv, yv);
    plot_ctx c;
    int lx, ly;
    int rc = parse_log(a, &lx, &ly);
    if (!rc) rc = setup(a, &c, def);
    else memset(&c, 0, sizeof c);
    free(def);
    const double *x = NULL, *y = NULL;
    if (!rc) rc = cpr_frame_numeric(c.f, xv, &x);
    if (!rc) rc = cpr_frame_numeric(c.f, yv, &y);
    if (!rc) {
        char *vars[2] = {(char *)xv, (char *)yv};
        c.source = source_line(&c, vars, 2, a);
        c.popts.source = c.source;
        if (binned) {
            cpr_plot_binned_opts bo = {0};
            long nb;
            if (cli_get_long(a, "bins", 20, 2, 1000, &nb)) rc = CPR_E_USAGE;
            axis_from_catalogue(&c, xv, &bo.x);
            axis_from_catalogue(&c, yv, &bo.y);
            bo.nbins = (size_t)nb;
            bo.no_fit = cli_has(a, "no-fit");
            if (!rc) rc = cpr_plot_binned(c.out, x, y, c.f->nrow, &bo, &c.popts);
        } else {
            cpr_plot_scatter_opts so = {0};
            axis_from_catalogue(&c, xv, &so.x);
            axis_from_catalogue(&c, yv, &so.y);
            so.x.log = lx;
            so.y.log = ly;
            so.no_fit = cli_has(a, "no-fit");
            so.no_labels = cli_has(a, "no-labels");
            so.conf_level = 0.95;
            const char **labels = NULL;
            if (c.f->entity) {
                labels = cpr_malloc(c.f->nrow * sizeof *labels);
                for (size_t i = 0; i < c.f->nrow; i++) labels[i] = c.f->entity_labels[c.f->entity[i]];
            } else so.no_labels = 1;
            rc = cpr_plot_scatter(c.out, x, y, labels, c.f->nrow, &so, &c.popts);
            free(labels);
            if (!rc && cli_has(a, "describe")) rc = scatter_describe(a, &c, xv, yv, x, y, &so);
        }
    }
    rc = finish(a, &c, rc);
    ctx_free(&c);
    return rc;
}

static int series_describe(const cli_args *a, const plot_ctx *c, const cpr_plot_line *lines, size_t nl,
                           const cpr_plot_series_opts *so)
{
    unsigned char *used = cpr_calloc(c->f->nrow + 1, 1);
    size_t nvar = (size_t)a->npos - 1;
    for (size_t v = 0; v < nvar; v++) {
        const double *col;
        cpr_error_scope es;   /* not a numeric column: it leaves no rows */
        cpr_error_scope_begin(&es);
        int bad = cpr_frame_numeric(c->f, a->pos[v + 1], &col) != CPR_OK;
        cpr_error_scope_end(&es);
        if (bad) continue;
        for (size_t i = 0; i < c->f->nrow; i++) used[i] |= isfinite(col[i]);
    }
    const char **ents = NULL;
    size_t ne = used_entities(c, used, &ents);
    char *yrs = years_text(c, used), *list = joined_list(ents, ne, ", ");
    const char **names = cpr_calloc(nl + 1, sizeof *names);
    for (size_t l = 0; l < nl; l++) names[l] = lines[l].name;
    char *nlist = joined_list(names, nl, "; ");
    char *yt = cpr_plot_axis_title(&so->y);
    char *what = cpr_asprintf("One line each for: %s. Vertical axis: %s.%s%s%s", nlist, yt, *yrs ? " Years: " : "", yrs,
                              *yrs ? "." : "");
    /* codes with their names when the file has a "country" column */
    long cc = cpr_frame_find(c->f, "country");
    const char **named = cpr_calloc(ne + 1, sizeof *named);
    char **own = cpr_calloc(ne + 1, sizeof *own);
    for (size_t k = 0; k < ne; k++) {
        named[k] = ents[k];
        if (cc < 0 || c->f->cols[cc].type != CPR_COL_TEXT) continue;
        long code = cpr_frame_entity_code(c->f, ents[k]);
        for (size_t i = 0; i < c->f->nrow && !own[k]; i++)
            if (c->f->entity[i] == code && c->f->cols[cc].text[i] && strcmp(c->f->cols[cc].text[i], ents[k]) != 0)
                named[k] = own[k] = cpr_asprintf("%s (%s)", ents[k], c->f->cols[cc].text[i]);
    }
    free(list);
    list = joined_list(named, ne, ", ");
    for (size_t k = 0; k < ne; k++) free(own[k]);
    free(own);
    free(named);
    char *samp = cpr_asprintf("Sample: %s.", list);
    int rc = describe(a, c, yt, what, a->pos + 1, nvar, ents, ne, samp);
    free(samp); free(what); free(yt); free(nlist); free(names); free(list); free(yrs); free(ents); free(used);
    return rc;
}

static int series(const cli_args *a)
{
    if (a->npos < 2) return cli_usage_error(a->cmd, "plot series needs at least one variable");
    plot_ctx c;
    char *def = cpr_asprintf("series_%s.png", a->pos[1]);
    int rc = setup(a, &c, def);
    free(def);
    if (!rc && !c.f->entity) rc = cli_usage_error(a->cmd, "plot series needs panel data (entity and time columns)");
    size_t nvar = (size_t)a->npos - 1;
    cpr_plot_line *lines = NULL;
    double **bufs = NULL;
    size_t nl = 0;
    if (!rc) {
        lines = cpr_calloc(nvar * c.f->n_entities, sizeof *lines);
        bufs = cpr_calloc(2 * nvar * c.f->n_entities, sizeof *bufs);
    }
    for (size_t v = 0; v < nvar && !rc; v++) {
        const double *col;
        if ((rc = cpr_frame_numeric(c.f, a->pos[v + 1], &col))) break;
        for (size_t e = 0; e < c.f->n_entities; e++) {
            double *t = cpr_malloc(c.f->nrow * sizeof *t), *y = cpr_malloc(c.f->nrow * sizeof *y);
            size_t m = 0, have = 0;
            for (size_t i = 0; i < c.f->nrow; i++)
                if (c.f->entity[i] == (int)e) {
                    t[m] = c.f->time[i];
                    y[m] = col[i];
                    have += !isnan(col[i]);
                    m++;
                }
            if (have == 0) { free(t); free(y); continue; }
            bufs[2 * nl] = t;
            bufs[2 * nl + 1] = y;
            lines[nl].t = t;
            lines[nl].y = y;
            lines[nl].n = m;
            /* several variables: each named by its catalogue label */
            const cpr_var_info *vi = cli_plot_var(c.cat, c.f->source, a->pos[v + 1]);
            char *vl = cpr_plot_short_label(vi && *vi->label ? vi->label : a->pos[v + 1], 60);
            lines[nl].name = nvar == 1 ? cpr_strdup(c.f->entity_labels[e])
                                       : c.f->n_entities == 1 ? cpr_strdup(vl)
                                                              : cpr_asprintf("%s: %s", c.f->entity_labels[e], vl);
            free(vl);
            nl++;
        }
    }
    if (!rc && nl == 0) rc = cpr_fail(CPR_E_NUMERIC, "plot series: no non-missing values to draw in the selected sample");
    if (!rc && nl > 12) rc = cli_usage_error(a->cmd, "%zu lines are too many for one figure; choose up to 12 with --countries", nl);
    if (!rc) {
        cpr_plot_series_opts so = {0};
        /* "Year", or the catalogue's label of another time column */
        if (c.f->time_name && cpr_strcasecmp(c.f->time_name, "year") != 0) axis_from_catalogue(&c, c.f->time_name, &so.x);
        axis_from_catalogue(&c, a->pos[1], &so.y);
        char *ytitle = NULL;
        if (nvar > 1 && cli_get(a, "ylabel")) {
            so.y.label = cli_get(a, "ylabel");
        } else if (nvar > 1) {
            /* one title that covers every variable drawn */
            cpr_plot_axis *ax = cpr_calloc(nvar, sizeof *ax);
            for (size_t v = 0; v < nvar; v++) axis_from_catalogue(&c, a->pos[v + 1], &ax[v]);
            ytitle = cpr_plot_common_title(ax, nvar);
            free(ax);
            so.y.label = ytitle;
            so.y.unit = NULL;
        }
        c.source = source_line(&c, a->pos + 1, nvar, a);
        c.popts.source = c.source;
        rc = cpr_plot_series(c.out, lines, nl, &so, &c.popts);
        if (!rc && cli_has(a, "describe")) rc = series_describe(a, &c, lines, nl, &so);
        free(ytitle);
    }
    for (size_t i = 0; i < nl; i++) free((char *)lines[i].name);
    for (size_t i = 0; i < 2 * nl; i++) free(bufs[i]);
    free(bufs);
    free(lines);
    rc = finish(a, &c, rc);
    ctx_free(&c);
    return rc;
}

static int run_plot(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    const char *kind = a.npos > 0 ? a.pos[0] : NULL;
    if ((rc = cli_gnuplot_timeout(&a))) { cli_args_free(&a); return rc; }
    if (!kind) rc = cli_usage_error(cmd, "missing figure type: scatter, series, binned or coef");
    else if (strcmp(kind, "scatter") == 0) rc = scatter_like(&a, 0);
    else if (strcmp(kind, "binned") == 0) rc = scatter_like(&a, 1);
    else if (strcmp(kind, "series") == 0) rc = series(&a);
    else if (strcmp(kind, "coef") == 0) rc = cli_plot_coef(&a);
    else rc = cli_usage_error(cmd, "unknown figure type '%s' (scatter, series, binned, coef)", kind);
    cli_args_free(&a);
    return rc;
}

static const cli_opt plot_opts[] = {
    {"output", 'o', "FILE", "TYPE_VARS.png", "output file; .png, .svg or .pdf picks the format"},
    {"script", 0, "FILE.gp", "none", "also save the gnuplot script, data inline, to redraw without cpr-stats"},
    {"script-only", 0, NULL, NULL, "write only the --script file, do not run gnuplot"},
    {"title", 0, "TEXT", "none", "figure title"},
    {"describe", 0, "FILE.json", "none", "scatter/series: also write the title, a caption (what the figure shows, its sample, "
                                         "the source and indicator code of each variable) and the sample as JSON, for reports"},
    CLI_GNUPLOT_TIMEOUT_OPT,
    {"log", 0, "x|y|xy", "none", "logarithmic axes (scatter; the fit is on the logs)"},
    {"no-fit", 0, NULL, NULL, "scatter/binned: no fitted line and band"},
    {"no-labels", 0, NULL, NULL, "scatter: no point labels"},
    {"bins", 0, "N", "20", "binned: number of quantile bins of X"},
    {"ylabel", 0, "TEXT", "the first variable's label", "series: y-axis label when plotting several variables"},
    {"labels", 0, "LIST", "each model's formula", "coef: comma-separated model names for the key"},
    {"terms", 0, "LIST", "all but the intercept", "coef: terms to show, in this order"},
    {"keep-intercept", 0, NULL, NULL, "coef: also show the intercept"},
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    {0}};

const cli_command cli_cmd_plot = {
    "plot", "draw a figure with gnuplot: scatter X Y | series VAR... | binned X Y | coef M.json...", "[OPTIONS] TYPE VAR...",
    "scatter X Y   points labelled by country, OLS line with 95% band; r, slope and N in the key\n"
    "series VAR... time series, one line per country (select with --countries) or per variable\n"
    "binned X Y    means of Y in quantile bins of X, for large data\n"
    "coef M.json...  coefficients with confidence intervals (and bootstrap intervals where\n"
    "              present) of models saved by 'regress ... --format json > M.json', side by side\n"
    "Residuals against fitted values: 'regress ... --resid-plot FILE'.\n"
    "Labels and units come from the variable catalogue; the source line is printed under the\n"
    "figure. Images are written atomically: a failed run leaves no partial file. Needs gnuplot\n"
    "(Debian: apt-get install gnuplot-nox; or set CPR_GNUPLOT to its path).",
    plot_opts, run_plot};
