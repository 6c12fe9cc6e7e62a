/* The script text: buffer, quoting, numbers, and the one style prelude every
 * figure starts with (terminal from the file extension, fonts, borders,
 * grid, Okabe-Ito colours), so all figures look alike. */
#include "plot_internal.h"

#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cpr_plot_palette[8] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                         "#E69F00", "#56B4E9", "#F0E442", "#000000"};

#define DEFAULT_W 800
#define DEFAULT_H 560
#define DEFAULT_FONT "Sans,11"

static void reserve(cpr_plotbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1) cap *= 2;
    b->s = cpr_realloc(b->s, cap);
    b->cap = cap;
}

void cpr_plotbuf_free(cpr_plotbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void cpr_plotbuf_puts(cpr_plotbuf *b, const char *s)
{
    size_t n = strlen(s);
    reserve(b, n);
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

void cpr_plotbuf_printf(cpr_plotbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void cpr_plotbuf_quoted(cpr_plotbuf *b, const char *text)
{
    if (!text) text = "";
    reserve(b, 2 * strlen(text) + 2);
    b->s[b->len++] = '\'';
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\'') b->s[b->len++] = '\'';
        b->s[b->len++] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
    }
    b->s[b->len++] = '\'';
    b->s[b->len] = '\0';
}

void cpr_plotbuf_datastr(cpr_plotbuf *b, const char *text)
{
    if (!text) text = "";
    reserve(b, strlen(text) + 2);
    b->s[b->len++] = '"';
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        b->s[b->len++] = (c < 0x20 || c == 0x7f) ? ' ' : c == '"' ? '\'' : (char)c;
    }
    b->s[b->len++] = '"';
    b->s[b->len] = '\0';
}

void cpr_plotbuf_num(cpr_plotbuf *b, double v)
{
    if (!isfinite(v)) cpr_plotbuf_puts(b, "NaN");
    else if (v == 0) cpr_plotbuf_puts(b, "0"); /* no "-0" */
    else cpr_plotbuf_printf(b, "%.17g", v);
}

int cpr_plot_format_from_path(const char *path, cpr_plot_format *fmt)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (dot && (!slash || dot > slash)) {
        if (cpr_strcasecmp(dot, ".png") == 0) { *fmt = CPR_PLOT_PNG; return CPR_OK; }
        if (cpr_strcasecmp(dot, ".svg") == 0) { *fmt = CPR_PLOT_SVG; return CPR_OK; }
        if (cpr_strcasecmp(dot, ".pdf") == 0) { *fmt = CPR_PLOT_PDF; return CPR_OK; }
    }
    return cpr_fail(CPR_E_USAGE,
                    "%s: unknown image type; the output file name must end in .png, .svg or .pdf",
                    path ? path : "(no output file)");
}

char *cpr_plot_axis_title(const cpr_plot_axis *a)
{
    const char *label = a && a->label ? a->label : "";
    if (a && a->unit && *a->unit) return cpr_asprintf("%s (%s)", label, a->unit);
    return cpr_strdup(label);
}

void cpr_plot_axis_setup(cpr_plotbuf *b, const char *axis, const cpr_plot_axis *a,
                         const char *default_label)
{
    cpr_plot_axis tmp = {default_label, NULL, 0};
    if (a) {
        tmp = *a;
        if (!tmp.label) tmp.label = default_label;
    }
    char *title = cpr_plot_axis_title(&tmp);
    if (*title) {
        cpr_plotbuf_printf(b, "set %slabel ", axis);
        /* Catalogue labels can be long: break them onto two lines at a
         * space so the y label is not cut at the figure edge. */
        size_t len = strlen(title), cut = 0;
        if (len > 50)
            for (size_t i = len / 2; i > 10 && !cut; i--)
                if (title[i] == ' ') cut = i;
        if (cut) {
            title[cut] = '\0';
            cpr_plotbuf_quoted(b, title);
            cpr_plotbuf_puts(b, " . \"\\n\" . ");
            cpr_plotbuf_quoted(b, title + cut + 1);
        } else {
            cpr_plotbuf_quoted(b, title);
        }
        cpr_plotbuf_puts(b, "\n");
    }
    free(title);
    if (tmp.log) cpr_plotbuf_printf(b, "set logscale %s\n", axis);
}

void cpr_plot_log_tics(cpr_plotbuf *b, const char *axis, double lo, double hi)
{
    if (!(lo > 0) || !(hi >= lo) || !isfinite(hi)) return;
    static const double mult[] = {1, 2, 5};
    int k0 = (int)floor(log10(lo)) - 1, k1 = (int)ceil(log10(hi)) + 1;
    if (k1 - k0 > 8) return; /* many decades: powers of ten are enough */
    /* 1-2-5 inside the range; with less than one decade add 3 and 4 too. */
    int fine = hi / lo < 10;
    size_t count = 0;
    cpr_plotbuf_printf(b, "set %stics (", axis);
    for (int k = k0; k <= k1; k++)
        for (int m = 1; m <= 9; m++) {
            if (!fine && m != (int)mult[0] && m != (int)mult[1] && m != (int)mult[2]) continue;
            if (fine && m > 5) continue;
            double v = m * pow(10.0, k);
            if (v < lo / 1.15 || v > hi * 1.15) continue;
            cpr_plotbuf_printf(b, "%s%.6g", count++ ? ", " : "", v);
        }
    cpr_plotbuf_puts(b, ")\n");
}

int cpr_plot_begin(cpr_plotbuf *b, const char *kind, const char *out_path,
                   const cpr_plot_opts *opts)
{
    cpr_plot_format fmt;
    int rc = cpr_plot_format_from_path(out_path, &fmt);
    if (rc) return rc;
    int w = opts && opts->width_px > 0 ? opts->width_px : DEFAULT_W;
    int h = opts && opts->height_px > 0 ? opts->height_px : DEFAULT_H;
    const char *font = opts && opts->font ? opts->font : DEFAULT_FONT;

    cpr_plotbuf_printf(b, "# cpr-stats figure: %s\n", kind);
    cpr_plotbuf_puts(b, "# Redraw with: gnuplot THIS_FILE (data are inline below).\n");
    cpr_plotbuf_puts(b, "reset session\n");
    switch (fmt) {
    case CPR_PLOT_PNG:
        cpr_plotbuf_printf(b, "set terminal pngcairo size %d,%d noenhanced font ", w, h);
        break;
    case CPR_PLOT_SVG:
        cpr_plotbuf_printf(b, "set terminal svg size %d,%d noenhanced background '#ffffff' font ",
                           w, h);
        break;
    case CPR_PLOT_PDF: /* same proportions as the PNG: 72 px per inch */
        cpr_plotbuf_printf(b, "set terminal pdfcairo size %.9gin,%.9gin noenhanced font ",
                           w / 72.0, h / 72.0);
        break;
    }
    cpr_plotbuf_quoted(b, font);
    cpr_plotbuf_puts(b, "\n" CPR_PLOT_OUTPUT_PLACEHOLDER);

    /* Shared style: open frame (left and bottom only), outward ticks without
     * mirrors, light grid behind the data, Okabe-Ito line types. */
    cpr_plotbuf_puts(b,
                     "set encoding utf8\n"
                     "set border 3 back lw 1 lc rgb '#404040'\n"
                     "set tics nomirror out scale 0.5 textcolor rgb '#202020'\n"
                     "set grid back xtics ytics lw 1 lc rgb '#E6E6E6' dt solid\n"
                     "set key noautotitle nobox noopaque reverse Left samplen 2 spacing 1.1\n"
                     "set style fill solid 1.0 noborder\n"
                     "set pointsize 1\n");
    for (int i = 0; i < CPR_PLOT_NPALETTE; i++)
        cpr_plotbuf_printf(b, "set linetype %d lc rgb '%s' lw 2 pt 7 ps 0.8 dt solid\n", i + 1,
                           cpr_plot_palette[i]);
    cpr_plotbuf_printf(b, "set linetype cycle %d\n", CPR_PLOT_NPALETTE);
    if (opts && opts->title && *opts->title) {
        cpr_plotbuf_puts(b, "set title ");
        cpr_plotbuf_quoted(b, opts->title);
        cpr_plotbuf_puts(b, " font ',13'\n");
    }
    if (opts && opts->source && *opts->source) {
        cpr_plotbuf_puts(b, "set bmargin 5.5\nset label 99 ");
        cpr_plotbuf_quoted(b, opts->source);
        cpr_plotbuf_puts(b, " at screen 0.012, screen 0.03 left font ',9' "
                            "textcolor rgb '#505050' front\n");
    }
    return CPR_OK;
}
