/* Tests for src/plot: the OLS line and confidence band against R, the
 * quantile bins against hand-computed means, the generated gnuplot scripts
 * (golden files, determinism, quoting), and - where gnuplot is installed -
 * rendering of every figure type to PNG, SVG and PDF, the missing-gnuplot
 * and failing-gnuplot paths and the atomic-output guarantees.
 *
 * Set CPR_UPDATE_GOLDEN=1 to rewrite tests/unit/golden/ (then review the
 * diff by hand), CPR_PLOT_TEST_OUT=DIR to keep the rendered figures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpr/plot.h"
#include "cpr/result.h"
#include "cpr/status.h"
#include "cpr/util.h"

#define GOLDEN_DIR "tests/unit/golden"

/* ---------- helpers ---------- */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *s = cpr_malloc(cap);
    size_t got;
    while ((got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) s = cpr_realloc(s, cap *= 2);
    }
    fclose(f);
    s[n] = '\0';
    if (len) *len = n;
    return s;
}

static void write_all(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(s, f);
    fclose(f);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *t = cpr_asprintf("%s/cpr-plot-test.XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(t));
    return t;
}

static size_t dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

static void remove_tree(char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char *p = cpr_asprintf("%s/%s", dir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
    free(dir);
}

static int have_gnuplot(void)
{
    const char *g = getenv("CPR_GNUPLOT");
    char *cmd = cpr_asprintf("%s --version >/dev/null 2>&1", g && *g ? g : "gnuplot");
    int ok = system(cmd) == 0;
    free(cmd);
    return ok;
}

static void env_restore(const char *name, char *saved)
{
    if (saved) { setenv(name, saved, 1); free(saved); }
    else unsetenv(name);
}

static char *env_save(const char *name)
{
    const char *v = getenv(name);
    return v ? cpr_strdup(v) : NULL;
}

/* ---------- fixed example data (made up, not real statistics) ---------- */

static const char *const CC[] = {"ARG", "BOL", "BRA", "CHL", "COL", "CRI", "DOM", "ECU", "GTM",
                                 "HND", "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"};
#define NCC 18
static const double AID[NCC] = {0.8, 4.9, 0.3, 0.2, 1.1, 0.9, 1.3, 2.7, 3.1,
                                 6.2, 0.1, 8.4, 1.9, 1.5, 2.2, 3.6, 0.4, 0.6};
static const double POV[NCC] = {9.1, 31.5, 11.0, 2.1, 16.3, 4.9, 8.0, 14.2, 38.0,
                                 45.4, 6.6, 44.8, 12.9, 10.4, 17.1, 22.6, 0.1, 25.0};

static cpr_result *example_result(const char *model, double shift)
{
    cpr_result *r = cpr_result_alloc(4);
    const char *terms[] = {"(Intercept)", "aid_gdp", "log_gdp_pc", "trade_open"};
    const double est[] = {12.5, 0.42, -3.1, 0.05};
    const double se[] = {2.0, 0.15, 0.9, 0.04};
    for (size_t j = 0; j < 4; j++) {
        cpr_result_set_term(r, j, terms[j]);
        r->estimate[j] = est[j] + shift;
        r->std_error[j] = se[j];
        r->conf_low[j] = est[j] + shift - 1.96 * se[j];
        r->conf_high[j] = est[j] + shift + 1.96 * se[j];
    }
    r->model = cpr_strdup(model);
    r->se_type = cpr_strdup("cluster");
    return r;
}

/* Build the figure of the given kind (0..5) into out_path with opts. */
enum { FIG_SCATTER, FIG_SERIES, FIG_COEF, FIG_LR, FIG_RESID, FIG_BINNED, NFIG };
static const char *const FIG_NAME[NFIG] = {"scatter", "series", "coef", "lr", "resid", "binned"};

static int make_figure(int kind, const char *out, const cpr_plot_opts *o)
{
    switch (kind) {
    case FIG_SCATTER: {
        cpr_plot_scatter_opts so = {{"Chinese aid", "% of GNI", 0},
                                    {"Poverty headcount, $2.15 a day", "% of population", 0},
                                    0, 0, 0, 0};
        return cpr_plot_scatter(out, AID, POV, CC, NCC, &so, o);
    }
    case FIG_SERIES: {
        double t[12], a[12], b[12], c[12];
        for (int i = 0; i < 12; i++) {
            t[i] = 2005 + i;
            a[i] = 30 - 1.5 * i + (i % 3);
            b[i] = 22 - 0.8 * i;
            c[i] = 15 + 0.3 * i;
        }
        b[5] = NAN; /* a gap */
        cpr_plot_line lines[] = {{"BOL", t, a, 12, 0}, {"PER", t, b, 12, 0}, {"LCN", t, c, 12, 0}};
        cpr_plot_series_opts so = {{NULL, NULL, 0}, {"Poverty headcount, $2.15 a day", "%", 0},
                                   {NULL, NULL, 0}, 0};
        return cpr_plot_series(out, lines, 3, &so, o);
    }
    case FIG_COEF: {
        cpr_result *r1 = example_result("fe", 0), *r2 = example_result("re", 0.1);
        double bl[4] = {NAN, 0.05, -5.2, -0.04}, bh[4] = {NAN, 0.80, -1.0, 0.14};
        cpr_plot_model m[] = {{r1, "Two-way FE", bl, bh, NULL}, {r2, "Random effects", NULL, NULL, NULL}};
        cpr_plot_coef_opts co = {NULL, 0, 0, {"Coefficient", NULL, 0}, NULL};
        int rc = cpr_plot_coef(out, m, 2, &co, o);
        cpr_result_free(r1);
        cpr_result_free(r2);
        return rc;
    }
    case FIG_LR: {
        double g[40], lr[40];
        for (int i = 0; i < 40; i++) {
            g[i] = 500 + 100 * (39 - i); /* unsorted on purpose */
            double d = (g[i] - 2300) / 700;
            lr[i] = 14 * d * d + 2 * sin(i);
            if (lr[i] < 0) lr[i] = 0;
        }
        cpr_plot_lr_opts lo = {{"GDP per capita", "constant 2015 US$", 0}, 7.35, NULL, 2300};
        return cpr_plot_lr_curve(out, g, lr, 40, &lo, o);
    }
    case FIG_RESID: {
        double f[NCC], e[NCC];
        for (int i = 0; i < NCC; i++) { f[i] = 5 + 4.5 * AID[i]; e[i] = POV[i] - f[i]; }
        return cpr_plot_residuals(out, f, e, NCC, o);
    }
    case FIG_BINNED: {
        enum { N = 2000 };
        double *x = cpr_malloc(N * sizeof *x), *y = cpr_malloc(N * sizeof *y);
        uint32_t s = 12345; /* fixed LCG: deterministic data */
        for (int i = 0; i < N; i++) {
            s = s * 1664525u + 1013904223u;
            x[i] = (double)(s >> 8) / 16777216.0 * 10;
            s = s * 1664525u + 1013904223u;
            y[i] = 3 + 0.5 * x[i] + ((double)(s >> 8) / 16777216.0 - 0.5) * 4;
        }
        cpr_plot_binned_opts bo = {{"Chinese aid", "% of GNI", 0}, {"Poverty gap", "%", 0}, 20, 0};
        int rc = cpr_plot_binned(out, x, y, N, &bo, o);
        free(x);
        free(y);
        return rc;
    }
    }
    return -1;
}

/* ---------- pure functions ---------- */

static void test_format_from_path(void **state)
{
    (void)state;
    cpr_plot_format f;
    assert_int_equal(cpr_plot_format_from_path("a/b/fig.png", &f), 0);
    assert_int_equal(f, CPR_PLOT_PNG);
    assert_int_equal(cpr_plot_format_from_path("fig.SVG", &f), 0);
    assert_int_equal(f, CPR_PLOT_SVG);
    assert_int_equal(cpr_plot_format_from_path("fig.pdf", &f), 0);
    assert_int_equal(f, CPR_PLOT_PDF);
    cpr_error_clear();
    assert_int_equal(cpr_plot_format_from_path("fig.jpg", &f), CPR_E_USAGE);
    assert_non_null(strstr(cpr_last_error(), "fig.jpg"));
    assert_non_null(strstr(cpr_last_error(), ".png, .svg or .pdf"));
    cpr_error_clear();
    assert_int_equal(cpr_plot_format_from_path("dir.png/fig", &f), CPR_E_USAGE);
    cpr_error_clear();
}

static void test_axis_title(void **state)
{
    (void)state;
    cpr_plot_axis a = {"GDP per capita", "constant 2015 US$", 0};
    char *s = cpr_plot_axis_title(&a);
    assert_string_equal(s, "GDP per capita (constant 2015 US$)");
    free(s);
    a.unit = "";
    s = cpr_plot_axis_title(&a);
    assert_string_equal(s, "GDP per capita");
    free(s);
}

/* Grunfeld inv on value, N = 200. Reference numbers from R 4.2.2:
 * tests/unit/oracle/plot_band.R (lm + predict(interval = "confidence")),
 * output recorded in tests/unit/oracle/plot_band.out. */
static int load_grunfeld(double **inv, double **value, size_t *n)
{
    const char *ref = getenv("CPR_REFERENCE");
    char *path = cpr_asprintf("%s/grunfeld/data.csv", ref && *ref ? ref : "tests/reference");
    FILE *f = fopen(path, "r");
    free(path);
    if (!f) return -1;
    char line[256];
    size_t cap = 256, k = 0;
    *inv = cpr_malloc(cap * sizeof **inv);
    *value = cpr_malloc(cap * sizeof **value);
    if (!fgets(line, sizeof line, f)) { fclose(f); return -1; } /* header firm,year,inv,value,capital */
    while (fgets(line, sizeof line, f)) {
        double firm, year, a, b, c;
        if (sscanf(line, "%lf,%lf,%lf,%lf,%lf", &firm, &year, &a, &b, &c) != 5) continue;
        if (k == cap) {
            cap *= 2;
            *inv = cpr_realloc(*inv, cap * sizeof **inv);
            *value = cpr_realloc(*value, cap * sizeof **value);
        }
        (*inv)[k] = a;
        (*value)[k] = b;
        k++;
    }
    fclose(f);
    *n = k;
    return 0;
}

static void assert_rel(double got, double want, double tol)
{
    double err = fabs(got - want) / fmax(1.0, fabs(want));
    if (!(err <= tol)) fail_msg("got %.17g want %.17g (rel err %.3g)", got, want, err);
}

static void test_linfit_band_vs_R(void **state)
{
    (void)state;
    double *inv = NULL, *value = NULL;
    size_t n = 0;
    if (load_grunfeld(&inv, &value, &n) != 0)
        fail_msg("cannot read grunfeld/data.csv under $CPR_REFERENCE or tests/reference");
    assert_int_equal(n, 200);
    cpr_plot_linfit fit;
    assert_int_equal(cpr_plot_linfit_compute(value, inv, n, 0.95, &fit), 0);
    assert_int_equal(fit.n, 200);
    assert_rel(fit.intercept, -6.9762843127456122, 1e-10);
    assert_rel(fit.slope, 0.1413859725502698, 1e-10);
    assert_rel(fit.r, 0.85693289850848553, 1e-10);
    assert_rel(fit.s, 112.06552316713767, 1e-10);
    assert_rel(fit.tcrit, 1.9720174778363129, 1e-10);
    static const double R[4][4] = {
        /* x, fit, lwr, upr */
        {58.12, 1.2410684118760678, -18.583326743598651, 21.065463567350786},
        {1000, 134.40968823752419, 118.75267732172622, 150.06669915332216},
        {2500, 346.48864706292886, 323.46851501571751, 369.50877911014021},
        {6241.7, 875.5125405542733, 812.06076291977342, 938.96431818877318},
    };
    for (int i = 0; i < 4; i++) {
        double yh, lo, hi;
        cpr_plot_linfit_band(&fit, R[i][0], &yh, &lo, &hi);
        assert_rel(yh, R[i][1], 1e-10);
        assert_rel(lo, R[i][2], 1e-10);
        assert_rel(hi, R[i][3], 1e-10);
    }
    /* log-log: what the scatter fits with --log x --log y
     * (R: lm(log(inv) ~ log(value))). */
    double *lv = cpr_malloc(n * sizeof *lv), *li = cpr_malloc(n * sizeof *li);
    for (size_t i = 0; i < n; i++) { lv[i] = log(value[i]); li[i] = log(inv[i]); }
    assert_int_equal(cpr_plot_linfit_compute(lv, li, n, 0.95, &fit), 0);
    assert_rel(fit.slope, 0.99528985919111024, 1e-10);
    assert_rel(fit.intercept, -2.1309795918890613, 1e-10);
    assert_rel(fit.r, 0.85370332497670665, 1e-10);
    free(lv); free(li); free(inv); free(value);
}

static void test_linfit_degenerate(void **state)
{
    (void)state;
    double x[] = {1, 1, 1, NAN}, y[] = {1, 2, 3, 4};
    cpr_plot_linfit fit;
    cpr_error_clear();
    assert_int_equal(cpr_plot_linfit_compute(x, y, 4, 0.95, &fit), CPR_E_NUMERIC);
    assert_non_null(strstr(cpr_last_error(), "constant"));
    cpr_error_clear();
    assert_int_equal(cpr_plot_linfit_compute(x, y, 2, 0.95, &fit), CPR_E_NUMERIC);
    cpr_error_clear();
}

/* Bin means computed by hand: x = 1..10 (shuffled, plus a NaN pair), y = 2x,
 * 3 bins of sizes 3, 3, 4 -> mean x 2, 5, 8.5 and mean y 4, 10, 17. */
static void test_bins_by_hand(void **state)
{
    (void)state;
    double x[] = {7, 3, NAN, 10, 1, 9, 2, 5, 8, 4, 6};
    double y[] = {14, 6, 99, 20, 2, 18, 4, 10, 16, 8, 12};
    double bx[3], by[3];
    size_t cnt[3], nb;
    assert_int_equal(cpr_plot_bins_compute(x, y, 11, 3, bx, by, cnt, &nb), 0);
    assert_int_equal(nb, 3);
    assert_true(bx[0] == 2 && bx[1] == 5 && bx[2] == 8.5);
    assert_true(by[0] == 4 && by[1] == 10 && by[2] == 17);
    assert_true(cnt[0] == 3 && cnt[1] == 3 && cnt[2] == 4);
    /* more bins than observations: one bin per observation */
    double bx2[20], by2[20];
    assert_int_equal(cpr_plot_bins_compute(x, y, 4, 20, bx2, by2, NULL, &nb), 0);
    assert_int_equal(nb, 3); /* 7, 3, 10 (the NaN pair is dropped) */
    assert_true(bx2[0] == 3 && bx2[1] == 7 && bx2[2] == 10);
}

/* ---------- scripts ---------- */

static char *script_of(int kind, const char *dir, const char *name)
{
    char *gp = cpr_asprintf("%s/%s", dir, name);
    cpr_plot_opts o = {"Example figure", "Source: example data (made up)", gp, 1, 0, 0, NULL};
    cpr_error_clear();
    int rc = make_figure(kind, "figure.png", &o);
    if (rc) fail_msg("%s: %s", FIG_NAME[kind], cpr_last_error());
    char *s = read_all(gp, NULL);
    assert_non_null(s);
    free(gp);
    return s;
}

static void test_scripts_golden_and_deterministic(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    int update = getenv("CPR_UPDATE_GOLDEN") != NULL;
    for (int k = 0; k < NFIG; k++) {
        char *a = script_of(k, dir, "a.gp"), *b = script_of(k, dir, "b.gp");
        assert_string_equal(a, b); /* byte-identical run to run */
        /* No temporary path, output names the final file. */
        assert_null(strstr(a, ".tmp"));
        assert_null(strstr(a, "@OUTPUT@"));
        assert_non_null(strstr(a, "\nset output 'figure.png'\n"));
        assert_non_null(strstr(a, "\nset terminal pngcairo size 800,560 noenhanced font 'Sans,11'\n"));
        /* shared style */
        assert_non_null(strstr(a, "\nset border 3 back"));
        assert_non_null(strstr(a, "\nset tics nomirror out"));
        assert_non_null(strstr(a, "\nset linetype 1 lc rgb '#0072B2'"));
        assert_non_null(strstr(a, "\nset linetype 2 lc rgb '#D55E00'"));
        assert_non_null(strstr(a, "'Source: example data (made up)' at screen"));
        assert_non_null(strstr(a, " << EOD\n"));
        char *golden = cpr_asprintf(GOLDEN_DIR "/%s.gp", FIG_NAME[k]);
        if (update) write_all(golden, a);
        char *want = read_all(golden, NULL);
        if (!want) fail_msg("missing %s (run with CPR_UPDATE_GOLDEN=1 and review)", golden);
        if (strcmp(a, want) != 0) fail_msg("%s differs from the generated script", golden);
        free(want); free(golden); free(a); free(b);
    }
    remove_tree(dir);
}

static void test_scatter_script_content(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *gp = cpr_asprintf("%s/s.gp", dir);
    double x[] = {0.1, 2, 3, -1, NAN}, y[] = {1, 2.5, 2, 4, 5};
    const char *lab[] = {"CIV", "Côte d'Ivoire", "a\"b", "NEG", "NAN"};
    cpr_plot_scatter_opts so = {{"Aid", "% of GNI", 1}, {"Poverty", NULL, 0}, 0, 0, 0, 5};
    cpr_plot_opts o = {"It's a title", NULL, gp, 1, 0, 0, NULL};
    cpr_error_clear();
    assert_int_equal(cpr_plot_scatter("out.pdf", x, y, lab, 5, &so, &o), 0);
    char *s = read_all(gp, NULL);
    /* %.17g round-trip values; the negative x is dropped for the log axis,
     * the NaN pair always. */
    assert_non_null(strstr(s, "\n0.10000000000000001 1 \"CIV\"\n"));
    assert_non_null(strstr(s, "\n2 2.5 \"Côte d'Ivoire\"\n"));
    assert_non_null(strstr(s, "\n3 2 \"a'b\"\n"));
    assert_null(strstr(s, "NEG"));
    assert_null(strstr(s, "\"NAN\""));
    assert_non_null(strstr(s, "set title 'It''s a title'"));
    assert_non_null(strstr(s, "set xlabel 'Aid (% of GNI)'\nset logscale x\n"));
    assert_non_null(strstr(s, "set ylabel 'Poverty'\n"));
    assert_null(strstr(s, "set logscale y"));
    assert_non_null(strstr(s, "set terminal pdfcairo size 11.1111111in,7.77777778in"));
    assert_non_null(strstr(s, "OLS fit (y on ln x): slope = "));
    assert_non_null(strstr(s, "N = 3'"));
    assert_non_null(strstr(s, "95% confidence band"));
    /* 5 grid points in $FIT */
    char *fit = strstr(s, "$FIT << EOD\n");
    assert_non_null(fit);
    int lines = 0;
    for (char *p = fit + 12; strncmp(p, "EOD\n", 4) != 0; p = strchr(p, '\n') + 1) lines++;
    assert_int_equal(lines, 5);
    free(s);
    free(gp);
    remove_tree(dir);
}

static void test_unknown_extension(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char *out = cpr_asprintf("%s/fig.jpeg", dir);
    cpr_error_clear();
    assert_int_equal(make_figure(FIG_SCATTER, out, NULL), CPR_E_USAGE);
    assert_non_null(strstr(cpr_last_error(), "fig.jpeg"));
    assert_int_equal(dir_entries(dir), 0);
    cpr_error_clear();
    free(out);
    remove_tree(dir);
}

/* ---------- rendering ---------- */

/* strstr for binary files (PDF streams contain NUL bytes). */
static const char *mem_find(const char *hay, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= len; i++)
        if (memcmp(hay + i, needle, m) == 0) return hay + i;
    return NULL;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void check_image(const char *path, cpr_plot_format fmt)
{
    size_t len;
    char *s = read_all(path, &len);
    if (!s) fail_msg("%s was not created", path);
    const unsigned char *u = (const unsigned char *)s;
    switch (fmt) {
    case CPR_PLOT_PNG:
        assert_true(len > 5000);
        assert_memory_equal(u, "\x89PNG\r\n\x1a\n", 8);
        assert_memory_equal(u + 12, "IHDR", 4);
        assert_int_equal(be32(u + 16), 800);
        assert_int_equal(be32(u + 20), 560);
        break;
    case CPR_PLOT_SVG:
        assert_true(len > 5000);
        assert_non_null(strstr(s, "<svg"));
        assert_non_null(strstr(s, "width=\"800\""));
        assert_non_null(strstr(s, "height=\"560\""));
        assert_non_null(strstr(s, "</svg>"));
        break;
    case CPR_PLOT_PDF: {
        assert_true(len > 3000);
        assert_memory_equal(s, "%PDF-", 5);
        size_t e = len;
        while (e && (s[e - 1] == '\n' || s[e - 1] == '\r')) e--;
        assert_true(e >= 5 && memcmp(s + e - 5, "%%EOF", 5) == 0);
        /* 800 x 560 px at 72 px per inch = 800 x 560 pt */
        assert_non_null(mem_find(s, len, "/MediaBox [ 0 0 800 560 ]"));
        break;
    }
    }
    free(s);
}

static void test_render_all_types(void **state)
{
    (void)state;
    if (!have_gnuplot()) skip();
    const char *keep = getenv("CPR_PLOT_TEST_OUT");
    char *dir = keep && *keep ? cpr_strdup(keep) : make_tmpdir();
    static const char *const ext[] = {"png", "svg", "pdf"};
    for (int k = 0; k < NFIG; k++)
        for (int f = 0; f < 3; f++) {
            char *out = cpr_asprintf("%s/%s.%s", dir, FIG_NAME[k], ext[f]);
            cpr_plot_opts o = {NULL, "Source: example data (made up)", NULL, 0, 0, 0, NULL};
            cpr_error_clear();
            int rc = make_figure(k, out, &o);
            if (rc) fail_msg("%s: code %d: %s", out, rc, cpr_last_error());
            check_image(out, (cpr_plot_format)f);
            free(out);
        }
    if (keep && *keep) free(dir);
    else {
        assert_int_equal(dir_entries(dir), NFIG * 3); /* no temporary files left */
        remove_tree(dir);
    }
}

static void test_render_also_saves_script(void **state)
{
    (void)state;
    if (!have_gnuplot()) skip();
    char *dir = make_tmpdir();
    char *out = cpr_asprintf("%s/fig.png", dir), *gp = cpr_asprintf("%s/fig.gp", dir);
    cpr_plot_opts o = {NULL, NULL, gp, 0, 0, 0, NULL};
    cpr_error_clear();
    assert_int_equal(make_figure(FIG_LR, out, &o), 0);
    check_image(out, CPR_PLOT_PNG);
    char *s = read_all(gp, NULL);
    char *want = cpr_asprintf("\nset output '%s'\n", out);
    assert_non_null(strstr(s, want));
    assert_null(strstr(s, ".tmp"));
    /* The saved script redraws the figure without cpr-stats. */
    unlink(out);
    char *cmd = cpr_asprintf("cd '%s' && LC_ALL=C gnuplot fig.gp 2>/dev/null", dir);
    assert_int_equal(system(cmd), 0);
    check_image(out, CPR_PLOT_PNG);
    free(cmd); free(want); free(s); free(out); free(gp);
    remove_tree(dir);
}

static void test_missing_gnuplot(void **state)
{
    (void)state;
    char *saved = env_save("CPR_GNUPLOT");
    setenv("CPR_GNUPLOT", "/nonexistent/gnuplot", 1);
    char *dir = make_tmpdir();
    for (int k = 0; k < NFIG; k++) {
        char *out = cpr_asprintf("%s/%s.png", dir, FIG_NAME[k]);
        cpr_error_clear();
        assert_int_equal(make_figure(k, out, NULL), CPR_E_GNUPLOT);
        assert_int_equal(cpr_last_code(), 16);
        assert_non_null(strstr(cpr_last_error(), "apt-get install gnuplot-nox"));
        assert_non_null(strstr(cpr_last_error(), "/nonexistent/gnuplot"));
        assert_false(file_exists(out));
        free(out);
    }
    assert_int_equal(dir_entries(dir), 0); /* no temporary file left behind */
    /* A name that is not on PATH behaves the same. */
    setenv("CPR_GNUPLOT", "cpr-no-such-gnuplot", 1);
    char *out = cpr_asprintf("%s/x.svg", dir);
    cpr_error_clear();
    assert_int_equal(make_figure(FIG_SERIES, out, NULL), CPR_E_GNUPLOT);
    assert_non_null(strstr(cpr_last_error(), "gnuplot-nox"));
    assert_int_equal(dir_entries(dir), 0);
    free(out);
    cpr_error_clear();
    env_restore("CPR_GNUPLOT", saved);
    remove_tree(dir);
}

static void test_gnuplot_error_keeps_previous(void **state)
{
    (void)state;
    if (!have_gnuplot()) skip();
    char *dir = make_tmpdir();
    char *out = cpr_asprintf("%s/fig.png", dir);
    write_all(out, "previous figure");
    const char *bad = "set terminal pngcairo\n" "set output @OUTPUT@\n"
                      "plot '-' using 1:2 with points\n1 2\n3 4\ne\n" /* writes some output */
                      "plot sin(x) with linez\n";
    cpr_error_clear();
    assert_int_equal(cpr_plot_render_atomic(bad, out), CPR_E_GNUPLOT);
    assert_non_null(strstr(cpr_last_error(), "unrecognized plot type")); /* gnuplot's stderr */
    char *s = read_all(out, NULL);
    assert_string_equal(s, "previous figure");
    free(s);
    assert_int_equal(dir_entries(dir), 1);
    cpr_error_clear();
    free(out);
    remove_tree(dir);
}

/* gnuplot exiting without reading its input (SIGPIPE on our side) or with
 * a failure status; and LC_ALL=C in its environment. */
static void test_gnuplot_dies_early_and_env(void **state)
{
    (void)state;
    char *saved = env_save("CPR_GNUPLOT"), *saved_lc = env_save("LC_ALL");
    char *dir = make_tmpdir();
    char *out = cpr_asprintf("%s/fig.png", dir);
    size_t big = 4u << 20;
    char *script = cpr_malloc(big + 64);
    strcpy(script, "set output @OUTPUT@\n");
    size_t n = strlen(script);
    static const char pad[] = "# padding padding padding padding padding padding\n";
    while (n < big) { memcpy(script + n, pad, sizeof pad - 1); n += sizeof pad - 1; }
    script[n] = '\0';

    setenv("CPR_GNUPLOT", "true", 1); /* exits 0 at once, writes nothing */
    cpr_error_clear();
    assert_int_equal(cpr_plot_render_atomic(script, out), CPR_E_GNUPLOT);
    assert_non_null(strstr(cpr_last_error(), "wrote nothing"));
    setenv("CPR_GNUPLOT", "false", 1);
    cpr_error_clear();
    assert_int_equal(cpr_plot_render_atomic(script, out), CPR_E_GNUPLOT);
    assert_non_null(strstr(cpr_last_error(), "exit status 1"));
    assert_int_equal(dir_entries(dir), 0);

    /* A fake gnuplot that records LC_ALL and writes its input to the output. */
    char *fake = cpr_asprintf("%s/fake-gnuplot", dir), *lc = cpr_asprintf("%s/lc", dir);
    char *body = cpr_asprintf("#!/bin/sh\nprintf '%%s' \"$LC_ALL\" > '%s'\ncat > '%s.in'\n"
                              "echo 'warning: something' >&2\nexit 3\n", lc, lc);
    write_all(fake, body);
    chmod(fake, 0755);
    setenv("CPR_GNUPLOT", fake, 1);
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    cpr_error_clear();
    assert_int_equal(cpr_plot_render_atomic(script, out), CPR_E_GNUPLOT);
    assert_non_null(strstr(cpr_last_error(), "exit status 3"));
    assert_non_null(strstr(cpr_last_error(), "warning: something"));
    char *got = read_all(lc, NULL);
    assert_string_equal(got, "C");
    free(got);
    char *in = cpr_asprintf("%s.in", lc);
    size_t inlen;
    got = read_all(in, &inlen);
    assert_true(inlen > big - 64); /* the whole script arrived on stdin */
    assert_non_null(strstr(got, "set output '"));
    assert_false(file_exists(out));
    free(got); free(in);
    cpr_error_clear();
    free(body); free(fake); free(lc); free(script); free(out);
    env_restore("LC_ALL", saved_lc);
    env_restore("CPR_GNUPLOT", saved);
    remove_tree(dir);
}

/* Legends and axis titles from catalogue labels (issue 16): the y title
 * covers every series, legends are short, non-negative axes stop at 0. */
static void test_labels_cover_series(void **state)
{
    (void)state;
    cpr_plot_axis pov[3] = {{"Poverty headcount ratio at $3.00 a day (2021 PPP)", "% of population", 0},
                            {"Poverty headcount ratio at $4.20 a day (2021 PPP)", "% of population", 0},
                            {"Poverty headcount ratio at $8.30 a day (2021 PPP)", "% of population", 0}};
    char *t = cpr_plot_common_title(pov, 3);
    assert_string_equal(t, "Poverty headcount ratio (% of population)");
    free(t);
    cpr_plot_axis trade[2] = {{"Total merchandise trade with China, as reported by China", "US$ million, current", 0},
                              {"Exports to China as reported by China", "US$ million, current", 0}};
    t = cpr_plot_common_title(trade, 2);
    assert_string_equal(t, "US$ million, current");
    free(t);
    cpr_plot_axis mixed[2] = {{"GDP growth", "annual %", 0}, {"GDP per capita", "US$", 0}};
    t = cpr_plot_common_title(mixed, 2);
    assert_string_equal(t, "GDP growth (annual %); GDP per capita (US$)");
    free(t);
    t = cpr_plot_short_label("PARTIAL (GCDF 3.0 geocoded projects only, about 41% of LAC amounts; biased): "
                             "Chinese finance, infrastructure projects (GCDF Infrastructure flag)", 60);
    assert_string_equal(t, "PARTIAL Chinese finance, infrastructure projects");
    free(t);
    t = cpr_plot_short_label("Chinese ODA-like official finance, commitments (adjusted), per person (t-2)", 48);
    assert_string_equal(t, "Chinese ODA-like official finance, commitments (t-2)");
    free(t);
    t = cpr_plot_short_label("Poverty headcount ratio at $3.00 a day (2021 PPP)", 60);
    assert_string_equal(t, "Poverty headcount ratio at $3.00 a day (2021 PPP)");
    free(t);
    /* a series of non-negative values gets an axis floor at 0 */
    double yr[3] = {2000, 2001, 2002}, v[3] = {0.5, 10, 300000}, w[3] = {-1, 2, 3};
    cpr_plot_line l = {"x", yr, v, 3, 0};
    char *dir = make_tmpdir();
    char *gp = cpr_asprintf("%s/nonneg.gp", dir);
    cpr_plot_opts po = {0};
    po.script_path = gp;
    po.script_only = 1;
    assert_int_equal(cpr_plot_series("nonneg.svg", &l, 1, NULL, &po), 0);
    char *sc = read_all(po.script_path, NULL);
    assert_non_null(strstr(sc, "set yrange [0<*:*]"));
    free(sc);
    l.y = w;
    assert_int_equal(cpr_plot_series("nonneg.svg", &l, 1, NULL, &po), 0);
    sc = read_all(po.script_path, NULL);
    assert_null(strstr(sc, "set yrange [0<*:*]"));
    free(sc);
    free(gp);
    remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_path),
        cmocka_unit_test(test_axis_title),
        cmocka_unit_test(test_labels_cover_series),
        cmocka_unit_test(test_linfit_band_vs_R),
        cmocka_unit_test(test_linfit_degenerate),
        cmocka_unit_test(test_bins_by_hand),
        cmocka_unit_test(test_scripts_golden_and_deterministic),
        cmocka_unit_test(test_scatter_script_content),
        cmocka_unit_test(test_unknown_extension),
        cmocka_unit_test(test_render_all_types),
        cmocka_unit_test(test_render_also_saves_script),
        cmocka_unit_test(test_missing_gnuplot),
        cmocka_unit_test(test_gnuplot_error_keeps_previous),
        cmocka_unit_test(test_gnuplot_dies_early_and_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
