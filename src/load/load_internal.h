/* Shared between the loader's files; not part of the public API. */
#ifndef CPR_LOAD_INTERNAL_H
#define CPR_LOAD_INTERNAL_H

#include "cpr/frame.h"
#include "cpr/strmap.h"

#include <stddef.h>

/* Whole file in memory, with the UTF-8 BOM skipped. */
typedef struct {
    char *buf;
    size_t len;
    size_t start;   /* 3 when a BOM was skipped */
} cpr_text;

int cpr_text_read(const char *path, cpr_text *t);
/* NUL bytes, control characters or invalid UTF-8 -> CPR_E_BINARY. */
int cpr_text_check(const char *path, const cpr_text *t);
/* The separator that occurs most often outside quotes in the first line. */
char cpr_text_guess_sep(const cpr_text *t);

/* Index of the entity / time column in `names`, or -1. `wanted` is the
 * user's --entity/--time (exact name) or NULL for auto-detection. */
long cpr_key_find_entity(char *const *names, size_t n, const char *wanted);
long cpr_key_find_time(char *const *names, size_t n, const char *wanted);
/* Long layout (iso3, year, indicator, value): index of indicator/value. */
int cpr_key_find_long(char *const *names, size_t n, long *ind, long *val);

/* Rows collected in file order, before sorting. */
typedef struct {
    size_t nrow;
    int *entity;       /* codes in first-seen order (strmap ids) */
    int *time;
    size_t *line;      /* source line of each row, for messages */
    cpr_strmap labels;
} cpr_keys;

/* Sort labels naturally, recode, order rows by (entity, time), reject
 * duplicate keys (naming both lines), and move everything into `f`. */
int cpr_frame_finish(cpr_frame *f, cpr_keys *k, const char *path);
/* Natural order for labels: integers numerically, otherwise strcmp. */
int cpr_label_cmp(const char *a, const char *b);

#endif
