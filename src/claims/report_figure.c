/* The report's figures: each one inlined as SVG (ids prefixed with the
 * figure's name so the page's ids stay unique), numbered, with its title
 * and caption (what it shows, its sample, its source) from the description
 * file DIR/figures/NAME.json that `plot --describe` or the runner wrote. A
 * figure without a description says so rather than showing its file name. */
#include "cpr/claims.h"
#include "cpr/util.h"
#include "text_buf.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cpr_report_svg_inline(const char *dir, const char *name)
{
    char *path = cpr_asprintf("%s/figures/%s.svg", dir, name);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f) return NULL;
    text_buf b = {0};
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) put(&b, chunk, got);
    fclose(f);
    char *svg = b.s ? strstr(b.s, "<svg") : NULL; /* drop the XML prologue for inline use */
    /* Every figure's gnuplot uses the same ids (gnuplot_canvas, gnuplot_plot_1, ...):
     * prefix ids and the references to them with the figure's name, so the ids
     * of the page stay unique (valid HTML) once several SVGs are inlined. */
    text_buf o = {0};
    static const char *const marks[] = {"id=\"", "url(#", "href=\"#"};
    for (const char *p = svg; p && *p;) {
        size_t best = strlen(p), which = 3;
        for (size_t m = 0; m < 3; m++) {
            const char *q = strstr(p, marks[m]);
            if (q && (size_t)(q - p) < best) { best = (size_t)(q - p); which = m; }
        }
        put(&o, p, best);
        p += best;
        if (which == 3) break;
        size_t ml = strlen(marks[which]);
        /* a space before id= (not e.g. "grid=") */
        put(&o, p, ml);
        if (which != 0 || (p > svg && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t'))) {
            put(&o, name, strlen(name));
            put(&o, "-", 1);
        }
        p += ml;
    }
    char *out = svg ? cpr_strdup(o.s ? o.s : "") : NULL;
    free(o.s);
    free(b.s);
    return out;
}

int cpr_report_figure_describe(const char *dir, const char *name, char **title, char **caption)
{
    *title = *caption = NULL;
    char *path = cpr_asprintf("%s/figures/%s.json", dir, name);
    json_t *j = json_load_file(path, 0, NULL);
    free(path);
    const char *t = json_string_value(json_object_get(j, "title"));
    const char *c = json_string_value(json_object_get(j, "caption"));
    if (t && *t) *title = cpr_strdup(t);
    if (c && *c) *caption = cpr_strdup(c);
    json_decref(j);
    return *title && *caption;
}

void cpr_report_figure(const char *dir, const char *name, int number, char **md, char **html)
{
    char *title, *caption;
    cpr_report_figure_describe(dir, name, &title, &caption);
    const char *t = title ? title : "Figure without a description";
    const char *c = caption ? caption : "No caption was written for this figure.";
    *md = cpr_asprintf("\n**Figure %d. %s.** %s\n\n![Figure %d: %s](figures/%s.svg)\n", number, t, c, number, t, name);
    text_buf h = {0};
    char *svg = cpr_report_svg_inline(dir, name);
    char *head = cpr_asprintf("<figure id=\"fig-%s\">\n", name);
    puts_(&h, head);
    free(head);
    if (svg) {
        /* the SVG's own <title> is its file name; an aria label names it */
        puts_(&h, svg);
    } else {
        puts_(&h, "<p class=\"missing\">(figure missing)</p>");
    }
    char *num = cpr_asprintf("<figcaption><strong>Figure %d. ", number);
    puts_(&h, num);
    free(num);
    html_text(&h, t);
    puts_(&h, ".</strong> ");
    html_text(&h, c);
    char *links = cpr_asprintf(" (<a href=\"figures/%s.png\">PNG</a>, <a href=\"figures/%s.svg\">SVG</a>)</figcaption></figure>\n",
                               name, name);
    puts_(&h, links);
    free(links);
    free(svg);
    free(title);
    free(caption);
    *html = h.s;
}
