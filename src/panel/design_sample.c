/* The sample of a panel design as text, so reports can list the countries
 * and years that entered an estimate (issue 13: every sample is listed). */
#include "cpr/design_build.h"
#include "cpr/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text is written twice: a first pass (s == NULL) only counts, the
 * second writes into one buffer of that size. A big panel's sample runs to
 * tens of MB, and growing it by realloc copied it over and over. */
typedef struct {
    char *s;
    size_t len;
} text_out;

static void add(text_out *o, const char *t)
{
    size_t n = strlen(t);
    if (o->s) memcpy(o->s + o->len, t, n + 1);
    o->len += n;
}

/* Decimal digits of v after prefix p into buf (what snprintf "%s%d" gives;
 * a big panel has hundreds of thousands of year runs). Returns buf. */
static char *put_int(char *buf, const char *p, long v)
{
    size_t k = strlen(p);
    memcpy(buf, p, k);
    char tmp[24];
    int m = 0, neg = v < 0;
    unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
    do { tmp[m++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (neg) buf[k++] = '-';
    while (m) buf[k++] = tmp[--m];
    buf[k] = 0;
    return buf;
}

static void sample_write(const cpr_design *d, const unsigned char *mask, text_out *o)
{
    char tmp[64];
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
                if (o->len) add(o, "; ");
                add(o, d->entity_labels[e] ? d->entity_labels[e] : "?");
            }
            add(o, put_int(tmp, first ? " " : ", ", y0));
            if (y1 > y0) add(o, put_int(tmp, "-", y1));
            cnt += k - j;
            first = 0;
            j = k;
        }
        if (cnt) {
            snprintf(tmp, sizeof tmp, " (%zu)", cnt);
            add(o, tmp);
        }
        i = end;
    }
}

/* mask: NULL = every row; else only rows with mask[i] != 0 (entities with
 * none are left out). Runs of consecutive years are counted within the mask. */
char *cpr_design_sample_text_mask(const cpr_design *d, const unsigned char *mask)
{
    if (!d || !d->entity || !d->time || !d->time_values || !d->entity_labels) return NULL;
    text_out o = { NULL, 0 };
    sample_write(d, mask, &o);
    o.s = cpr_malloc(o.len + 1);
    o.s[0] = 0;
    o.len = 0;
    sample_write(d, mask, &o);
    return o.s;
}

char *cpr_design_sample_text(const cpr_design *d) { return cpr_design_sample_text_mask(d, NULL); }
