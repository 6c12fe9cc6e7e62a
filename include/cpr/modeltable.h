/* Several models side by side, one column each (Stata's esttab, R's
 * modelsummary and fixest's etable): estimates with stars and, beneath each,
 * the standard error in parentheses (or t, p or the CI); rows in a stable
 * order labelled from the variable catalogue; then N, entities, R², fixed
 * effects, SE type with clusters, the wild bootstrap and notes with the star
 * levels. Built as a cpr_doc, so every backend renders it (text, md, LaTeX,
 * CSV, HTML, JSON). */
#ifndef CPR_MODELTABLE_H
#define CPR_MODELTABLE_H

#include <stddef.h>

#include "cpr/catalogue.h"
#include "cpr/report.h"
#include "cpr/result.h"

/* What goes beneath each estimate. */
typedef enum { CPR_MT_SE, CPR_MT_T, CPR_MT_P, CPR_MT_CI } cpr_mt_below;

typedef struct {
    cpr_mt_below below;
    const char *title;               /* table title / LaTeX caption, may be NULL */
    const char *const *titles;       /* column titles (may be shorter than the models) */
    size_t ntitles;
    const char *const *rename;       /* "TERM=Label" pairs */
    size_t nrename;
    const char *const *keep, *const *drop; /* glob patterns (fnmatch) on term names */
    size_t nkeep, ndrop;
    const char *const *scale;        /* "VAR=FACTOR": coefficients of VAR multiplied by FACTOR */
    size_t nscale;
    int digits;                      /* decimals of estimates and SEs (3) */
    const cpr_catalogue *cat;        /* labels; NULL prints term names */
} cpr_mtable_opts;

void cpr_mtable_opts_default(cpr_mtable_opts *o);

/* Check the option lists (a malformed --rename or --scale, a --keep that
 * matches nothing): CPR_E_USAGE with a message. */
int cpr_mtable_check(const cpr_result *const *models, size_t n, const cpr_mtable_opts *o);

/* The table document. Blocks: "table" (the displayed table: CSV prints it,
 * JSON has it as rows), "notes" (attached to the table), "coefficients"
 * and "models" (machine only: every number at full precision). */
cpr_doc *cpr_mtable_doc(const cpr_result *const *models, size_t n, const cpr_mtable_opts *o);

/* The outcome of a formula ("poverty" of "poverty ~ aid | iso3"), caller
 * frees; NULL without a '~'. */
char *cpr_mtable_outcome(const char *formula);

/* The label of a term from the catalogue: "L2.log_aid" -> "<label of
 * log_aid> (t-2)", "log(gdp_pc)" -> "log <label>", "a:b" -> "<a> × <b>",
 * "(Intercept)" -> "Constant"; the term itself when not catalogued.
 * Caller frees. */
char *cpr_mtable_term_label(const cpr_catalogue *cat, const char *term);

#endif
