/* Scatter plot with country labels, the OLS line and its confidence band
 * for the mean: yhat +- t(1-a/2, N-2) * s * sqrt(1/N + (x - xbar)^2 / Sxx). */
#include "plot_internal.h"

#include "cpr/linalg.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

int cpr_plot_linfit_compute(const double *x, const double *y, size_t n, double conf_level,
                            cpr_plot_linfit *fit)
{
    if (conf_level <= 0 || conf_level >= 1) conf_level = 0.95;
    cpr_line ln;
    cpr_line_fit(x, y, n, &ln);
    size_t m = ln.n;
    if (m < 3)
        return cpr_fail(CPR_E_NUMERIC, "fitted line: %zu usable observation%s, need at least 3",
                        m, m == 1 ? "" : "s");
    if (!(ln.sxx > 0)) return cpr_fail(CPR_E_NUMERIC, "fitted line: x is constant");
    double xmin = INFINITY, xmax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        if (x[i] < xmin) xmin = x[i];
        if (x[i] > xmax) xmax = x[i];
    }
    fit->n = m;
    fit->slope = ln.slope;
    fit->intercept = ln.intercept;
    fit->r = ln.r;
    fit->s = sqrt(ln.ssr / (double)(m - 2));
    fit->xbar = ln.xbar;
    fit->sxx = ln.sxx;
    fit->tcrit = gsl_cdf_tdist_Qinv((1 - conf_level) / 2, (double)(m - 2));
    fit->xmin = xmin;
    fit->xmax = xmax;
    return CPR_OK;
}

void cpr_plot_linfit_band(const cpr_plot_linfit *fit, double x0, double *yhat, double *lo,
                          double *hi)
{
    double d = x0 - fit->xbar;
    double yh = fit->intercept + fit->slope * x0;
    double half = fit->tcrit * fit->s * sqrt(1.0 / (double)fit->n + d * d / fit->sxx);
    *yhat = yh;
    *lo = yh - half;
    *hi = yh + half;
}

static double fwd(double v, int lg) { return lg ? log(v) : v; }
static double back(double v, int lg) { return lg ? exp(v) : v; }

static int usable(double x, double y, int logx, int logy)
{
    return isfinite(x) && isfinite(y) && (!logx || x > 0) && (!logy || y > 0);
}

int cpr_plot_scatter(const char *out_path, const double *x, const double *y,
                     const char *const *labels, size_t n, const cpr_plot_scatter_opts *so,
                     const cpr_plot_opts *opts)
{
    cpr_plot_scatter_opts def = {{NULL, NULL, 0}, {NULL, NULL, 0}, 0, 0, 0, 0};
    if (!so) so = &def;
    if (n && (!x || !y)) return cpr_fail(CPR_E_INTERNAL, "cpr_plot_scatter: NULL data");
    int logx = so->x.log, logy = so->y.log;
    double level = so->conf_level > 0 && so->conf_level < 1 ? so->conf_level : 0.95;
    size_t grid = so->grid >= 2 ? so->grid : 50;

    size_t m = 0;
    for (size_t i = 0; i < n; i++) m += usable(x[i], y[i], logx, logy);
    if (m == 0)
        return cpr_fail(CPR_E_NUMERIC, "scatter plot: no observation with both values%s",
                        logx || logy ? " (positive, for the log axis)" : "");

    cpr_plotbuf b = {0};
    int rc = cpr_plot_begin(&b, "scatter", out_path, opts);
    if (rc) { cpr_plotbuf_free(&b); return rc; }

    /* The fit is on the drawn scale: ln of a log axis. */
    cpr_plot_linfit fit;
    int have_fit = 0;
    if (!so->no_fit && m >= 3) {
        double *u = cpr_malloc(m * sizeof *u), *v = cpr_malloc(m * sizeof *v);
        size_t j = 0;
        for (size_t i = 0; i < n; i++)
            if (usable(x[i], y[i], logx, logy)) {
                u[j] = fwd(x[i], logx);
                v[j] = fwd(y[i], logy);
                j++;
            }
        cpr_error_scope es;   /* constant x: points only */
        cpr_error_scope_begin(&es);
        have_fit = cpr_plot_linfit_compute(u, v, m, level, &fit) == CPR_OK;
        cpr_error_scope_end(&es);
        free(u);
        free(v);
    }

    cpr_plotbuf_puts(&b, "$POINTS << EOD\n");
    for (size_t i = 0; i < n; i++) {
        if (!usable(x[i], y[i], logx, logy)) continue;
        cpr_plotbuf_num(&b, x[i]);
        cpr_plotbuf_puts(&b, " ");
        cpr_plotbuf_num(&b, y[i]);
        cpr_plotbuf_puts(&b, " ");
        cpr_plotbuf_datastr(&b, labels && labels[i] ? labels[i] : "");
        cpr_plotbuf_puts(&b, "\n");
    }
    cpr_plotbuf_puts(&b, "EOD\n");
    if (have_fit) {
        cpr_plotbuf_printf(&b, "# OLS fit and %g%% confidence band for the mean on %zu grid points\n",
                           100 * level, grid);
        cpr_plotbuf_puts(&b, "$FIT << EOD\n");
        for (size_t g = 0; g < grid; g++) {
            double u0 = fit.xmin + (fit.xmax - fit.xmin) * (double)g / (double)(grid - 1);
            if (g == grid - 1) u0 = fit.xmax;
            double yh, lo, hi;
            cpr_plot_linfit_band(&fit, u0, &yh, &lo, &hi);
            cpr_plotbuf_num(&b, back(u0, logx));
            cpr_plotbuf_puts(&b, " ");
            cpr_plotbuf_num(&b, back(yh, logy));
            cpr_plotbuf_puts(&b, " ");
            cpr_plotbuf_num(&b, back(lo, logy));
            cpr_plotbuf_puts(&b, " ");
            cpr_plotbuf_num(&b, back(hi, logy));
            cpr_plotbuf_puts(&b, "\n");
        }
        cpr_plotbuf_puts(&b, "EOD\n");
    }

    cpr_plot_axis_setup(&b, "x", &so->x, NULL);
    cpr_plot_axis_setup(&b, "y", &so->y, NULL);
    if (logx || logy) {
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (size_t i = 0; i < n; i++) {
            if (!usable(x[i], y[i], logx, logy)) continue;
            x0 = fmin(x0, x[i]); x1 = fmax(x1, x[i]);
            y0 = fmin(y0, y[i]); y1 = fmax(y1, y[i]);
        }
        if (have_fit && logy) /* the band may reach beyond the points */
            for (size_t g = 0; g < 2; g++) {
                double yh, lo, hi;
                cpr_plot_linfit_band(&fit, g ? fit.xmax : fit.xmin, &yh, &lo, &hi);
                y0 = fmin(y0, exp(lo)); y1 = fmax(y1, exp(hi));
            }
        if (logx) cpr_plot_log_tics(&b, "x", x0, x1);
        if (logy) cpr_plot_log_tics(&b, "y", y0, y1);
    }
    cpr_plotbuf_puts(&b, "set key tmargin left vertical\n"
                         "set autoscale fix\nset offsets graph 0.04, graph 0.04, graph 0.05, graph 0.05\n");
    double xlo = INFINITY, ylo = INFINITY;
    for (size_t i = 0; i < n; i++)
        if (usable(x[i], y[i], logx, logy)) { xlo = fmin(xlo, x[i]); ylo = fmin(ylo, y[i]); }
    cpr_plot_nonneg_range(&b, "x", xlo, logx);
    cpr_plot_nonneg_range(&b, "y", ylo, logy);
    cpr_plotbuf_puts(&b, "plot ");
    if (have_fit) {
        char *band = cpr_asprintf("%g%% confidence band", 100 * level);
        const char *scale = logx && logy ? " (ln y on ln x)" : logx ? " (y on ln x)"
                          : logy ? " (ln y on x)" : "";
        char *key = cpr_asprintf("OLS fit%s: slope = %.4g, r = %.3f, N = %zu", scale, fit.slope,
                                 fit.r, fit.n);
        cpr_plotbuf_puts(&b, "$FIT using 1:3:4 with filledcurves lc rgb '#D55E00' "
                             "fillstyle transparent solid 0.18 noborder title ");
        cpr_plotbuf_quoted(&b, band);
        cpr_plotbuf_puts(&b, ", \\\n     $FIT using 1:2 with lines lt 2 lw 2 title ");
        cpr_plotbuf_quoted(&b, key);
        cpr_plotbuf_puts(&b, ", \\\n     ");
        free(band);
        free(key);
    }
    cpr_plotbuf_puts(&b, "$POINTS using 1:2 with points lt 1 pt 7 ps 0.9");
    if (have_fit) {
        cpr_plotbuf_puts(&b, " notitle");
    } else {
        char *key = cpr_asprintf("N = %zu", m);
        cpr_plotbuf_puts(&b, " title ");
        cpr_plotbuf_quoted(&b, key);
        free(key);
    }
    if (labels && !so->no_labels)
        cpr_plotbuf_puts(&b, ", \\\n     $POINTS using 1:2:3 with labels left offset char 0.5,0.35 "
                             "font ',8' textcolor rgb '#404040' notitle");
    cpr_plotbuf_puts(&b, "\n");
    return cpr_plot_finish(&b, out_path, opts);
}
