/* Shared inside src/claims only: the ${DATA} expansion of the runner and the
 * leave-one-country-out refits (loo.c) that `figure NAME loo SAVED TERM` uses. */
#ifndef CPR_CLAIMS_INTERNAL_H
#define CPR_CLAIMS_INTERNAL_H

#include "cpr/claims.h"

/* A word with ${DATA} replaced by datadir (a copy). */
char *cpr_claims_expand(const char *w, const char *datadir);

typedef struct {
    char *label;          /* "all 22 countries", "without ARG" */
    double est, lo, hi;   /* the term's estimate and CI (NAN when absent) */
    double nobs, nclusters;
} cpr_loo_row;

/* Row 0: the full result; then one refit per entity of its "sample", in
 * that order: words (the saved command, ${DATA} not yet expanded) with
 * --countries the others, --bootstrap 0 and --format json. */
int cpr_loo_refit(const char *exe, const char *datadir, char *const *words, size_t nw, const json_t *full,
                  const char *term, cpr_loo_row **rows, size_t *n);
void cpr_loo_rows_free(cpr_loo_row *rows, size_t n);
/* The coefficient plot of the rows, with a title and the source data. */
int cpr_loo_plot(const char *path, const cpr_loo_row *rows, size_t n, const char *term, const char *se_label);

#endif
