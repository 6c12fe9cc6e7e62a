/* Wild bootstrap weight vectors: enumerated, or drawn from a stream of
 * their own per draw, so that draw b is the same whichever thread makes it
 * and whatever the thread count. Not part of the public API. */
#ifndef CPR_BOOT_DRAWS_H
#define CPR_BOOT_DRAWS_H

#include "cpr/bootstrap.h"

#include <stddef.h>

/* The G weights of draw b: digit g of b in base 2 (Rademacher) or 6 (Webb)
 * when exact, else random for (seed, b). Weight g goes to v[g * stride]. */
void cpr_boot_draw_weights(unsigned long seed, size_t b, size_t G, int exact, cpr_boot_weights wt,
                           double *v, size_t stride);

/* The weights of draws b .. b + nl - 1 (nl <= L), draw b + l's weight g
 * in V[g * L + l] (the lanes of the bootstrap kernel); lanes nl .. L - 1
 * are zero. The same numbers as cpr_boot_draw_weights. */
void cpr_boot_draw_block(unsigned long seed, size_t b, size_t nl, size_t L, size_t G, int exact,
                         cpr_boot_weights wt, double *V);

#endif
