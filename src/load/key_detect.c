/* Which columns are the panel key. Names are matched case-insensitively in
 * priority order, so "iso3" wins over "country" when a file has both. */
#include "load_internal.h"
#include "cpr/util.h"

#include <string.h>

static const char *const entity_names[] = {
    "iso3", "iso3c", "iso", "iso_code", "countrycode", "country_code", "country code",
    "code", "entity", "id", "firm", "unit", "panel", "panelvar", "group", "country",
    "countryname", "country_name", "country name", "state", "region"};
static const char *const time_names[] = {"year", "time", "period", "yr", "t", "date"};

static long find_name(char *const *names, size_t n, const char *const *cands, size_t nc)
{
    for (size_t c = 0; c < nc; c++)
        for (size_t j = 0; j < n; j++)
            if (cpr_strcasecmp(names[j], cands[c]) == 0) return (long)j;
    return -1;
}

static long find_exact(char *const *names, size_t n, const char *wanted)
{
    for (size_t j = 0; j < n; j++)
        if (strcmp(names[j], wanted) == 0) return (long)j;
    return -1;
}

long cpr_key_find_entity(char *const *names, size_t n, const char *wanted)
{
    if (wanted) return find_exact(names, n, wanted);
    return find_name(names, n, entity_names, sizeof entity_names / sizeof *entity_names);
}

long cpr_key_find_time(char *const *names, size_t n, const char *wanted)
{
    if (wanted) return find_exact(names, n, wanted);
    return find_name(names, n, time_names, sizeof time_names / sizeof *time_names);
}

int cpr_key_find_long(char *const *names, size_t n, long *ind, long *val)
{
    static const char *const ind_names[] = {"indicator", "indicator_code", "series", "variable", "var"};
    static const char *const val_names[] = {"value", "val"};
    *ind = find_name(names, n, ind_names, sizeof ind_names / sizeof *ind_names);
    *val = find_name(names, n, val_names, sizeof val_names / sizeof *val_names);
    return *ind >= 0 && *val >= 0;
}
