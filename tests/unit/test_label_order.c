/* Entity labels must sort in a total order: qsort and the merge's binary
 * search rely on it. A pairwise mix of numeric and text comparison
 * ("1a" < "9" < "10" < "1a") is not transitive and made merges of files
 * with mixed labels read past an array. Checks antisymmetry and
 * transitivity over every triple of a label set, then merges two files
 * whose labels mix numbers and text in shuffled orders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "temp_file.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cpr/frame.h"
#include "cpr/status.h"
#include "../../src/load/load_internal.h"

static const char *const labels[] = {"1a", "9", "10", "1", "01", "-3", "b", "B", "10a", "a10",
                                     "", "99999999999999999999", "2", "x", "0", "+5", "5"};
#define NL (sizeof labels / sizeof *labels)

static int sgn(int v) { return (v > 0) - (v < 0); }

static void test_total_order(void **state)
{
    (void)state;
    for (size_t i = 0; i < NL; i++) {
        assert_int_equal(cpr_label_cmp(labels[i], labels[i]), 0);
        for (size_t j = 0; j < NL; j++) {
            int ij = sgn(cpr_label_cmp(labels[i], labels[j])), ji = sgn(cpr_label_cmp(labels[j], labels[i]));
            assert_int_equal(ij, -ji);
            if (i != j) assert_int_not_equal(ij, 0);   /* distinct labels never tie */
            for (size_t k = 0; k < NL; k++)
                if (ij < 0 && cpr_label_cmp(labels[j], labels[k]) < 0)
                    assert_true(cpr_label_cmp(labels[i], labels[k]) < 0);
        }
    }
}

static void test_merge_mixed_labels(void **state)
{
    (void)state;
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        char a[4096] = "id,year,u\n", b[4096] = "id,year,v\n";
        for (size_t i = 0; i < NL; i++) {
            if (!*labels[i]) continue;               /* an empty key is an error, not a label */
            seed = seed * 1103515245u + 12345u;
            size_t p = (seed >> 8) % NL;
            if (!*labels[p]) continue;
            char line[64];
            snprintf(line, sizeof line, "%s,2000,%zu\n", labels[p], i);
            if (!strstr(a, line)) strcat(a, line);
            snprintf(line, sizeof line, "%s,%d,%zu\n", labels[(p + i) % NL][0] ? labels[(p + i) % NL] : "z", 2000 + (int)(i % 2), i);
            if (!strstr(b, line)) strcat(b, line);
        }
        char *pa = unit_temp_file(a), *pb = unit_temp_file(b);
        const char *paths[2] = {pa, pb};
        cpr_load_opts o = {0};
        o.quiet = 1;
        o.entity = "id";
        o.time = "year";
        cpr_frame *f = NULL;
        int rc = cpr_frame_read_many(paths, 2, &o, &f);
        if (rc == CPR_OK) {
            for (size_t e = 1; e < f->n_entities; e++)
                assert_true(cpr_label_cmp(f->entity_labels[e - 1], f->entity_labels[e]) < 0);
            for (size_t r = 1; r < f->nrow; r++)
                assert_true(f->entity[r - 1] < f->entity[r] ||
                            (f->entity[r - 1] == f->entity[r] && f->time[r - 1] < f->time[r]));
        } else {
            assert_int_equal(rc, CPR_E_DUPKEY);    /* a label drawn twice for one year in one file */
        }
        cpr_frame_free(f);
        cpr_error_clear();
        unlink(pa); unlink(pb);
        free(pa); free(pb);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_total_order),
        cmocka_unit_test(test_merge_mixed_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
