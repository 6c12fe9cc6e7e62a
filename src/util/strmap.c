/* Open-addressing string -> id map used for entity labels and long-format
 * indicator names. */
#include "cpr/strmap.h"
#include "cpr/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

void cpr_strmap_init(cpr_strmap *m) { memset(m, 0, sizeof *m); }

void cpr_strmap_free(cpr_strmap *m)
{
    for (size_t i = 0; i < m->n; i++) free(m->keys[i]);
    free(m->keys);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static size_t find_slot(const cpr_strmap *m, const char *s, size_t len)
{
    size_t mask = m->nslots - 1, i = (size_t)fnv1a(s, len) & mask;
    for (;;) {
        int id = m->slots[i];
        if (id == 0) return i;
        const char *k = m->keys[id - 1];
        if (strncmp(k, s, len) == 0 && k[len] == '\0') return i;
        i = (i + 1) & mask;
    }
}

static void grow(cpr_strmap *m)
{
    size_t ns = m->nslots ? 2 * m->nslots : 64;
    free(m->slots);
    m->slots = cpr_calloc(ns, sizeof *m->slots);
    m->nslots = ns;
    for (size_t id = 0; id < m->n; id++) {
        const char *k = m->keys[id];
        m->slots[find_slot(m, k, strlen(k))] = (int)id + 1;
    }
}

int cpr_strmap_get(const cpr_strmap *m, const char *s, size_t len)
{
    if (!m->nslots) return -1;
    int id = m->slots[find_slot(m, s, len)];
    return id - 1;
}

int cpr_strmap_intern(cpr_strmap *m, const char *s, size_t len)
{
    if (2 * (m->n + 1) > m->nslots) grow(m);
    size_t slot = find_slot(m, s, len);
    if (m->slots[slot]) return m->slots[slot] - 1;
    if (m->n == m->cap_keys) {
        m->cap_keys = m->cap_keys ? 2 * m->cap_keys : 64;
        m->keys = cpr_realloc(m->keys, m->cap_keys * sizeof *m->keys);
    }
    m->keys[m->n] = cpr_strndup(s, len);
    m->slots[slot] = (int)(++m->n);
    return (int)m->n - 1;
}

char **cpr_strmap_take_keys(cpr_strmap *m, size_t *n)
{
    char **k = m->keys;
    *n = m->n;
    m->keys = NULL;
    m->n = m->cap_keys = 0;
    free(m->slots);
    m->slots = NULL;
    m->nslots = 0;
    return k;
}
