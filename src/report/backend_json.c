/* JSON backend (jansson): top-level header fields become members of the
 * root object, titled entry blocks nested objects, tables arrays of row
 * objects and line blocks arrays of strings. NaN -> null; 17 significant
 * digits so every double reads back exactly. */
#include "cpr/report.h"
#include "cpr/status.h"

#include <jansson.h>
#include <math.h>

static json_t *cell_json(const cpr_cell *c)
{
    if (c->type == CPR_CELL_TEXT) {
        json_t *s = json_string(c->text);
        return s ? s : json_string("(invalid UTF-8)");
    }
    if (c->type == CPR_CELL_NA || !isfinite(c->num)) return json_null();
    if (c->fmt == CPR_NUM_INT && c->num == floor(c->num) && fabs(c->num) < 9.0e15)
        return json_integer((json_int_t)c->num);
    return json_real(c->num);
}

static json_t *table_json(const cpr_doc_block *b)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < b->nrow; i++) {
        json_t *row = json_object();
        for (size_t j = 0; j < b->ncol; j++)
            if (cpr_show_machine(b->cols[j].show))
                json_object_set_new(row, b->cols[j].key, cell_json(&b->cells[i * b->ncol + j]));
        json_array_append_new(arr, row);
    }
    return arr;
}

static int render(FILE *out, const cpr_doc *d)
{
    json_t *root = json_object();
    for (size_t i = 0; i < d->nblock; i++) {
        const cpr_doc_block *b = &d->blocks[i];
        if (!cpr_show_machine(b->show)) continue;
        if (b->type == CPR_BLOCK_ENTRIES) {
            json_t *obj = b->key ? json_object() : root;
            for (size_t k = 0; k < b->nrow; k++)
                if (cpr_show_machine(b->entries[k].show))
                    json_object_set_new(obj, b->entries[k].key, cell_json(&b->entries[k].cell));
            if (b->key) json_object_set_new(root, b->key, obj);
        } else if (b->type == CPR_BLOCK_TABLE) {
            json_object_set_new(root, b->key ? b->key : "table", table_json(b));
        } else {
            json_t *arr = json_array();
            for (size_t k = 0; k < b->nrow; k++) {
                json_t *s = json_string(b->lines[k]);
                json_array_append_new(arr, s ? s : json_string("(invalid UTF-8)"));
            }
            json_object_set_new(root, b->key ? b->key : "lines", arr);
        }
    }
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(root);
    fputc('\n', out);
    return rc == 0 ? CPR_OK : cpr_fail(CPR_E_WRITE, "could not write the JSON output");
}

const cpr_backend cpr_backend_json = {"json", render};
