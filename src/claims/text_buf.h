/* Private to the report writers (report.c, report_figure.c): a growing,
 * always NUL-terminated text buffer and HTML escaping into it. */
#ifndef CPR_CLAIMS_TEXT_BUF_H
#define CPR_CLAIMS_TEXT_BUF_H

#include "cpr/util.h"

#include <string.h>

typedef struct { char *s; size_t n, cap; } text_buf;

static inline void put(text_buf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) { b->cap = 2 * (b->n + len + 1); b->s = cpr_realloc(b->s, b->cap); }
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
}

static inline void puts_(text_buf *b, const char *s) { put(b, s, strlen(s)); }

static inline void html_text(text_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': puts_(b, "&lt;"); break;
        case '>': puts_(b, "&gt;"); break;
        case '&': puts_(b, "&amp;"); break;
        case '"': puts_(b, "&quot;"); break;
        default: put(b, s, 1);
        }
    }
}

#endif
