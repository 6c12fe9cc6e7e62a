/* `correlate`'s printer (src/report/correlate_doc.c). */
#ifndef CPR_CORRELATE_DOC_H
#define CPR_CORRELATE_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "cpr/correlate.h"
#include "cpr/report.h"

/* Correlations: one row per method (method, estimate, statistic, df,
 * p_value, conf_low, conf_high), plus x, y, nobs, n_dropped, conf_level. */
cpr_doc *cpr_correlation_doc(const cpr_correlation *c);
int cpr_report_correlation(FILE *out, const cpr_correlation *c, cpr_format fmt);

#endif
