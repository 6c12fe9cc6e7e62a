/* Small helpers used everywhere: checked allocation, string utilities,
 * locale-independent number parsing and edit distance for hints. */
#ifndef CPR_UTIL_H
#define CPR_UTIL_H

#include <stddef.h>

void *cpr_malloc(size_t n);          /* aborts with exit 18 on failure */
void *cpr_calloc(size_t n, size_t size);
void *cpr_realloc(void *p, size_t n);
/* A big block (4 MiB and up) no longer needed, kept for the next
 * cpr_malloc of about its size (at most 1/8 larger than asked) instead of
 * being returned to the kernel: its pages are already touched, and first
 * touching fresh pages (a fault and a zeroed page each) is dear on a
 * virtual machine. Small blocks, or when the few slots are full: free().
 * cpr_recycle_drop frees whatever was not taken. Thread-safe. */
void cpr_recycle(void *p);
void cpr_recycle_drop(void);
char *cpr_strdup(const char *s);
char *cpr_strndup(const char *s, size_t n);
char *cpr_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cpr_strcasecmp(const char *a, const char *b);

/* Parse a complete field as a finite double in the C locale. Returns 1 on
 * success, 0 when the text is not a number, -1 when it is a number that is
 * not finite (inf, overflow). Leading/trailing blanks are allowed. */
int cpr_parse_double(const char *s, size_t len, double *out);
/* Is the field one of the missing-value spellings (empty, NA, .., ., NaN,
 * #N/A, N/A, NULL)? */
int cpr_is_missing_token(const char *s, size_t len);

/* Turn GSL's aborting error handler off for the whole program (every GSL
 * status is checked by its caller); GSL_ENOMEM exits 18 like cpr_malloc.
 * Called first thing in main and in the fuzz harnesses. */
void cpr_gsl_guard_install(void);

size_t cpr_edit_distance(const char *a, const char *b);
/* Closest candidate to `name` within a sensible distance, or NULL. */
const char *cpr_closest(const char *name, const char *const *candidates, size_t n);

#endif
