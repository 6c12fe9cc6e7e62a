/* The coefficient part of a saved regression (see include/cpr/result_json.h). */
#include "cpr/result_json.h"

#include "cpr/status.h"
#include "cpr/util.h"

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

static char *str_or_null(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? cpr_strdup(s) : NULL;
}

static size_t count_of(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_integer(v) && json_integer_value(v) > 0 ? (size_t)json_integer_value(v) : 0;
}

int cpr_result_from_json(const json_t *root, const char *what, cpr_result **out)
{
    *out = NULL;
    const json_t *co = json_object_get(root, "coefficients");
    if (!json_is_object(root) || !json_is_array(co) || !json_is_string(json_object_get(root, "model")))
        return cpr_fail(CPR_E_MANIFEST, "%s: not a saved model (expected the JSON of 'regress --format json', "
                        "with \"model\" and \"coefficients\")", what);
    size_t k = json_array_size(co);
    cpr_result *r = cpr_result_alloc(k);
    r->model = str_or_null(root, "model");
    r->formula = str_or_null(root, "formula");
    r->estimator = str_or_null(root, "estimator");
    r->se_type = str_or_null(root, "se_type");
    r->se_label = str_or_null(root, "se_label");
    r->nobs = count_of(root, "nobs");
    r->n_dropped = count_of(root, "n_dropped");
    r->n_groups = count_of(root, "n_groups");
    r->n_periods = count_of(root, "n_periods");
    r->n_clusters = count_of(root, "n_clusters");
    double cl = num_or_nan(root, "conf_level");
    r->conf_level = isfinite(cl) ? cl : 0.95;
    for (size_t j = 0; j < k; j++) {
        const json_t *c = json_array_get(co, j);
        const char *term = json_string_value(json_object_get(c, "term"));
        if (!json_is_object(c) || !term) {
            cpr_result_free(r);
            return cpr_fail(CPR_E_MANIFEST, "%s: coefficient %zu has no \"term\"", what, j + 1);
        }
        cpr_result_set_term(r, j, term);
        r->estimate[j] = num_or_nan(c, "estimate");
        r->std_error[j] = num_or_nan(c, "std_error");
        r->statistic[j] = num_or_nan(c, "statistic");
        r->p_value[j] = num_or_nan(c, "p_value");
        r->conf_low[j] = num_or_nan(c, "conf_low");
        r->conf_high[j] = num_or_nan(c, "conf_high");
        r->boot_p[j] = num_or_nan(c, "boot_p_value");
        r->boot_low[j] = num_or_nan(c, "boot_conf_low");
        r->boot_high[j] = num_or_nan(c, "boot_conf_high");
    }
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)json_object_get(root, "stats"), key, v)
        cpr_result_add_stat(r, key, key, json_is_number(v) ? json_number_value(v) : NAN, json_is_integer(v));
    size_t i;
    json_array_foreach(json_object_get(root, "tests"), i, v) {
        const char *name = json_string_value(json_object_get(v, "name"));
        const char *label = json_string_value(json_object_get(v, "label"));
        const char *note = json_string_value(json_object_get(v, "note"));
        cpr_result_add_test(r, name ? name : "", label ? label : (name ? name : ""), num_or_nan(v, "statistic"),
                            num_or_nan(v, "df1"), num_or_nan(v, "df2"), num_or_nan(v, "p_value"), note);
    }
    json_array_foreach(json_object_get(root, "notes"), i, v)
        if (json_is_string(v)) cpr_result_add_note(r, "%s", json_string_value(v));
    *out = r;
    return CPR_OK;
}

int cpr_result_read_json(const char *path, cpr_result **out)
{
    *out = NULL;
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        FILE *f = fopen(path, "r");
        if (!f) return cpr_fail(CPR_E_OPEN, "%s: cannot open the saved model", path);
        fclose(f);
        return cpr_fail(CPR_E_MANIFEST, "%s:%d:%d: not valid JSON: %s", path, err.line, err.column, err.text);
    }
    int rc = cpr_result_from_json(root, path, out);
    json_decref(root);
    return rc;
}
