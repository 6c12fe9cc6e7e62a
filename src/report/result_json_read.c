/* The coefficient part of a saved regression (see include/cpr/result_json.h). */
#include "cpr/result_json.h"

#include <math.h>

static double num_or_nan(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

cpr_result *cpr_result_from_json_coefs(const json_t *co, size_t *incomplete)
{
    if (incomplete) *incomplete = 0;
    if (!json_is_array(co) || json_array_size(co) == 0) return NULL;
    size_t k = json_array_size(co);
    cpr_result *r = cpr_result_alloc(k);
    for (size_t j = 0; j < k; j++) {
        const json_t *c = json_array_get(co, j);
        const char *term = json_string_value(json_object_get(c, "term"));
        cpr_result_set_term(r, j, term ? term : "");
        r->estimate[j] = num_or_nan(c, "estimate");
        r->conf_low[j] = num_or_nan(c, "conf_low");
        r->conf_high[j] = num_or_nan(c, "conf_high");
        r->boot_low[j] = num_or_nan(c, "boot_conf_low");
        r->boot_high[j] = num_or_nan(c, "boot_conf_high");
        if (incomplete && !*incomplete &&
            (!term || !isfinite(r->estimate[j]) || !isfinite(r->conf_low[j]) || !isfinite(r->conf_high[j])))
            *incomplete = j + 1;
    }
    return r;
}
