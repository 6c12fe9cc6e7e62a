/* The model rows of the multi-model table (modeltable_rows.c), beneath the
 * coefficient rows that modeltable.c builds, and the per-model statistics
 * both need. Private to src/report. */
#ifndef CPR_MODELTABLE_ROWS_H
#define CPR_MODELTABLE_ROWS_H

#include "modeltable_builder.h"

/* The number of bootstrap draws from the notes the bootstrap wrote; 0 when
 * not found. */
double cpr_mt_boot_draws(const cpr_result *r);
/* Some coefficient has a wild bootstrap p. */
int cpr_mt_has_boot(const cpr_result *r);
/* R² as fits the model (overall for RE, between for BE) and within R². */
double cpr_mt_r2(const cpr_result *r);
double cpr_mt_r2_within(const cpr_result *r);
/* N, entities, R², fixed effects, estimator, SEs, clusters, bootstrap. */
void cpr_mt_model_rows(builder *t, models_t m, size_t n);

#endif
