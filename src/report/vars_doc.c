/* `vars`: catalogue entries -> document. One table of the variables; the
 * text backend shows it as the listing `vars` has always printed (name
 * column as wide as the longest name, unit 16 and source 30 characters,
 * longer text running over), and with `full` the human formats get one
 * block per variable with every field instead. */
#include "cpr/report.h"
#include "cpr/util.h"

#include <string.h>

cpr_doc *cpr_vars_doc(const cpr_var_info *const *v, size_t n, int full)
{
    cpr_doc *d = cpr_doc_alloc(NULL);
    size_t w = 8;
    for (size_t i = 0; i < n; i++)
        if (strlen(v[i]->name) > w) w = strlen(v[i]->name);
    const cpr_doc_col cols[] = {
        {"name", "name", CPR_SHOW_ALL},
        {"unit", "unit", CPR_SHOW_ALL},
        {"source", "source", CPR_SHOW_ALL},
        {"label", "label", CPR_SHOW_ALL},
        {"source_code", "code", CPR_SHOW_MACHINE},
        {"licence", "licence", CPR_SHOW_MACHINE},
        {"transform", "transform", CPR_SHOW_MACHINE},
        {"file", "file", CPR_SHOW_MACHINE},
    };
    const size_t width[8] = {w, 16, 30, 0, 0, 0, 0, 0};
    cpr_doc_block *t = cpr_doc_add_table(d, "variables", NULL, full ? CPR_SHOW_MACHINE : CPR_SHOW_ALL, 8, cols);
    cpr_doc_table_listing(t, width);
    for (size_t i = 0; i < n; i++) {
        cpr_cell row[8] = {
            cpr_cell_text(v[i]->name), cpr_cell_text(v[i]->unit), cpr_cell_text(v[i]->source),
            cpr_cell_text(v[i]->label), cpr_cell_text(v[i]->source_code), cpr_cell_text(v[i]->licence),
            cpr_cell_text(v[i]->transform), cpr_cell_text(v[i]->file),
        };
        cpr_doc_table_row(t, row);
    }
    for (size_t i = 0; full && i < n; i++) {
        cpr_doc_block *b = cpr_doc_add_entries(d, "variable", v[i]->name, CPR_SHOW_HUMAN);
        cpr_doc_entry_add(b, "label", "label", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->label));
        cpr_doc_entry_add(b, "unit", "unit", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->unit));
        cpr_doc_entry_add(b, "source", "source", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->source));
        cpr_doc_entry_add(b, "source_code", "code", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->source_code));
        cpr_doc_entry_add(b, "licence", "licence", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->licence));
        cpr_doc_entry_add(b, "transform", "transform", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->transform));
        cpr_doc_entry_add(b, "file", "file", CPR_SHOW_HUMAN, cpr_cell_text(v[i]->file));
    }
    return d;
}
