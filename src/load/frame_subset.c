/* Sample selection on a frame (years, countries): compaction in place. */
#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

int cpr_frame_subset(cpr_frame *f, const unsigned char *keep)
{
    size_t m = 0;
    for (size_t i = 0; i < f->nrow; i++) {
        if (!keep[i]) {
            for (size_t j = 0; j < f->ncol; j++)
                if (f->cols[j].type == CPR_COL_TEXT) free(f->cols[j].text[i]);
            continue;
        }
        for (size_t j = 0; j < f->ncol; j++) {
            cpr_column *c = &f->cols[j];
            if (c->type == CPR_COL_NUM) c->num[m] = c->num[i];
            else c->text[m] = c->text[i];
        }
        if (f->entity) { f->entity[m] = f->entity[i]; f->time[m] = f->time[i]; }
        m++;
    }
    f->nrow = m;
    if (!f->entity) return CPR_OK;
    /* Re-densify entity codes; order is preserved, so labels stay sorted. */
    int *map = cpr_malloc((f->n_entities ? f->n_entities : 1) * sizeof *map);
    for (size_t e = 0; e < f->n_entities; e++) map[e] = -1;
    for (size_t i = 0; i < m; i++) map[f->entity[i]] = 0;
    size_t ne = 0;
    for (size_t e = 0; e < f->n_entities; e++) {
        if (map[e] < 0) { free(f->entity_labels[e]); continue; }
        map[e] = (int)ne;
        f->entity_labels[ne++] = f->entity_labels[e];
    }
    for (size_t i = 0; i < m; i++) f->entity[i] = map[f->entity[i]];
    f->n_entities = ne;
    free(map);
    return CPR_OK;
}

long cpr_frame_entity_code(const cpr_frame *f, const char *label)
{
    for (size_t e = 0; e < f->n_entities; e++)
        if (strcmp(f->entity_labels[e], label) == 0) return (long)e;
    return -1;
}
