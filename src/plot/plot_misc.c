/* Figures the other issues need: the threshold LR curve, residuals against
 * fitted values, and the binned scatter for large samples. */
#include "plot_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

typedef struct { double x, y; } pair;

static int pair_cmp(const void *a, const void *b)
{
    const pair *p = a, *q = b;
    if (p->x < q->x) return -1;
    if (p->x > q->x) return 1;
    return (p->y > q->y) - (p->y < q->y); /* deterministic order among ties */
}

/* Finite pairs (positive where the axis is logarithmic), sorted by x. */
static pair *sorted_pairs(const double *x, const double *y, size_t n, int logx, int logy,
                          size_t *m)
{
    pair *p = cpr_malloc((n ? n : 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        if ((logx && !(x[i] > 0)) || (logy && !(y[i] > 0))) continue;
        p[k].x = x[i];
        p[k].y = y[i];
        k++;
    }
    qsort(p, k, sizeof *p, pair_cmp);
    *m = k;
    return p;
}

static void data_pair(cpr_plotbuf *b, double x, double y)
{
    cpr_plotbuf_num(b, x);
    cpr_plotbuf_puts(b, " ");
    cpr_plotbuf_num(b, y);
    cpr_plotbuf_puts(b, "\n");
}

int cpr_plot_lr_curve(const char *out_path, const double *gamma, const double *lr, size_t n,
                      const cpr_plot_lr_opts *lo, const cpr_plot_opts *opts)
{
    cpr_plot_lr_opts def = {{NULL, NULL, 0}, NAN, NULL, NAN};
    if (!lo) lo = &def;
    if (n && (!gamma || !lr)) return cpr_fail(CPR_E_INTERNAL, "cpr_plot_lr_curve: NULL data");
    /* Keep NaN statistics (they break the line) but drop NaN thresholds. */
    pair *p = cpr_malloc((n ? n : 1) * sizeof *p);
    size_t m = 0, finite = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(gamma[i]) || (lo->x.log && !(gamma[i] > 0))) continue;
        p[m].x = gamma[i];
        p[m].y = lr[i];
        finite += isfinite(lr[i]) != 0;
        m++;
    }
    if (finite == 0) {
        free(p);
        return cpr_fail(CPR_E_NUMERIC, "LR curve: no finite LR statistic");
    }
    qsort(p, m, sizeof *p, pair_cmp);

    cpr_plotbuf b = {0};
    int rc = cpr_plot_begin(&b, "threshold LR curve", out_path, opts);
    if (rc) { free(p); cpr_plotbuf_free(&b); return rc; }
    cpr_plotbuf_puts(&b, "$LR << EOD\n");
    for (size_t i = 0; i < m; i++) {
        if (!isfinite(p[i].y)) { if (i) cpr_plotbuf_puts(&b, "\n"); continue; }
        data_pair(&b, p[i].x, p[i].y);
    }
    cpr_plotbuf_puts(&b, "EOD\n");
    free(p);
    cpr_plot_axis_setup(&b, "x", &lo->x, "Threshold");
    cpr_plotbuf_puts(&b, "set ylabel 'LR statistic'\nset yrange [0:*]\nset key tmargin left vertical\n");
    if (isfinite(lo->estimate)) {
        cpr_plotbuf_puts(&b, "set arrow 1 from first ");
        cpr_plotbuf_num(&b, lo->estimate);
        cpr_plotbuf_puts(&b, ", graph 0 to first ");
        cpr_plotbuf_num(&b, lo->estimate);
        cpr_plotbuf_puts(&b, ", graph 1 nohead back lc rgb '#009E73' dt 3 lw 1.5\n");
        char *txt = cpr_asprintf(" estimate %.6g", lo->estimate);
        cpr_plotbuf_puts(&b, "set label 1 ");
        cpr_plotbuf_quoted(&b, txt);
        cpr_plotbuf_puts(&b, " at first ");
        cpr_plotbuf_num(&b, lo->estimate);
        cpr_plotbuf_puts(&b, ", graph 0.96 left textcolor rgb '#009E73' font ',9'\n");
        free(txt);
    }
    cpr_plotbuf_puts(&b, "plot $LR using 1:2 with lines lt 1 lw 2 title 'LR statistic'");
    if (isfinite(lo->critical)) {
        char *key = cpr_asprintf("%s (%.4g)", lo->critical_label ? lo->critical_label
                                                                 : "95% critical value",
                                 lo->critical);
        cpr_plotbuf_puts(&b, ", \\\n     ");
        cpr_plotbuf_num(&b, lo->critical);
        cpr_plotbuf_puts(&b, " with lines lt 2 lw 1.5 dt 2 title ");
        cpr_plotbuf_quoted(&b, key);
        free(key);
    }
    cpr_plotbuf_puts(&b, "\n");
    return cpr_plot_finish(&b, out_path, opts);
}

int cpr_plot_residuals(const char *out_path, const double *fitted, const double *resid,
                       size_t n, const cpr_plot_opts *opts)
{
    if (n && (!fitted || !resid)) return cpr_fail(CPR_E_INTERNAL, "cpr_plot_residuals: NULL data");
    size_t m = 0;
    for (size_t i = 0; i < n; i++) m += isfinite(fitted[i]) && isfinite(resid[i]);
    if (m == 0) return cpr_fail(CPR_E_NUMERIC, "residual plot: no finite (fitted, residual) pair");
    cpr_plotbuf b = {0};
    int rc = cpr_plot_begin(&b, "residuals vs fitted", out_path, opts);
    if (rc) { cpr_plotbuf_free(&b); return rc; }
    cpr_plotbuf_puts(&b, "$RESID << EOD\n");
    for (size_t i = 0; i < n; i++)
        if (isfinite(fitted[i]) && isfinite(resid[i])) data_pair(&b, fitted[i], resid[i]);
    cpr_plotbuf_puts(&b, "EOD\n");
    cpr_plotbuf_puts(&b, "set xlabel 'Fitted values'\nset ylabel 'Residuals'\n"
                         "set xzeroaxis lt -1 lc rgb '#808080' dt 2 lw 1\nset key tmargin left vertical\n");
    /* Translucent markers once points start to overlap. */
    cpr_plotbuf_printf(&b, "plot $RESID using 1:2 with points pt 7 ps 0.7 lc rgb '%s' title ",
                       m > 500 ? "#600072B2" : "#0072B2");
    char *key = cpr_asprintf("N = %zu", m);
    cpr_plotbuf_quoted(&b, key);
    free(key);
    cpr_plotbuf_puts(&b, "\n");
    return cpr_plot_finish(&b, out_path, opts);
}

int cpr_plot_bins_compute(const double *x, const double *y, size_t n, size_t nbins, double *bx,
                          double *by, size_t *count, size_t *nb)
{
    if (nbins == 0) return cpr_fail(CPR_E_USAGE, "binned scatter: the number of bins must be positive");
    size_t m;
    pair *p = sorted_pairs(x, y, n, 0, 0, &m);
    if (m == 0) {
        free(p);
        *nb = 0;
        return cpr_fail(CPR_E_NUMERIC, "binned scatter: no observation with both values");
    }
    size_t k = nbins < m ? nbins : m;
    for (size_t b = 0; b < k; b++) {
        size_t lo = b * m / k, hi = (b + 1) * m / k;
        double sx = 0, sy = 0;
        for (size_t i = lo; i < hi; i++) { sx += p[i].x; sy += p[i].y; }
        bx[b] = sx / (double)(hi - lo);
        by[b] = sy / (double)(hi - lo);
        if (count) count[b] = hi - lo;
    }
    *nb = k;
    free(p);
    return CPR_OK;
}

int cpr_plot_binned(const char *out_path, const double *x, const double *y, size_t n,
                    const cpr_plot_binned_opts *bo, const cpr_plot_opts *opts)
{
    cpr_plot_binned_opts def = {{NULL, NULL, 0}, {NULL, NULL, 0}, 0, 0};
    if (!bo) bo = &def;
    if (n && (!x || !y)) return cpr_fail(CPR_E_INTERNAL, "cpr_plot_binned: NULL data");
    int logx = bo->x.log, logy = bo->y.log;
    size_t nbins = bo->nbins ? bo->nbins : 20;
    size_t m;
    pair *p = sorted_pairs(x, y, n, logx, logy, &m);
    if (m == 0) {
        free(p);
        return cpr_fail(CPR_E_NUMERIC, "binned scatter: no observation with both values");
    }
    /* Bin on the raw values (quantile bins do not depend on the axis scale). */
    double *px = cpr_malloc(m * sizeof *px), *py = cpr_malloc(m * sizeof *py);
    double xlo = INFINITY, ylo = INFINITY;
    for (size_t i = 0; i < m; i++) { px[i] = p[i].x; py[i] = p[i].y; xlo = fmin(xlo, px[i]); ylo = fmin(ylo, py[i]); }
    free(p);
    size_t cap = nbins < m ? nbins : m, nb;
    double *bx = cpr_malloc(cap * sizeof *bx), *by = cpr_malloc(cap * sizeof *by);
    size_t *cnt = cpr_malloc(cap * sizeof *cnt);
    cpr_plot_bins_compute(px, py, m, nbins, bx, by, cnt, &nb);

    cpr_plot_linfit fit;
    int have_fit = 0;
    if (!bo->no_fit) {
        for (size_t i = 0; i < m; i++) {
            if (logx) px[i] = log(px[i]);
            if (logy) py[i] = log(py[i]);
        }
        cpr_error_scope es;   /* no fit line: points only */
        cpr_error_scope_begin(&es);
        have_fit = cpr_plot_linfit_compute(px, py, m, 0.95, &fit) == CPR_OK;
        cpr_error_scope_end(&es);
    }
    free(px);
    free(py);

    cpr_plotbuf b = {0};
    int rc = cpr_plot_begin(&b, "binned scatter", out_path, opts);
    if (rc) { free(bx); free(by); free(cnt); cpr_plotbuf_free(&b); return rc; }
    cpr_plotbuf_puts(&b, "# mean x, mean y, observations per bin\n$BINS << EOD\n");
    for (size_t i = 0; i < nb; i++) {
        cpr_plotbuf_num(&b, bx[i]);
        cpr_plotbuf_puts(&b, " ");
        cpr_plotbuf_num(&b, by[i]);
        cpr_plotbuf_printf(&b, " %zu\n", cnt[i]);
    }
    cpr_plotbuf_puts(&b, "EOD\n");
    if (have_fit) {
        cpr_plotbuf_puts(&b, "$FIT << EOD\n");
        for (size_t g = 0; g < 50; g++) {
            double u0 = g == 49 ? fit.xmax : fit.xmin + (fit.xmax - fit.xmin) * (double)g / 49.0;
            double yh = fit.intercept + fit.slope * u0;
            data_pair(&b, logx ? exp(u0) : u0, logy ? exp(yh) : yh);
        }
        cpr_plotbuf_puts(&b, "EOD\n");
    }
    cpr_plot_axis_setup(&b, "x", &bo->x, NULL);
    cpr_plot_axis_setup(&b, "y", &bo->y, NULL);
    cpr_plotbuf_puts(&b, "set key tmargin left vertical\n"
                         "set autoscale fix\nset offsets graph 0.04, graph 0.04, graph 0.05, graph 0.05\n");
    cpr_plot_nonneg_range(&b, "x", xlo, logx);
    cpr_plot_nonneg_range(&b, "y", ylo, logy);
    cpr_plotbuf_puts(&b, "plot ");
    if (have_fit) {
        char *key = cpr_asprintf("OLS fit (all data): slope = %.4g, r = %.3f", fit.slope, fit.r);
        cpr_plotbuf_puts(&b, "$FIT using 1:2 with lines lt 2 lw 2 title ");
        cpr_plotbuf_quoted(&b, key);
        cpr_plotbuf_puts(&b, ", \\\n     ");
        free(key);
    }
    char *key = cpr_asprintf("Mean of y in %zu quantile bins of x (N = %zu)", nb, m);
    cpr_plotbuf_puts(&b, "$BINS using 1:2 with points lt 1 pt 7 ps 1.2 title ");
    cpr_plotbuf_quoted(&b, key);
    cpr_plotbuf_puts(&b, "\n");
    free(key);
    free(bx);
    free(by);
    free(cnt);
    return cpr_plot_finish(&b, out_path, opts);
}
