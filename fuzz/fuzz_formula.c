/* libFuzzer harness for the formula parser (src/panel/formula*.c) and the
 * design builder. The input is a formula. Checks: no crash, leak or UB; a
 * failure carries a message; a parsed formula prints to a string that
 * parses again to the same string (the documented round trip); binding and
 * building the design against a small fixed panel either succeed or fail
 * cleanly. */
#include "cpr/util.h"
#include "cpr/design.h"
#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/frame.h"
#include "cpr/status.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* as in main: GSL's aborting error handler is off, statuses are checked */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    cpr_gsl_guard_install();
    return 0;
}

static cpr_frame *panel;

static const char panel_csv[] =
    "id,year,y,x,x1,x2,z,w,log_x,D.x\n"
    "a,2000,1.5,2,0,1,3,,1,0\n"
    "a,2001,2.5,3,1,0,1,5,2,1\n"
    "a,2002,0.5,-1,0,1,2,6,0,1\n"
    "b,2000,4,1e300,1,1,0,7,1,0\n"
    "b,2001,5,1e-300,0,0,5,8,2,1\n"
    "b,2003,-6,0,1,1,4,9,3,0\n"
    "c,2001,7,8,0,1,2,1,NA,0\n"
    "c,2002,8,9,1,0,1,2,5,1\n";

static void load_panel(void)
{
    char path[64];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/cprfzf.%ld.csv", dir ? dir : "/tmp", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(panel_csv, 1, sizeof panel_csv - 1, f) != sizeof panel_csv - 1 || fclose(f) != 0) abort();
    cpr_load_opts o = {0};
    o.quiet = 1;
    if (cpr_frame_read_csv(path, &o, &panel) != CPR_OK) abort();
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!panel) load_panel();
    if (size > (1u << 20)) return 0;   /* 1 MiB, as -max_len in mk/fuzz.mk */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';

    cpr_error_clear();
    cpr_formula *fm = NULL;
    int rc = cpr_formula_parse(text, &fm);
    if (rc) {
        if (fm || cpr_last_code() != rc || !cpr_last_error()[0]) abort();
        free(text);
        return 0;
    }
    char *s1 = cpr_formula_to_string(fm);
    cpr_formula *fm2 = NULL;
    cpr_error_clear();
    if (cpr_formula_parse(s1, &fm2) != CPR_OK) {
        fprintf(stderr, "round trip: '%s' printed as '%s', which does not parse: %s\n", text, s1,
                cpr_last_error());
        abort();
    }
    char *s2 = cpr_formula_to_string(fm2);
    if (strcmp(s1, s2) != 0) {
        fprintf(stderr, "round trip: '%s' -> '%s' -> '%s'\n", text, s1, s2);
        abort();
    }
    for (size_t i = 0; i < fm->nterms; i++) free(cpr_expr_to_string(fm->terms[i]));

    cpr_error_clear();
    cpr_design *d = NULL;
    cpr_design_opts dopts = {0};
    dopts.absorb_fe = fm->n_fe > 0;
    rc = cpr_design_build(panel, fm, &dopts, &d, NULL);
    if (rc) {
        if (cpr_last_code() != rc || !cpr_last_error()[0]) abort();
    } else {
        cpr_design_free(d);
    }
    cpr_error_clear();
    cpr_formula_bind(fm, panel);
    free(s1);
    free(s2);
    cpr_formula_free(fm);
    cpr_formula_free(fm2);
    free(text);
    return 0;
}
