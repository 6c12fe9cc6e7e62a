/* Figures through gnuplot: data in, file out.
 *
 * Every cpr_plot_* figure function takes plain arrays and labels, builds a
 * deterministic gnuplot script (data inline as `$NAME << EOD` blocks, values
 * printed with %.17g, no timestamps or temporary paths) and then
 *   - writes that script to opts->script_path when given (`--script FILE.gp`;
 *     its `set output` names the final image, so `gnuplot FILE.gp` redraws it);
 *   - unless opts->script_only, renders it: gnuplot (env CPR_GNUPLOT, default
 *     `gnuplot` on PATH) runs with LC_ALL=C and the script on stdin, writing a
 *     temporary file in the output's directory that is fsync'ed and renamed
 *     over `out_path` only when gnuplot exits 0 and produced bytes. On any
 *     failure the temporary file is removed and an existing `out_path` is
 *     left untouched.
 * The image type follows out_path's extension: .png (pngcairo), .svg, .pdf
 * (pdfcairo); anything else is CPR_E_USAGE. gnuplot missing or failing is
 * CPR_E_GNUPLOT (16), with gnuplot's messages in cpr_last_error().
 *
 * Missing values (NAN) are skipped (scatter, binned, residuals) or break the
 * line (series, LR curve). All strings are copied into the script as
 * literal text (no enhanced-text markup, quotes are escaped). */
#ifndef CPR_PLOT_H
#define CPR_PLOT_H

#include <stddef.h>

#include "cpr/result.h"

typedef enum { CPR_PLOT_PNG = 0, CPR_PLOT_SVG = 1, CPR_PLOT_PDF = 2 } cpr_plot_format;

/* Options shared by every figure; a zeroed struct (or NULL) gives the
 * defaults. */
typedef struct {
    const char *title;        /* above the plot; NULL = none */
    const char *source;       /* line under the figure, e.g. "Source: World Bank WDI (2024)" */
    const char *script_path;  /* also save the gnuplot script here (NULL = don't) */
    int script_only;          /* 1 = only write script_path, do not run gnuplot */
    int width_px, height_px;  /* 0 = 800 x 560 (PDF/SVG: the same size at 72 px per inch) */
    const char *font;         /* gnuplot font, NULL = "Sans,11" */
} cpr_plot_opts;

/* One axis: the caller passes label and unit from the variable catalogue;
 * the axis title is "Label (unit)" (just "Label" when unit is NULL or ""). */
typedef struct {
    const char *label;
    const char *unit;
    int log;                  /* 1 = logarithmic axis (non-positive values are dropped) */
} cpr_plot_axis;

/* ---- scatter: points labelled by country, OLS line and 95% band -------- */

typedef struct {
    cpr_plot_axis x, y;
    int no_fit;               /* 1 = points only */
    int no_labels;            /* 1 = do not print the point labels */
    double conf_level;        /* band level, 0 = 0.95 */
    size_t grid;              /* band evaluation points, 0 = 50 */
} cpr_plot_scatter_opts;

/* x, y: n values; labels: n strings (country codes) or NULL.
 * With a log axis the fit is done on the natural log of that variable, so
 * the line is straight on the drawn axes; the key says so. */
int cpr_plot_scatter(const char *out_path, const double *x, const double *y,
                     const char *const *labels, size_t n,
                     const cpr_plot_scatter_opts *so, const cpr_plot_opts *opts);

/* The fit used by the scatter plot (also for callers that want the numbers):
 * OLS of y on x with intercept over the pairs where both are finite. */
typedef struct {
    size_t n;
    double slope, intercept, r;
    double s;                 /* residual standard error, sqrt(SSR / (n - 2)) */
    double xbar, sxx;         /* mean of x and sum of (x - xbar)^2 */
    double tcrit;             /* t quantile (1 + level) / 2 with n - 2 df */
    double xmin, xmax;
} cpr_plot_linfit;

/* CPR_E_NUMERIC when fewer than 3 usable pairs or x is constant. */
int cpr_plot_linfit_compute(const double *x, const double *y, size_t n,
                            double conf_level, cpr_plot_linfit *fit);
/* Fitted mean and confidence band at x0:
 * yhat +- tcrit * s * sqrt(1/n + (x0 - xbar)^2 / sxx). */
void cpr_plot_linfit_band(const cpr_plot_linfit *fit, double x0,
                          double *yhat, double *lo, double *hi);

/* ---- time series --------------------------------------------------------- */

typedef struct {
    const char *name;         /* legend entry: "BRA", "LCN", "Poverty headcount (BRA)" */
    const double *t;          /* years (or any time index), n values */
    const double *y;          /* n values, NAN = gap */
    size_t n;
    int y2;                   /* 1 = draw against the right-hand axis (second variable) */
} cpr_plot_line;

typedef struct {
    cpr_plot_axis x;          /* label NULL = "Year" */
    cpr_plot_axis y;
    cpr_plot_axis y2;         /* used when some line has y2 = 1 */
    int no_points;            /* 1 = lines without markers */
} cpr_plot_series_opts;

int cpr_plot_series(const char *out_path, const cpr_plot_line *lines, size_t nlines,
                    const cpr_plot_series_opts *so, const cpr_plot_opts *opts);

/* ---- coefficient plot ---------------------------------------------------- */

typedef struct {
    const cpr_result *result; /* estimate, conf_low, conf_high (e.g. cluster-robust) */
    const char *label;        /* model name in the key; NULL = result->model */
    const double *boot_low;   /* optional second interval (bootstrap), k values */
    const double *boot_high;  /*   aligned with result->terms; NAN = none for that term */
    const char *boot_label;   /* key text for it, NULL = "bootstrap" */
} cpr_plot_model;

typedef struct {
    const char *const *terms; /* terms to show, in this order; NULL = all */
    size_t nterms;
    int keep_intercept;       /* 0 = drop "(Intercept)", "const", "_cons", "Intercept" */
    cpr_plot_axis x;          /* label NULL = "Estimate" */
    const char *const *labels;/* display names aligned with terms (e.g. catalogue labels); NULL = term names */
} cpr_plot_coef_opts;

/* One row per term (the union over models, in order of first appearance),
 * models side by side within the row; a dashed line at zero. */
int cpr_plot_coef(const char *out_path, const cpr_plot_model *models, size_t nmodels,
                  const cpr_plot_coef_opts *co, const cpr_plot_opts *opts);

/* ---- threshold LR curve, residuals, binned scatter ----------------------- */

typedef struct {
    cpr_plot_axis x;          /* the threshold variable */
    double critical;          /* horizontal line; NAN = none */
    const char *critical_label; /* NULL = "95% critical value" */
    double estimate;          /* vertical line at the estimated threshold; NAN = none */
} cpr_plot_lr_opts;

/* x = threshold values (any order, sorted for drawing), y = LR statistic. */
int cpr_plot_lr_curve(const char *out_path, const double *gamma, const double *lr, size_t n,
                      const cpr_plot_lr_opts *lo, const cpr_plot_opts *opts);

/* Residuals against fitted values, with a line at zero. */
int cpr_plot_residuals(const char *out_path, const double *fitted, const double *resid,
                       size_t n, const cpr_plot_opts *opts);

typedef struct {
    cpr_plot_axis x, y;
    size_t nbins;             /* 0 = 20 */
    int no_fit;               /* 1 = no OLS line (fitted on all the data) */
} cpr_plot_binned_opts;

/* Binned scatter: pairs sorted by x, cut into nbins groups of (nearly) equal
 * count (quantile bins); one point per bin at (mean x, mean y). */
int cpr_plot_binned(const char *out_path, const double *x, const double *y, size_t n,
                    const cpr_plot_binned_opts *bo, const cpr_plot_opts *opts);

/* The bins used by cpr_plot_binned: bx, by, count need room for nbins
 * values; *nb receives the number of non-empty bins (min(nbins, usable n)). */
int cpr_plot_bins_compute(const double *x, const double *y, size_t n, size_t nbins,
                          double *bx, double *by, size_t *count, size_t *nb);

/* ---- description for reports -------------------------------------------- */

/* Write {"title", "caption", "sample": [...]} to path (JSON, atomically):
 * what the figure shows and from which source, for the report that embeds
 * it. sample may be NULL (then no "sample" key). */
int cpr_plot_describe_write(const char *path, const char *title, const char *caption,
                            const char *const *sample, size_t nsample);

/* ---- lower level --------------------------------------------------------- */

/* Output type from the file name's extension (case-insensitive). */
int cpr_plot_format_from_path(const char *path, cpr_plot_format *fmt);

/* "Label (unit)", "Label", or "" ; caller frees. */
char *cpr_plot_axis_title(const cpr_plot_axis *a);

/* A legend entry from a long catalogue label: the label up to its first
 * parenthesis, colon or semicolon when longer than max ("PARTIAL (...): what"
 * keeps "PARTIAL what"); caller frees. */
char *cpr_plot_short_label(const char *label, size_t max);

/* One axis title for n series drawn on the same axis: the words their
 * labels share, with the unit when they share it ("Poverty headcount ratio
 * (% of population)"), the unit alone when the labels share no words, and
 * every "Label (unit)" joined by "; " when the units differ. Caller frees. */
char *cpr_plot_common_title(const cpr_plot_axis *axes, size_t n);

/* Run gnuplot on a complete script that writes its own output (or nothing).
 * Status 0 or CPR_E_GNUPLOT with gnuplot's stderr in the message. */
int cpr_plot_gnuplot_run(const char *script, size_t len);

/* Render `script` atomically into out_path: the script must contain the
 * placeholder line "set output @OUTPUT@" which is replaced by the temporary
 * path before it is piped to gnuplot. Used by every figure function. */
int cpr_plot_render_atomic(const char *script, const char *out_path);

/* Seconds a gnuplot run may take before it is killed (exit 16):
 * CPR_GNUPLOT_TIMEOUT from the environment, else this default. */
#define CPR_GNUPLOT_TIMEOUT_DEFAULT 60.0
double cpr_plot_gnuplot_timeout(void);

#endif
