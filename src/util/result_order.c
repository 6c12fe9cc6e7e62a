/* Where later steps put their lines in a result. An estimator returns its
 * fit before inference runs, but the printed order (variance block, then
 * the model's own statistics) is part of the output: the estimator marks
 * the spot and inference moves its block there. */
#include "cpr/result.h"
#include "cpr/util.h"

#include <stdlib.h>
#include <string.h>

cpr_result_mark cpr_result_mark_now(const cpr_result *r)
{
    cpr_result_mark m = { r->nstats, r->ntests, r->nnotes };
    return m;
}

/* a[at..since) and a[since..n) swap places (elements of size sz). */
static void rotate(void *base, size_t sz, size_t at, size_t since, size_t n)
{
    if (at >= since || since >= n) return;
    char *a = base;
    size_t head = (since - at) * sz, tail = (n - since) * sz;
    char *tmp = cpr_malloc(head);
    memcpy(tmp, a + at * sz, head);
    memmove(a + at * sz, a + since * sz, tail);
    memcpy(a + at * sz + tail, tmp, head);
    free(tmp);
}

void cpr_result_move_since(cpr_result *r, cpr_result_mark at, cpr_result_mark since)
{
    rotate(r->stats, sizeof *r->stats, at.nstats, since.nstats, r->nstats);
    rotate(r->tests, sizeof *r->tests, at.ntests, since.ntests, r->ntests);
    rotate(r->notes, sizeof *r->notes, at.nnotes, since.nnotes, r->nnotes);
}

int cpr_result_set_stat(cpr_result *r, const char *name, double value)
{
    for (size_t i = 0; i < r->nstats; i++)
        if (strcmp(r->stats[i].name, name) == 0) { r->stats[i].value = value; return 1; }
    return 0;
}
