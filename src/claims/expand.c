/* ${DATA} in manifest words: the bundled data directory (the runner and the
 * leave-one-country-out refits both expand it). */
#include "claims_internal.h"

#include "cpr/util.h"

#include <string.h>

char *cpr_claims_expand(const char *w, const char *datadir)
{
    const char *at = strstr(w, "${DATA}");
    if (!at || !datadir) return cpr_strdup(w);
    return cpr_asprintf("%.*s%s%s", (int)(at - w), w, datadir, at + 7);
}
