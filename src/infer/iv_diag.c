/* Entry point of the IV diagnostics (see cpr/iv_diag.h). */
#include "cpr/iv_diag.h"
#include "iv_internal.h"
#include "cpr/status.h"

int cpr_iv_diagnostics_add(const cpr_design *d, const cpr_model_spec *s, cpr_result *r)
{
    if (d->kx_endog == 0 || d->kz < d->kx_endog) return CPR_OK;
    iv_part p;
    int rc = iv_part_build(d, s, &p);
    if (rc != CPR_OK) return rc;
    rc = iv_weak_add(&p, s, r);
    if (rc == CPR_OK) rc = iv_overid_add(&p, s, r, r);
    if (rc == CPR_OK) rc = iv_ar_add(&p, s->conf_level > 0 ? s->conf_level : 0.95, r);
    iv_part_clear(&p);
    return rc;
}
