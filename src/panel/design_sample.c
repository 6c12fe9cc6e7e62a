/* The sample of a panel design as text, so reports can list the countries
 * and years that entered an estimate (issue 13: every sample is listed). */
#include "cpr/design_build.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(char **s, size_t *len, size_t *cap, const char *t)
{
    size_t n = strlen(t);
    if (*len + n + 1 > *cap) { *cap = 2 * (*len + n + 1); *s = cpr_realloc(*s, *cap); }
    memcpy(*s + *len, t, n + 1);
    *len += n;
}

/* mask: NULL = every row; else only rows with mask[i] != 0 (entities with
 * none are left out). Runs of consecutive years are counted within the mask. */
char *cpr_design_sample_text_mask(const cpr_design *d, const unsigned char *mask)
{
    if (!d || !d->entity || !d->time || !d->time_values || !d->entity_labels) return NULL;
    char *s = NULL, tmp[64];
    size_t len = 0, cap = 0;
    add(&s, &len, &cap, "");
    /* rows are sorted by entity, then time */
    for (size_t i = 0; i < d->n;) {
        int e = d->entity[i];
        size_t end = i;
        while (end < d->n && d->entity[end] == e) end++;
        size_t cnt = 0;
        int first = 1;
        for (size_t j = i; j < end;) {
            if (mask && !mask[j]) { j++; continue; }
            int y0 = d->time_values[d->time[j]], y1 = y0;
            size_t k = j + 1;
            while (k < end && (!mask || mask[k]) && d->time_values[d->time[k]] == y1 + 1) { y1++; k++; }
            if (first) {
                if (len) add(&s, &len, &cap, "; ");
                add(&s, &len, &cap, d->entity_labels[e] ? d->entity_labels[e] : "?");
            }
            if (y1 > y0) snprintf(tmp, sizeof tmp, "%s%d-%d", first ? " " : ", ", y0, y1);
            else snprintf(tmp, sizeof tmp, "%s%d", first ? " " : ", ", y0);
            add(&s, &len, &cap, tmp);
            cnt += k - j;
            first = 0;
            j = k;
        }
        if (cnt) {
            snprintf(tmp, sizeof tmp, " (%zu)", cnt);
            add(&s, &len, &cap, tmp);
        }
        i = end;
    }
    return s;
}

char *cpr_design_sample_text(const cpr_design *d) { return cpr_design_sample_text_mask(d, NULL); }
