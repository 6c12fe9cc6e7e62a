/* --year / --years / --countries: the sample every analysis command can select;
 * --zero-missing: the user's explicit choice to read missing as zero. */
#include "cli.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_years(const cli_args *a, int *from, int *to)
{
    const char *y1 = cli_get(a, "year"), *yr = cli_get(a, "years");
    *from = -2147483647;
    *to = 2147483647;
    if (y1 && yr) return cli_usage_error(a->cmd, "give --year or --years, not both");
    if (y1) {
        char *end;
        long v = strtol(y1, &end, 10);
        if (*y1 == '\0' || *end) return cli_usage_error(a->cmd, "--year needs a year such as 2015, not '%s'", y1);
        *from = *to = (int)v;
    }
    if (yr) {
        int n = 0;
        if (sscanf(yr, "%d-%d%n", from, to, &n) != 2 || yr[n] != '\0' || *from > *to)
            return cli_usage_error(a->cmd, "--years needs FROM-TO such as 2000-2021, not '%s'", yr);
    }
    return 0;
}

/* Missing is not zero in the bundled data (GCDF has no rows before 2000 or
 * for the Taiwan-recognising states); a user who wants zeros says so. */
static int zero_missing(const cli_args *a, cpr_frame *f)
{
    const char *list = cli_get(a, "zero-missing");
    if (!list) return CPR_OK;
    char *copy = cpr_strdup(list);
    int rc = CPR_OK;
    for (char *tok = strtok(copy, ","); tok && !rc; tok = strtok(NULL, ",")) {
        const double *v;
        rc = cpr_frame_numeric(f, tok, &v);
        if (rc) break;
        double *w = f->cols[cpr_frame_find(f, tok)].num;
        for (size_t i = 0; i < f->nrow; i++)
            if (w[i] != w[i]) w[i] = 0.0;
    }
    free(copy);
    return rc;
}

int cli_apply_sample(const cli_args *a, cpr_frame *f)
{
    int from, to;
    if (parse_years(a, &from, &to)) return CPR_E_USAGE;
    int zrc = zero_missing(a, f);
    if (zrc) return zrc;
    const char *list = cli_get(a, "countries");
    int by_year = cli_has(a, "year") || cli_has(a, "years");
    if (!by_year && !list) return CPR_OK;
    if (!f->entity)
        return cli_usage_error(a->cmd, "--year, --years and --countries need panel data (entity and time columns)");
    unsigned char *want = NULL;
    int rc = CPR_OK;
    if (list) {
        want = cpr_calloc(f->n_entities + 1, 1);
        char *copy = cpr_strdup(list);
        if (!strtok(copy, ", ")) {   /* '' or ',': selects nothing, an error rather than "0 periods" */
            free(copy);
            free(want);
            return cli_usage_error(a->cmd, "--countries '%s' names no %s", list, f->entity_name);
        }
        strcpy(copy, list);
        for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
            long e = cpr_frame_entity_code(f, tok);
            if (e < 0) {
                const char *hint = cpr_closest(tok, (const char *const *)f->entity_labels, f->n_entities);
                rc = hint ? cpr_fail(CPR_E_NOVAR, "%s: no %s '%s' in the data; did you mean '%s'?", f->source, f->entity_name, tok, hint)
                          : cpr_fail(CPR_E_NOVAR, "%s: no %s '%s' in the data", f->source, f->entity_name, tok);
                break;
            }
            want[e] = 1;
        }
        free(copy);
    }
    if (!rc) {
        unsigned char *keep = cpr_malloc(f->nrow + 1);
        long tmin = 0, tmax = 0;
        size_t nkeep = 0;
        for (size_t i = 0; i < f->nrow; i++) {
            if (i == 0 || f->time[i] < tmin) tmin = f->time[i];
            if (i == 0 || f->time[i] > tmax) tmax = f->time[i];
            keep[i] = f->time[i] >= from && f->time[i] <= to && (!want || want[f->entity[i]]);
            nkeep += keep[i];
        }
        if (nkeep == 0 && f->nrow > 0) {
            /* an option that selects nothing is an error naming it */
            const char *yopt = cli_has(a, "year") ? "year" : "years";
            char *what = !by_year ? cpr_asprintf("--countries %s", list)
                         : list ? cpr_asprintf("--%s %s with --countries %s", yopt, cli_get(a, yopt), list)
                                : cpr_asprintf("--%s %s", yopt, cli_get(a, yopt));
            rc = cli_usage_error(a->cmd, "%s selects no rows of %s (%s %ld to %ld)", what, f->source,
                                 f->time_name, tmin, tmax);
            free(what);
        } else cpr_frame_subset(f, keep);
        free(keep);
    }
    free(want);
    return rc;
}
