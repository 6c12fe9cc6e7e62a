/* Reading back the JSON that `regress --format json` writes (backend_json.c),
 * for figures drawn from saved models (plot coef, the manifest's coef figures)
 * and for tables of several saved models (`cpr-stats table`). */
#ifndef CPR_RESULT_JSON_H
#define CPR_RESULT_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "cpr/result.h"

/* A result holding term, estimate, conf_low, conf_high and, where present,
 * boot_conf_low/boot_conf_high (else NAN) of each entry of a
 * "coefficients" array; NULL when it is not a non-empty array. *incomplete
 * (may be NULL) receives the 1-based index of the first entry without a
 * term name or a finite estimate and interval, 0 when there is none. */
cpr_result *cpr_result_from_json_coefs(const json_t *coefficients, size_t *incomplete);

/* A whole saved model (the JSON `regress`, `threshold` and `gmm` write with
 * --format json): header fields, every coefficient column, stats, tests and
 * notes. CPR_E_MANIFEST naming `what` (e.g. the file name) when the object
 * is not such a model. */
int cpr_result_from_json(const json_t *root, const char *what, cpr_result **out);
/* cpr_result_from_json on a file; CPR_E_OPEN when it cannot be read. */
int cpr_result_read_json(const char *path, cpr_result **out);

#endif
