/* Every fixture in tests/data/formats (World Bank DataBank, bulk/API with
 * BOM, preamble and trailing empty column, its gzip copy, the long layout,
 * SDMX-CSV, a decimal-comma file, Stata 113/117/118/119, SPSS) loads to the
 * values of the original: datasets/sources/wb-wdi/wdi_lac_long.csv, read
 * here, not cpr-stats output. Labels and categories come from the files'
 * own metadata (tests/data/formats/README.md says how each was made). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define D "tests/data/formats/"

typedef struct { char iso3[4]; char code[20]; int year; double v; } cellv;
static cellv cells[200];
static size_t ncells;

/* The original: iso3,country,indicator,year,value (CRLF) for the five
 * countries, two series and 2010-2014 used by the fixtures. */
static int load_original(void **state)
{
    (void)state;
    FILE *fp = fopen("datasets/sources/wb-wdi/wdi_lac_long.csv", "r");
    assert_non_null(fp);
    char line[512];
    ncells = 0;
    while (fgets(line, sizeof line, fp)) {
        char *f[5];
        size_t nf = 0;
        for (char *p = line; nf < 5; p = NULL) {
            char *t = strtok(p, ",\r\n");
            if (!t) break;
            f[nf++] = t;
        }
        if (nf < 5 || !strstr("ARG BRA CHL COL MEX", f[0]) || strlen(f[0]) != 3) continue;
        if (strcmp(f[2], "SI.POV.GINI") != 0 && strcmp(f[2], "SL.UEM.TOTL.ZS") != 0) continue;
        int y = atoi(f[3]);
        if (y < 2010 || y > 2014) continue;
        assert_true(ncells < sizeof cells / sizeof *cells);
        cellv *c = &cells[ncells++];
        snprintf(c->iso3, sizeof c->iso3, "%s", f[0]);
        snprintf(c->code, sizeof c->code, "%s", f[2]);
        c->year = y;
        c->v = strtod(f[4], NULL);
    }
    fclose(fp);
    assert_int_equal(ncells, 44); /* 19 Gini + 25 unemployment values */
    return 0;
}

static cpr_frame *load(const char *path)
{
    cpr_load_opts o = {0};
    o.quiet = 1;
    cpr_frame *f = NULL;
    int rc = cpr_frame_load(path, &o, &f);
    if (rc) print_error("%s: %s\n", path, cpr_last_error());
    assert_int_equal(rc, CPR_OK);
    assert_non_null(f);
    return f;
}

/* Every original value is in the frame under `var_for(code)`, and the
 * frame has no other non-missing value in those variables. */
static void check_values(const cpr_frame *f, const char *gini, const char *unemp)
{
    size_t want[2] = {0, 0}, have[2] = {0, 0};
    for (size_t i = 0; i < ncells; i++) {
        const cellv *c = &cells[i];
        int g = strcmp(c->code, "SI.POV.GINI") == 0;
        const char *var = g ? gini : unemp;
        if (!var) continue;
        want[!g]++;
        const double *x;
        assert_int_equal(cpr_frame_numeric(f, var, &x), CPR_OK);
        long e = cpr_frame_entity_code(f, c->iso3);
        assert_true(e >= 0);
        long r = cpr_frame_row(f, (int)e, c->year);
        assert_true(r >= 0);
        assert_true(x[r] == c->v);
    }
    const char *vars[2] = {gini, unemp};
    for (int k = 0; k < 2; k++) {
        if (!vars[k]) continue;
        const double *x;
        assert_int_equal(cpr_frame_numeric(f, vars[k], &x), CPR_OK);
        for (size_t r = 0; r < f->nrow; r++) have[k] += !isnan(x[r]);
        assert_int_equal(have[k], want[k]);
    }
}

static const char *label_of(const cpr_frame *f, const char *name)
{
    long j = cpr_frame_find(f, name);
    assert_true(j >= 0);
    return f->cols[j].label;
}

static void test_databank(void **state)
{
    (void)state;
    cpr_frame *f = load(D "databank_wdi.csv");
    check_values(f, "SI_POV_GINI", "SL_UEM_TOTL_ZS");
    assert_string_equal(f->entity_name, "Country Code");
    assert_string_equal(label_of(f, "SI_POV_GINI"), "Gini index [SI.POV.GINI]");
    assert_string_equal(label_of(f, "SL_UEM_TOTL_ZS"),
                        "Unemployment, total (% of total labor force) (modeled ILO estimate) [SL.UEM.TOTL.ZS]");
    assert_int_equal(f->ncol, 2);
    cpr_frame_free(f);
}

static void test_bulk_and_gzip(void **state)
{
    (void)state;
    const char *paths[] = {D "API_SI.POV.GINI_DS2_en_csv_v2.csv", D "API_SI.POV.GINI_DS2_en_csv_v2.csv.gz"};
    for (int k = 0; k < 2; k++) {
        cpr_frame *f = load(paths[k]);
        check_values(f, "SI_POV_GINI", NULL);
        assert_int_equal(f->ncol, 1); /* the trailing empty column is gone */
        assert_int_equal(f->nrow, 19);
        cpr_frame_free(f);
    }
}

static void test_long_and_sdmx(void **state)
{
    (void)state;
    cpr_frame *f = load(D "databank_long.csv");
    check_values(f, "SI_POV_GINI", "SL_UEM_TOTL_ZS");
    assert_string_equal(label_of(f, "SI_POV_GINI"), "Gini index [SI.POV.GINI]");
    cpr_frame_free(f);
    f = load(D "sdmx_wdi.csv");
    check_values(f, "SI_POV_GINI", "SL_UEM_TOTL_ZS");
    assert_string_equal(f->entity_name, "REF_AREA");
    assert_string_equal(label_of(f, "SI_POV_GINI"), "INDICATOR=SI_POV_GINI, FREQ=A [SI_POV_GINI]");
    cpr_frame_free(f);
}

static void test_decimal_comma(void **state)
{
    (void)state;
    cpr_frame *f = load(D "decimal_comma.csv");
    check_values(f, "gini", "unemployment");
    cpr_frame_free(f);
    /* --decimal . turns the detection off: the columns are text then. */
    cpr_load_opts o = {0};
    o.quiet = 1;
    o.decimal = '.';
    assert_int_equal(cpr_frame_load(D "decimal_comma.csv", &o, &f), CPR_OK);
    assert_int_equal(f->cols[cpr_frame_find(f, "gini")].type, CPR_COL_TEXT);
    cpr_frame_free(f);
}

static void test_stata_spss(void **state)
{
    (void)state;
    const char *paths[] = {D "wdi_v113.dta", D "wdi_v117.dta", D "wdi.dta", D "wdi_v119.dta", D "wdi.sav"};
    for (size_t k = 0; k < sizeof paths / sizeof *paths; k++) {
        cpr_frame *f = load(paths[k]);
        check_values(f, "gini", "unemployment"); /* .a and SPSS user-missing -99 are missing */
        assert_string_equal(f->entity_name, "iso3");
        assert_string_equal(f->time_name, "year");
        assert_string_equal(label_of(f, "gini"), "Gini index (World Bank estimate)");
        long j = cpr_frame_find(f, "income");
        assert_true(j >= 0);
        assert_int_equal(f->cols[j].type, CPR_COL_TEXT); /* value labels -> categories */
        long chl = cpr_frame_entity_code(f, "CHL"), arg = cpr_frame_entity_code(f, "ARG");
        assert_string_equal(f->cols[j].text[cpr_frame_row(f, (int)chl, 2012)], "High income");
        assert_string_equal(f->cols[j].text[cpr_frame_row(f, (int)arg, 2012)], "Upper middle income");
        cpr_frame_free(f);
    }
}

static void test_varname_rule(void **state)
{
    (void)state;
    /* the documented rule, seen through a one-series long file */
    char path[256];
    snprintf(path, sizeof path, "%s/cpr-fmt-%d.csv", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("Country Code,Series Code,Time,Value\nARG,2.1-x,2010,1\nARG,a b,2010,2\n", fp);
    fclose(fp);
    cpr_frame *f = load(path);
    assert_true(cpr_frame_find(f, "v2_1_x") >= 0);
    assert_true(cpr_frame_find(f, "a_b") >= 0);
    cpr_frame_free(f);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_databank),      cmocka_unit_test(test_bulk_and_gzip),
        cmocka_unit_test(test_long_and_sdmx), cmocka_unit_test(test_decimal_comma),
        cmocka_unit_test(test_stata_spss),    cmocka_unit_test(test_varname_rule),
    };
    return cmocka_run_group_tests(tests, load_original, NULL);
}
