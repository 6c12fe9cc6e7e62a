/* The variable catalogue (datasets/catalogue.csv): one row per variable
 * with label, unit, source and licence. `vars` prints it; tables and plots
 * take their labels and units from it. */
#ifndef CPR_CATALOGUE_H
#define CPR_CATALOGUE_H

#include <stddef.h>

typedef struct {
    char *name, *label, *unit, *source, *source_code, *licence, *transform, *file;
} cpr_var_info;

typedef struct {
    size_t n;
    cpr_var_info *vars;
} cpr_catalogue;

int cpr_catalogue_load(const char *path, cpr_catalogue **out);
/* The same with only name, label, unit and source filled (the other
 * fields are ""): what labels, units and source notes need, at half the
 * cost. The file is checked as by cpr_catalogue_load. */
int cpr_catalogue_load_labels(const char *path, cpr_catalogue **out);
void cpr_catalogue_free(cpr_catalogue *c);
/* NULL when the variable is not catalogued (e.g. a user's own file). */
const cpr_var_info *cpr_catalogue_find(const cpr_catalogue *c, const char *name);
/* "Label (unit)" for axes and tables; the bare name when uncatalogued.
 * Caller frees. */
char *cpr_catalogue_axis_label(const cpr_catalogue *c, const char *name);

#endif
