/* String helpers: case-insensitive compare, edit distance for "did you
 * mean" hints, and the missing-value spellings users meet in the wild. */
#include "cpr/util.h"

#include <ctype.h>
#include <string.h>

int cpr_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb || ca == 0) return ca - cb;
    }
}

int cpr_is_missing_token(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) { s++; len--; }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (len == 0) return 1;
    /* Hot path: called for every cell, so rule out numbers by first byte. */
    char c = s[0];
    if (c != 'N' && c != 'n' && c != '.' && c != '#') return 0;
    static const char *const tokens[] = {"NA", "..", ".", "NaN", "#N/A", "N/A", "NULL", "nan", "null"};
    for (size_t i = 0; i < sizeof tokens / sizeof *tokens; i++)
        if (strncmp(tokens[i], s, len) == 0 && tokens[i][len] == '\0') return 1;
    return 0;
}

size_t cpr_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *cpr_closest(const char *name, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    size_t limit = strlen(name) / 3 + 1;
    if (limit > 3) limit = 3;
    for (size_t i = 0; i < n; i++) {
        size_t d = cpr_edit_distance(name, candidates[i]);
        if (d < best_d) { best_d = d; best = candidates[i]; }
    }
    return best_d <= limit ? best : NULL;
}
