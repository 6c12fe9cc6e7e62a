/* Private helpers shared by the src/plot sources: a growing text buffer for the
 * gnuplot script, quoting, the shared style prelude and the final step
 * (save the script, render atomically). Not part of the public API. */
#ifndef CPR_PLOT_INTERNAL_H
#define CPR_PLOT_INTERNAL_H

#include <stddef.h>

#include "cpr/plot.h"

typedef struct {
    char *s;
    size_t len, cap;
} cpr_plotbuf;

/* The line every generated script carries where the output file goes. */
#define CPR_PLOT_OUTPUT_PLACEHOLDER "set output @OUTPUT@\n"

/* Okabe-Ito, in the order used for series/models. */
extern const char *const cpr_plot_palette[8];
#define CPR_PLOT_NPALETTE 8

void cpr_plotbuf_free(cpr_plotbuf *b);
void cpr_plotbuf_puts(cpr_plotbuf *b, const char *s);
void cpr_plotbuf_printf(cpr_plotbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* gnuplot single-quoted string literal: no escapes, ' doubled, control
 * characters replaced by spaces. */
void cpr_plotbuf_quoted(cpr_plotbuf *b, const char *text);
/* Round-trippable number (%.17g), "NaN" for anything not finite. */
void cpr_plotbuf_num(cpr_plotbuf *b, double v);
/* A string field inside a data block: double-quoted, with '"' and control
 * characters replaced (gnuplot's datafile strings have no escapes). */
void cpr_plotbuf_datastr(cpr_plotbuf *b, const char *text);

/* Start a figure: check the extension, write the header (comment, terminal,
 * output placeholder) and the shared style. */
int cpr_plot_begin(cpr_plotbuf *b, const char *kind, const char *out_path,
                   const cpr_plot_opts *opts);
/* `set xlabel '...'` (+ logscale) for axis "x", "y" or "y2". */
void cpr_plot_axis_setup(cpr_plotbuf *b, const char *axis, const cpr_plot_axis *a,
                         const char *default_label);
/* Labelled 1-2-5 tics for a log axis whose data run from lo to hi (> 0):
 * gnuplot's default labels only the powers of ten. */
void cpr_plot_log_tics(cpr_plotbuf *b, const char *axis, double lo, double hi);
/* Keep an axis whose data are all >= min >= 0 at or above zero (the
 * offsets that pad autoscaled ranges would push it below). */
void cpr_plot_nonneg_range(cpr_plotbuf *b, const char *axis, double min, int log);
/* Save the script when asked and render it unless script_only; frees b. */
int cpr_plot_finish(cpr_plotbuf *b, const char *out_path, const cpr_plot_opts *opts);
/* Replace the output placeholder by the quoted path; caller frees. */
char *cpr_plot_script_with_output(const char *script, const char *path);
/* Write bytes to path through a temporary file + fsync + rename. */
int cpr_plot_write_atomic(const char *path, const char *data, size_t len);

#endif
