/* Format names and the dispatch from a format to its backend. */
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <string.h>

int cpr_format_parse(const char *name)
{
    if (!name) return -1;
    if (!cpr_strcasecmp(name, "text") || !cpr_strcasecmp(name, "txt")) return CPR_FMT_TEXT;
    if (!cpr_strcasecmp(name, "md") || !cpr_strcasecmp(name, "markdown")) return CPR_FMT_MD;
    if (!cpr_strcasecmp(name, "csv")) return CPR_FMT_CSV;
    if (!cpr_strcasecmp(name, "json")) return CPR_FMT_JSON;
    if (!cpr_strcasecmp(name, "latex") || !cpr_strcasecmp(name, "tex")) return CPR_FMT_LATEX;
    if (!cpr_strcasecmp(name, "html") || !cpr_strcasecmp(name, "htm")) return CPR_FMT_HTML;
    return -1;
}

static const cpr_backend *backend_of(cpr_format fmt)
{
    switch (fmt) {
    case CPR_FMT_MD: return &cpr_backend_md;
    case CPR_FMT_CSV: return &cpr_backend_csv;
    case CPR_FMT_JSON: return &cpr_backend_json;
    case CPR_FMT_LATEX: return &cpr_backend_latex;
    case CPR_FMT_HTML: return &cpr_backend_html;
    case CPR_FMT_TEXT:
    default: return &cpr_backend_text;
    }
}

const char *cpr_format_name(cpr_format fmt) { return backend_of(fmt)->name; }

int cpr_doc_render(FILE *out, const cpr_doc *d, cpr_format fmt)
{
    int rc = backend_of(fmt)->render(out, d);
    if (rc == CPR_OK && (ferror(out) || fflush(out) != 0))
        rc = cpr_fail(CPR_E_WRITE, "could not write the %s output", backend_of(fmt)->name);
    return rc;
}
