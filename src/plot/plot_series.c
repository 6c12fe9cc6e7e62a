/* Time series: one line per country / aggregate / variable, gaps where the
 * value is missing, optional right-hand axis for a second variable. */
#include "plot_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

/* A step of 1, 2, 5, 10, ... years giving at most 11 tick marks. */
static double year_step(double span)
{
    static const double steps[] = {1, 2, 5, 10, 20, 25, 50, 100};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (span / steps[i] <= 10) return steps[i];
    return 0; /* let gnuplot choose */
}

int cpr_plot_series(const char *out_path, const cpr_plot_line *lines, size_t nlines,
                    const cpr_plot_series_opts *so, const cpr_plot_opts *opts)
{
    cpr_plot_series_opts def = {{NULL, NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}, 0};
    if (!so) so = &def;
    if (nlines == 0 || !lines) return cpr_fail(CPR_E_USAGE, "series plot: no series to draw");
    double tmin = INFINITY, tmax = -INFINITY, ymin[2] = {INFINITY, INFINITY};
    size_t npoints = 0;
    int any_y2 = 0;
    for (size_t l = 0; l < nlines; l++) {
        if (lines[l].n && (!lines[l].t || !lines[l].y))
            return cpr_fail(CPR_E_INTERNAL, "cpr_plot_series: NULL data in series %zu", l + 1);
        any_y2 |= lines[l].y2 != 0;
        for (size_t i = 0; i < lines[l].n; i++) {
            if (!isfinite(lines[l].t[i]) || !isfinite(lines[l].y[i])) continue;
            if ((lines[l].y2 ? so->y2.log : so->y.log) && !(lines[l].y[i] > 0)) continue;
            npoints++;
            ymin[lines[l].y2 != 0] = fmin(ymin[lines[l].y2 != 0], lines[l].y[i]);
            if (lines[l].t[i] < tmin) tmin = lines[l].t[i];
            if (lines[l].t[i] > tmax) tmax = lines[l].t[i];
        }
    }
    if (npoints == 0) return cpr_fail(CPR_E_NUMERIC, "series plot: no non-missing values");

    cpr_plotbuf b = {0};
    int rc = cpr_plot_begin(&b, "series", out_path, opts);
    if (rc) { cpr_plotbuf_free(&b); return rc; }

    for (size_t l = 0; l < nlines; l++) {
        const cpr_plot_line *ln = &lines[l];
        int lg = ln->y2 ? so->y2.log : so->y.log;
        cpr_plotbuf_printf(&b, "$S%zu << EOD\n", l + 1);
        int gap = 0, any = 0;
        for (size_t i = 0; i < ln->n; i++) {
            if (!isfinite(ln->t[i]) || !isfinite(ln->y[i]) || (lg && !(ln->y[i] > 0))) {
                gap = 1; /* a blank line breaks the line */
                continue;
            }
            if (gap && any) cpr_plotbuf_puts(&b, "\n");
            gap = 0;
            any = 1;
            cpr_plotbuf_num(&b, ln->t[i]);
            cpr_plotbuf_puts(&b, " ");
            cpr_plotbuf_num(&b, ln->y[i]);
            cpr_plotbuf_puts(&b, "\n");
        }
        cpr_plotbuf_puts(&b, "EOD\n");
    }

    cpr_plot_axis_setup(&b, "x", &so->x, "Year");
    cpr_plot_axis_setup(&b, "y", &so->y, NULL);
    cpr_plot_nonneg_range(&b, "y", ymin[0], so->y.log);
    if (any_y2) {
        cpr_plot_axis_setup(&b, "y2", &so->y2, NULL);
        cpr_plot_nonneg_range(&b, "y2", ymin[1], so->y2.log);
        cpr_plotbuf_puts(&b, "set border 11 back lw 1 lc rgb '#404040'\n"
                             "set ytics nomirror\nset y2tics nomirror out scale 0.5\n");
    }
    cpr_plotbuf_puts(&b, "set format x '%.0f'\n");
    double step = year_step(tmax - tmin);
    if (step > 0 && tmax - tmin <= 400) {
        cpr_plotbuf_printf(&b, "set xtics %g\n", step);
        if (tmax == tmin) cpr_plotbuf_printf(&b, "set xrange [%g:%g]\n", tmin - 1, tmax + 1);
    }
    /* Beside the plot, so no line is hidden; a little room at the ends. */
    if (nlines > 6) cpr_plotbuf_puts(&b, "set key outside right top vertical\n");
    else cpr_plotbuf_puts(&b, "set key tmargin left vertical maxrows 3\n");
    cpr_plotbuf_puts(&b, "set autoscale xfix\nset offsets graph 0.02, graph 0.02, graph 0.04, graph 0.04\n");

    cpr_plotbuf_puts(&b, "plot ");
    for (size_t l = 0; l < nlines; l++) {
        if (l) cpr_plotbuf_puts(&b, ", \\\n     ");
        size_t col = l % CPR_PLOT_NPALETTE, dash = l / CPR_PLOT_NPALETTE + 1;
        cpr_plotbuf_printf(&b, "$S%zu using 1:2%s with %s lc rgb '%s' dt %zu lw 2 pt 7 ps 0.6 title ",
                           l + 1, lines[l].y2 ? " axes x1y2" : "",
                           so->no_points ? "lines" : "linespoints", cpr_plot_palette[col],
                           dash > 5 ? 5 : dash);
        char *name = lines[l].name ? cpr_strdup(lines[l].name) : cpr_asprintf("series %zu", l + 1);
        if (any_y2 && lines[l].y2) {
            char *tmp = cpr_asprintf("%s (right axis)", name);
            free(name);
            name = tmp;
        }
        cpr_plotbuf_quoted(&b, name);
        free(name);
    }
    cpr_plotbuf_puts(&b, "\n");
    return cpr_plot_finish(&b, out_path, opts);
}
