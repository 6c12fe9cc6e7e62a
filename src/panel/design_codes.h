/* Frame + formula -> regression design: the dense entity, time and
 * cluster codes of the design's rows (src/panel/design_codes.c), apart from
 * the evaluation of the terms and the choice of rows (design_build.c). */
#ifndef CPR_DESIGN_CODES_H
#define CPR_DESIGN_CODES_H

#include <stddef.h>

#include "cpr/design.h"
#include "cpr/frame.h"

/* Frame row of design row r: rows[r], or r itself when every frame row is
 * used (rows == NULL: no index array of n entries). */
static inline size_t row_at(const size_t *rows, size_t r) { return rows ? rows[r] : r; }

typedef struct {
    const char *name;
    long col;      /* frame column, or -1 for the entity / time key */
    int is_entity; /* else the time key when col < 0 */
} cluster_src;

/* The cluster variable `name`: the entity or time key, or a frame column
 * (an unknown name is an error naming it). */
int design_find_cluster(const cpr_frame *f, const char *name, cluster_src *cs);
/* 1 when frame row i has no value of the cluster variable. */
int design_cluster_missing(const cpr_frame *f, const cluster_src *cs, size_t i);
/* d->entity, entity_labels, n_entities, time, time_values, n_times over
 * the d->n rows (frame rows `rows`, sorted by entity then time). */
void design_panel_codes(const cpr_frame *f, const size_t *rows, cpr_design *d);
/* Dense cluster codes (0..G-1 in sorted value order) of the design's rows;
 * returns G. */
size_t design_cluster_codes(const cpr_frame *f, const cluster_src *cs, const size_t *rows, const cpr_design *d, int *codes);

#endif
