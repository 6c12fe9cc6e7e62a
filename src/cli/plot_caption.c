/* Captions of `plot` figures for reports (--describe FILE.json): what the
 * figure shows, the sample that entered and where each variable comes
 * from (source, indicator code, the provenance folder under
 * datasets/sources/), all from the variable catalogue. File names are
 * reduced to their base name so no local path reaches a report. */
#include "plot_cmds.h"

#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

const char *cli_base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : path ? path : "";
}

const cpr_var_info *cli_plot_var(const cpr_catalogue *cat, const char *source, const char *name)
{
    if (!cat) return NULL;
    /* the catalogue lists a name once per bundled file (poverty is in
     * lac_panel and aggregates): take the entry of the file drawn from */
    const char *base = cli_base_name(source);
    size_t stem = strcspn(base, ".");
    for (size_t i = 0; i < cat->n; i++) {
        const cpr_var_info *v = &cat->vars[i];
        if (strcmp(v->name, name) == 0 && v->file && strlen(v->file) == stem && strncmp(v->file, base, stem) == 0)
            return v;
    }
    return cpr_catalogue_find(cat, name);
}

/* "World Bank WDI [wb-wdi]" -> name "World Bank WDI", folder "wb-wdi". */
static void split_source(const char *s, char **name, char **folder)
{
    const char *lb = strrchr(s, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    if (lb && rb && rb[1] == '\0') {
        size_t n = (size_t)(lb - s);
        while (n > 0 && s[n - 1] == ' ') n--;
        *name = cpr_strndup(s, n);
        *folder = cpr_strndup(lb + 1, (size_t)(rb - lb - 1));
    } else {
        *name = cpr_strdup(s);
        *folder = NULL;
    }
}

static void append(char **s, const char *t)
{
    char *n = cpr_asprintf("%s%s", *s ? *s : "", t);
    free(*s);
    *s = n;
}

char *cli_plot_sources_text(const cpr_catalogue *cat, const char *source, char *const *vars, size_t n)
{
    char *out = NULL;
    int *done = cpr_calloc(n ? n : 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        const cpr_var_info *v = cli_plot_var(cat, source, vars[i]);
        if (!v || !*v->source) continue;
        char *name, *folder;
        split_source(v->source, &name, &folder);
        char *codes = NULL;
        /* every variable from the same source, its indicator codes together */
        for (size_t j = i; j < n; j++) {
            const cpr_var_info *w = cli_plot_var(cat, source, vars[j]);
            if (done[j] || !w || strcmp(w->source, v->source) != 0) continue;
            done[j] = 1;
            if (codes) append(&codes, ", ");
            append(&codes, *w->source_code ? w->source_code : w->name);
        }
        char *one = folder ? cpr_asprintf("%s, %s (provenance: datasets/sources/%s)", name, codes, folder)
                           : cpr_asprintf("%s, %s", name, codes);
        if (out) append(&out, "; ");
        append(&out, one);
        free(one); free(codes); free(name); free(folder);
    }
    free(done);
    char *full = cpr_asprintf("Source: %s; data file %s.", out ? out : "not catalogued", cli_base_name(source));
    free(out);
    return full;
}
