/* `vars`' printer (src/report/vars_doc.c). */
#ifndef CPR_VARS_DOC_H
#define CPR_VARS_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "cpr/catalogue.h"
#include "cpr/report.h"

/* The catalogue entries v[0..n-1] as one table "variables" (name, unit,
 * source, label; the machine formats also code, licence, transform, file).
 * Text shows it as a listing; with `full` the human formats show one block
 * per variable with every field instead. */
cpr_doc *cpr_vars_doc(const cpr_var_info *const *v, size_t n, int full);

#endif
