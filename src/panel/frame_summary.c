/* Panel layout and per-column summaries of a frame (cpr/frame_summary.h). */
#include "cpr/frame_summary.h"
#include "cpr/util.h"

#include <math.h>
#include <stdlib.h>

void cpr_panel_summarize(const cpr_frame *f, cpr_panel_summary *s)
{
    int *times;
    size_t nt;
    cpr_frame_periods(f, &times, &nt);
    size_t *per = cpr_calloc(f->n_entities + 1, sizeof *per);
    for (size_t i = 0; i < f->nrow; i++) per[f->entity[i]]++;
    size_t minT = (size_t)-1, maxT = 0;
    for (size_t e = 0; e < f->n_entities; e++) {
        if (per[e] < minT) minT = per[e];
        if (per[e] > maxT) maxT = per[e];
    }
    *s = (cpr_panel_summary){
        .n_entities = f->n_entities, .n_periods = nt, .nrow = f->nrow,
        .first_period = nt ? times[0] : 0, .last_period = nt ? times[nt - 1] : 0,
        .min_per_entity = minT == (size_t)-1 ? 0 : minT, .max_per_entity = maxT,
        .balanced = minT == nt};
    free(per);
    free(times);
}

void cpr_column_summarize(const cpr_frame *f, size_t j, cpr_column_summary *s)
{
    const cpr_column *c = &f->cols[j];
    *s = (cpr_column_summary){.min = NAN, .mean = NAN, .max = NAN};
    if (c->type == CPR_COL_TEXT) {
        s->is_text = 1;
        for (size_t i = 0; i < f->nrow; i++) s->n += c->text[i] != NULL;
        return;
    }
    size_t n = 0;
    int first = 0, last = 0;
    double mn = INFINITY, mx = -INFINITY, sum = 0;
    for (size_t i = 0; i < f->nrow; i++) {
        double v = c->num[i];
        if (isnan(v)) continue;
        if (f->time) {
            if (n == 0 || f->time[i] < first) first = f->time[i];
            if (n == 0 || f->time[i] > last) last = f->time[i];
        }
        n++;
        sum += v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
    }
    s->n = n;
    if (n == 0) return;
    s->has_periods = f->time != NULL;
    s->first = first;
    s->last = last;
    s->min = mn;
    s->max = mx;
    /* the mean of values near DBL_MAX: a scaled sum cannot overflow */
    double mean = isfinite(sum) ? sum / (double)n : NAN;
    if (!isfinite(mean)) {
        double scale = fmax(fabs(mn), fabs(mx)), ss = 0;
        for (size_t i = 0; i < f->nrow; i++)
            if (!isnan(c->num[i])) ss += c->num[i] / scale;
        mean = ss / (double)n * scale;
    }
    s->mean = isfinite(mean) ? mean : NAN;
}
