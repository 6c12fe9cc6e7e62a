/* The options of a multi-model table (shared by `table` and `regress` with
 * several -f) and writing it: to standard output, or to -o FILE in the
 * format of --format or of the file's extension (.docx through pandoc). */
#include "cli.h"
#include "cpr/catalogue.h"
#include "cpr/modeltable.h"
#include "cpr/outfile.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

#define MAXLIST 256

/* Every value of a repeatable option, each split at commas (unless
 * `split` is 0); the strings live in *store (free with free_list). */
static size_t get_list(const cli_args *a, const char *name, int split, char ***store)
{
    const char *vals[MAXLIST];
    size_t nv = cli_get_all(a, name, vals, MAXLIST), n = 0;
    char **out = cpr_calloc(MAXLIST + 1, sizeof *out);
    for (size_t i = 0; i < nv; i++) {
        const char *p = vals[i];
        while (n < MAXLIST) {
            size_t len = split ? strcspn(p, ",") : strlen(p);
            char *s = cpr_malloc(len + 1);
            memcpy(s, p, len);
            s[len] = '\0';
            if (len) out[n++] = s; else free(s);
            if (!p[len]) break;
            p += len + 1;
        }
    }
    *store = out;
    return n;
}

static void free_list(char **l)
{
    for (size_t i = 0; l && l[i]; i++) free(l[i]);
    free(l);
}

static int format_of(const cli_args *a, const char *out, int *docx)
{
    const char *f = cli_get(a, "format");
    *docx = 0;
    if (!f && out) {
        const char *dot = strrchr(out, '.');
        f = dot && !strchr(dot, '/') ? dot + 1 : "text";
        if (!cpr_strcasecmp(f, "txt")) f = "text";
        if (cpr_format_parse(f) < 0 && cpr_strcasecmp(f, "docx")) f = "text";
    }
    if (!f) f = "text";
    if (!cpr_strcasecmp(f, "docx")) {
        *docx = 1;
        if (!out) { cli_usage_error(a->cmd, "Word output (--format docx) needs a file: -o table.docx"); return -1; }
        return CPR_FMT_HTML;
    }
    int fmt = cpr_format_parse(f);
    if (fmt < 0) cli_usage_error(a->cmd, "--format must be text|md|csv|json|latex|html|docx, not '%s'", f);
    return fmt;
}

int cli_table_write(const cli_args *a, const cpr_result *const *models, size_t n, int labels)
{
    cpr_mtable_opts o;
    cpr_mtable_opts_default(&o);
    const char *out = cli_get(a, "output");
    int docx = 0;
    int fmt = format_of(a, out, &docx);
    if (fmt < 0) return CPR_E_USAGE;
    const char *below = cli_get(a, "below");
    if (below) {
        if (!strcmp(below, "se")) o.below = CPR_MT_SE;
        else if (!strcmp(below, "t")) o.below = CPR_MT_T;
        else if (!strcmp(below, "p")) o.below = CPR_MT_P;
        else if (!strcmp(below, "ci")) o.below = CPR_MT_CI;
        else return cli_usage_error(a->cmd, "--below must be se|t|p|ci, not '%s'", below);
    }
    long digits;
    if (cli_get_long(a, "digits", 3, 0, 10, &digits)) return CPR_E_USAGE;
    o.digits = (int)digits;
    o.title = cli_get(a, "title");
    char **titles, **rename, **keep, **drop, **scale;
    o.ntitles = get_list(a, "titles", 1, &titles);
    o.nrename = get_list(a, "rename", 0, &rename);
    o.nkeep = get_list(a, "keep", 1, &keep);
    o.ndrop = get_list(a, "drop", 1, &drop);
    o.nscale = get_list(a, "scale", 1, &scale);
    o.titles = (const char *const *)titles;
    o.rename = (const char *const *)rename;
    o.keep = (const char *const *)keep;
    o.drop = (const char *const *)drop;
    o.scale = (const char *const *)scale;
    cpr_catalogue *cat = labels && !cli_has(a, "no-labels") ? cli_catalogue_optional() : NULL;
    o.cat = cat;
    cpr_error_scope es;   /* a usage error is printed here, as a usage error */
    cpr_error_scope_begin(&es);
    int rc = cpr_mtable_check(models, n, &o);
    if (rc == CPR_E_USAGE) { rc = cli_usage_error(a->cmd, "%s", cpr_last_error()); cpr_error_scope_end(&es); }
    else cpr_error_scope_return(&es, rc);
    cpr_doc *d = rc ? NULL : cpr_mtable_doc(models, n, &o);
    if (d && docx) rc = cpr_doc_write_docx(d, out);
    else if (d && out) {
        cpr_outfile *f = NULL;
        rc = cpr_outfile_open(out, &f);
        if (rc == CPR_OK) rc = cpr_doc_render(cpr_outfile_stream(f), d, (cpr_format)fmt);
        if (f) rc = rc == CPR_OK ? cpr_outfile_commit(f) : (cpr_outfile_abort(f), rc);
    } else if (d) rc = cpr_doc_render(stdout, d, (cpr_format)fmt);
    cpr_doc_free(d);
    cpr_catalogue_free(cat);
    free_list(titles); free_list(rename); free_list(keep); free_list(drop); free_list(scale);
    return rc;
}
