/* String interning: maps strings to dense ids 0..n-1 in first-seen order,
 * in O(1) expected time (open addressing, FNV-1a). */
#ifndef CPR_STRMAP_H
#define CPR_STRMAP_H

#include <stddef.h>

typedef struct {
    char **keys;      /* n keys, owned, in id order */
    size_t n, cap_keys;
    int *slots;       /* hash slots holding id+1, 0 = empty */
    size_t nslots;
} cpr_strmap;

void cpr_strmap_init(cpr_strmap *m);
void cpr_strmap_free(cpr_strmap *m);          /* frees keys too */
/* Id of `s` (len bytes), adding it when new. */
int cpr_strmap_intern(cpr_strmap *m, const char *s, size_t len);
/* Id of `s` or -1. */
int cpr_strmap_get(const cpr_strmap *m, const char *s, size_t len);
/* Hand the key array to the caller (the map forgets it). */
char **cpr_strmap_take_keys(cpr_strmap *m, size_t *n);

#endif
