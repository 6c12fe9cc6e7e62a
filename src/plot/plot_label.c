/* Axis titles and legend entries from catalogue labels: a short form of a
 * long label for a legend, one y-axis title that covers every series drawn
 * on it, and the range rule that keeps axes of non-negative data at or
 * above zero. */
#include "plot_internal.h"

#include "cpr/util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

char *cpr_plot_short_label(const char *label, size_t max)
{
    if (!label) return cpr_strdup("");
    size_t len = strlen(label);
    if (len <= max) return cpr_strdup(label);
    /* "QUALIFIER (why): what ..." keeps the qualifier word and the what */
    const char *colon = strstr(label, "): ");
    char *qual = NULL;
    if (colon) {
        size_t w = 0;
        while (isupper((unsigned char)label[w])) w++;
        if (w >= 3 && label[w] == ' ' && label[w + 1] == '(') qual = cpr_strndup(label, w);
    }
    const char *s = qual ? colon + 3 : label;
    /* cut before the first parenthesis, colon or semicolon that leaves a
     * readable head */
    size_t n = strlen(s), cut = n;
    for (size_t i = 12; i < n; i++)
        if ((s[i] == ' ' && s[i + 1] == '(') || s[i] == ':' || s[i] == ';') { cut = i; break; }
    while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',')) cut--;
    char *head = cpr_strndup(s, cut);
    /* a short closing group such as a lag "(t-2)" tells terms apart: keep it */
    const char *tail = "";
    size_t n0 = strlen(s);
    if (cut < n0 && s[n0 - 1] == ')') {
        const char *open = strrchr(s, '(');
        if (open && open > s + cut && (size_t)(s + n0 - open) <= 8) tail = open - 1;
    }
    char *out = cpr_asprintf("%s%s%s%s", qual ? qual : "", qual ? " " : "", head, tail);
    free(head);
    free(qual);
    return out;
}

static int is_connector(const char *w, size_t n)
{
    static const char *const words[] = {"at", "of", "in", "to", "by", "for", "from", "with", "as", "and", "the", "a", "an", "on"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && strncmp(w, words[i], n) == 0) return 1;
    return 0;
}

/* The words every label starts with, without a dangling connector or
 * punctuation at the end ("Poverty headcount ratio at $3.00 ..." and "...
 * at $4.20 ..." give "Poverty headcount ratio"). */
static char *common_head(const char *const *labels, size_t n)
{
    size_t len = strlen(labels[0]);
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < len && labels[i][k] && labels[i][k] == labels[0][k]) k++;
        len = k;
    }
    /* whole words only: unless every label ends here, back up to a space */
    int whole = 1;
    for (size_t i = 0; i < n; i++) whole &= labels[i][len] == '\0' || labels[i][len] == ' ';
    if (!whole)
        while (len > 0 && labels[0][len - 1] != ' ') len--;
    for (;;) {
        while (len > 0 && strchr(" ,;:(-", labels[0][len - 1])) len--;
        size_t w = len;
        while (w > 0 && labels[0][w - 1] != ' ') w--;
        if (w < len && w > 0 && is_connector(labels[0] + w, len - w)) { len = w; continue; }
        break;
    }
    return cpr_strndup(labels[0], len);
}

char *cpr_plot_common_title(const cpr_plot_axis *axes, size_t n)
{
    if (n == 0) return cpr_strdup("");
    if (n == 1) return cpr_plot_axis_title(&axes[0]);
    const char **labels = cpr_malloc(n * sizeof *labels);
    int same_unit = 1;
    for (size_t i = 0; i < n; i++) {
        labels[i] = axes[i].label ? axes[i].label : "";
        const char *u0 = axes[0].unit ? axes[0].unit : "", *ui = axes[i].unit ? axes[i].unit : "";
        same_unit &= strcmp(u0, ui) == 0;
    }
    char *head = common_head(labels, n);
    char *out;
    /* a head of one short word ("Total", "GDP") does not name the series */
    int named = strlen(head) >= 12 && strchr(head, ' ');
    if (same_unit) {
        cpr_plot_axis a = {named ? head : "", axes[0].unit, 0};
        out = named ? cpr_plot_axis_title(&a) : cpr_strdup(axes[0].unit ? axes[0].unit : "");
    } else {
        /* different units on one axis: name each */
        size_t cap = 1;
        for (size_t i = 0; i < n; i++) cap += strlen(labels[i]) + (axes[i].unit ? strlen(axes[i].unit) : 0) + 8;
        out = cpr_malloc(cap);
        out[0] = '\0';
        for (size_t i = 0; i < n; i++) {
            char *t = cpr_plot_axis_title(&axes[i]);
            if (i) strcat(out, "; ");
            strcat(out, t);
            free(t);
        }
    }
    free(head);
    free(labels);
    return out;
}

void cpr_plot_nonneg_range(cpr_plotbuf *b, const char *axis, double min, int log)
{
    /* autoscaled, padded by the offsets, but never below zero */
    if (!log && isfinite(min) && min >= 0) cpr_plotbuf_printf(b, "set %srange [0<*:*]\n", axis);
}
