/* Arellano-Bond difference GMM against R plm 2.6-2 pgmm on EmplUK (the
 * example of ?pgmm, effect = "twoways"): one- and two-step, per-period and
 * collapsed instruments. Script: tests/unit/oracle/gmm_emplUK.R; its output,
 * hard-coded below, is tests/unit/oracle/gmm_emplUK.out. Compared: all 13
 * coefficients (7 slopes + 6 time dummies), robust SEs (Windmeijer for two
 * steps), AR(1), AR(2) as summary.pgmm computes them, Hansen J (plm's
 * "sargan") and the classical one-step Sargan written out in the script.
 * The residuals and fitted values the fit leaves (differenced scale, on the
 * grid) against pgmm's m$residuals, written by the same script to
 * tests/unit/oracle/gmm_emplUK_resid.out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cpr/gmm.h"
#include "cpr/gmm_infer.h"
#include "cpr/status.h"
#include "refdata.h"

#define TOL 1e-9   /* relative; observed agreement (printed) is about 1e-12 */
#define K 13

typedef struct {
    const char *tag;
    int twostep, collapse;
    double coef[K], se[K];
    double ar1, ar2, hansen, hansen_df, sargan;
} oracle;

static const oracle cases[] = {
    {"two", 1, 0,
     {0.4741506014811141, -0.052967493826373294, -0.51320478102347145, 0.22463981030700134, 0.29272308692741611, 0.60977482338412226, -0.44637258780151901, 0.010508974585643677, 0.024651178558356704, -0.015801928299305379, -0.037441984123183725, -0.03928881202240464, -0.049509350208230773},
     {0.18539845430193494, 0.051749102312526857, 0.14556531897974187, 0.14194950670707793, 0.062627120210786189, 0.15626252012486516, 0.21730203019795416, 0.0099018755975315304, 0.015769825318550999, 0.026731338905258924, 0.029993353786822333, 0.034664895169385014, 0.034857844625882539},
     -1.5384501538927864, -0.27968292320739307, 30.112466576963861, 25, 73.858108458638583},
    {"one", 0, 0,
     {0.53461361982626199, -0.075069187579674776, -0.59157311183297634, 0.29150961107830625, 0.35850245464663366, 0.59719847712027974, -0.61170445251000038, 0.0054271898660575302, 0.016462068789963563, -0.016415626416906637, -0.038773632229466226, -0.040196645781984397, -0.028455688189993222},
     {0.16644927767623655, 0.067978877960696474, 0.16788380626716168, 0.14105781917720267, 0.053828402712637856, 0.1719328125870877, 0.21179590330748135, 0.0097140548474078329, 0.016448026742120737, 0.02705978849767969, 0.028402912184612935, 0.030519418507971231, 0.03567394362270309},
     -2.4933717724674818, -0.3594475546606693, 44.618754148244818, 25, 73.858108458638583},
    {"twoc", 1, 1,
     {0.85389547653719822, -0.16988600829360007, -0.53311851382134146, 0.35251613090094991, 0.27170679524212227, 0.61285518731955779, -0.68254992502503598, 0.016061227494937595, 0.031914370013285148, -0.0090960226353617724, -0.018646079976049446, -0.0064785615678062403, -0.010201337333269112},
     {0.56234816912307739, 0.12329270765804007, 0.24594808825148784, 0.43284616392729708, 0.089921191013157209, 0.2422888212013343, 0.61231061967073808, 0.015357070559932006, 0.023614063854423599, 0.029459899315866133, 0.032524606374102386, 0.044888826107588688, 0.049570045316734097},
     -1.2905514584465432, 0.44825769632856211, 11.626811698065778, 5, 16.885958062486033},
    {"onec", 0, 1,
     {0.82339564422578038, -0.1447505158035064, -0.64810085083861413, 0.50690656882536578, 0.32639417070279397, 0.70822401047284012, -0.88519608985884846, 0.013500044208399786, 0.029424092501324689, -0.0029186788447737311, -0.02356436772304743, -0.027839850715594305, -0.0091507405800982378},
     {0.29264763786563036, 0.069179785072523994, 0.18854018833025415, 0.29246153361640248, 0.061203601573774559, 0.20165363406067724, 0.40550136556166283, 0.011730978169399478, 0.018658615668343419, 0.026454232747076051, 0.026807232516512701, 0.033913769086665345, 0.03664850573740782},
     -2.0551012769047206, -0.068752087847054569, 17.580352642660163, 5, 16.885958062486033},};

/* EmplUK on the 140 x 9 grid (1976-1984): levels of log(emp), and the
 * regressors L.n, L2.n, w, L.w, k, ys, L.ys in logs. */
typedef struct {
    size_t G, T;
    double *y, *X;
    int exog[7], years[9];
    char *names[7];
    int *firms;   /* G firm numbers: entity i is firm firms[i] */
} emp_grid;

static emp_grid eg;

static double lagged(const double *v, size_t i, size_t t, size_t l)
{
    return t >= l ? v[i * eg.T + t - l] : NAN;
}

static int setup(void **state)
{
    (void)state;
    ref_table *tb = ref_read_csv("tests/data/emplUK.csv");
    if (!tb) return -1;
    size_t n = tb->nrow, G;
    int *firm = ref_codes(ref_col(tb, "firm"), n, &G, &eg.firms);
    const double *year = ref_col(tb, "year"), *emp = ref_col(tb, "emp"), *wage = ref_col(tb, "wage"),
                 *cap = ref_col(tb, "capital"), *out = ref_col(tb, "output");
    eg.G = G; eg.T = 9;
    size_t cells = G * eg.T;
    double *lv[4];
    for (int v = 0; v < 4; v++) { lv[v] = malloc(cells * sizeof(double)); for (size_t c = 0; c < cells; c++) lv[v][c] = NAN; }
    for (size_t r = 0; r < n; r++) {
        size_t c = (size_t)firm[r] * eg.T + (size_t)(year[r] - 1976);
        lv[0][c] = log(emp[r]); lv[1][c] = log(wage[r]); lv[2][c] = log(cap[r]); lv[3][c] = log(out[r]);
    }
    eg.y = lv[0];
    eg.X = malloc(7 * cells * sizeof(double));
    const int src[7] = {0, 0, 1, 1, 2, 3, 3}, lag[7] = {1, 2, 0, 1, 0, 0, 1};
    const char *nm[7] = {"L.n", "L2.n", "w", "L.w", "k", "ys", "L.ys"};
    for (int j = 0; j < 7; j++) {
        eg.names[j] = (char *)nm[j];
        eg.exog[j] = src[j] != 0;
        for (size_t i = 0; i < G; i++)
            for (size_t t = 0; t < eg.T; t++) eg.X[j * cells + i * eg.T + t] = lagged(lv[src[j]], i, t, (size_t)lag[j]);
    }
    for (int t = 0; t < 9; t++) eg.years[t] = 1976 + t;
    for (int v = 1; v < 4; v++) free(lv[v]);
    free(firm);
    ref_table_free(tb);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(eg.y); free(eg.X); free(eg.firms);
    return 0;
}

static const cpr_test *find_test(const cpr_result *r, const char *name)
{
    for (size_t i = 0; i < r->ntests; i++) if (strcmp(r->tests[i].name, name) == 0) return &r->tests[i];
    fail_msg("no test %s", name);
    return NULL;
}

static void check(ref_worst *w, const char *what, double got, double want)
{
    ref_track(w, what, got, want);
    if (!(ref_relerr(got, want) <= TOL)) fail_msg("%s: got %.17g want %.17g", what, got, want);
}

static cpr_gmm_spec spec(int twostep, int collapse)
{
    cpr_gmm_spec s = { .G = eg.G, .T = eg.T, .y = eg.y, .k = 7, .X = eg.X, .names = eg.names, .exog = eg.exog,
                       .z = eg.y, .lag_min = 2, .lag_max = 99, .collapse = collapse, .first = 3,
                       .time_effects = 1, .time_values = eg.years, .time_name = "year", .twostep = twostep };
    return s;
}

static void test_against_plm(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const oracle *o = &cases[c];
        cpr_gmm_spec s = spec(o->twostep, o->collapse);
        cpr_result *r = NULL;
        int rc = cpr_gmm_fit(&s, &r);
        if (rc) fail_msg("%s: %s", o->tag, cpr_last_error());
        assert_int_equal(r->k, K);
        assert_int_equal(r->nobs, 611);
        ref_worst w = {0};
        char what[64];
        for (size_t j = 0; j < K; j++) {
            snprintf(what, sizeof what, "%s coef %s", o->tag, r->terms[j]);
            check(&w, what, r->estimate[j], o->coef[j]);
            snprintf(what, sizeof what, "%s se %s", o->tag, r->terms[j]);
            check(&w, what, r->std_error[j], o->se[j]);
        }
        check(&w, "ar1", find_test(r, "ar1")->statistic, o->ar1);
        check(&w, "ar2", find_test(r, "ar2")->statistic, o->ar2);
        check(&w, "hansen", find_test(r, "hansen")->statistic, o->hansen);
        assert_true(find_test(r, "hansen")->df1 == o->hansen_df);
        check(&w, "sargan", find_test(r, "sargan")->statistic, o->sargan);
        assert_string_equal(r->terms[7], "year_1979");
        printf("# gmm %-5s %3d values vs plm, worst rel. error %.2e (%s)\n", o->tag, w.n, w.worst, w.what);
        cpr_result_free(r);
    }
}

/* Too few periods: equations would start at the last period. */
static void test_too_few_periods(void **state)
{
    (void)state;
    cpr_gmm_spec s = spec(0, 0);
    s.T = 4;   /* 1 equation period; refused before the data are read */
    cpr_result *r = NULL;
    cpr_error_clear();
    assert_int_equal(cpr_gmm_fit(&s, &r), CPR_E_NUMERIC);
    assert_null(r);
    assert_non_null(strstr(cpr_last_error(), "too few periods"));
    cpr_error_clear();
}

/* One line of gmm_emplUK_resid.out: pgmm's differenced equation of a firm
 * and year (used = 0: no equation, plm's all-zero row). */
typedef struct {
    char tag[8];
    int firm, year, used;
    double fitted, resid;
} resid_row;

static resid_row *read_resid(size_t *n)
{
    FILE *fp = fopen("tests/unit/oracle/gmm_emplUK_resid.out", "r");
    if (!fp) fail_msg("cannot open tests/unit/oracle/gmm_emplUK_resid.out");
    size_t cap = 4096;
    resid_row *rows = malloc(cap * sizeof *rows);
    char line[512];
    *n = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#') continue;
        double dy;
        resid_row *r = &rows[*n];
        if (sscanf(line, "%7s %d %d %d %lf %lf %lf", r->tag, &r->firm, &r->year, &r->used, &dy, &r->fitted, &r->resid) != 7)
            fail_msg("bad line in gmm_emplUK_resid.out: %s", line);
        if (++*n == cap) rows = realloc(rows, (cap *= 2) * sizeof *rows);
    }
    fclose(fp);
    return rows;
}

/* |got - want| within 1e-9 of max(|want|, 0.01): relative for residuals of
 * the usual size (0.01-0.6), 1e-11 absolute for the few near zero. */
static int resid_close(double got, double want)
{
    double scale = fabs(want) > 0.01 ? fabs(want) : 0.01;
    return isfinite(got) && fabs(got - want) <= 1e-9 * scale;
}

/* Mismatches between r's grid residuals / fitted values and the oracle rows
 * of `tag`: a used row must match, an unused one be NAN, and so must every
 * cell the oracle does not list (1976-1978: no equation). */
static size_t resid_mismatches(const cpr_result *r, const resid_row *rows, size_t n, const char *tag, ref_worst *w, size_t *nused)
{
    size_t bad = 0, cells = eg.G * eg.T, listed = 0;
    unsigned char *seen = calloc(cells, 1);
    *nused = 0;
    for (size_t q = 0; q < n; q++) {
        const resid_row *o = &rows[q];
        if (strcmp(o->tag, tag) != 0) continue;
        size_t i = 0;
        while (i < eg.G && eg.firms[i] != o->firm) i++;
        if (i == eg.G || o->year < 1976 || o->year > 1984) { bad++; continue; }
        size_t c = i * eg.T + (size_t)(o->year - 1976);
        seen[c] = 1; listed++;
        if (!o->used) { bad += !isnan(r->residuals[c]) || !isnan(r->fitted[c]); continue; }
        ++*nused;
        if (w) { ref_track(w, "resid", r->residuals[c], o->resid); ref_track(w, "fitted", r->fitted[c], o->fitted); }
        bad += !resid_close(r->residuals[c], o->resid) || !resid_close(r->fitted[c], o->fitted);
    }
    for (size_t c = 0; c < cells; c++)
        if (!seen[c]) bad += !isnan(r->residuals[c]) || !isnan(r->fitted[c]);
    free(seen);
    return listed ? bad : bad + 1;
}

/* The fit's residuals (the chosen step's, differenced) and fitted values
 * against pgmm's, cell by cell, for the four cases; and the comparison
 * catches one residual moved in its 8th digit. */
static void test_residuals_vs_plm(void **state)
{
    (void)state;
    size_t n;
    resid_row *rows = read_resid(&n);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const oracle *o = &cases[c];
        cpr_gmm_spec s = spec(o->twostep, o->collapse);
        cpr_result *r = NULL;
        if (cpr_gmm_fit(&s, &r)) fail_msg("%s: %s", o->tag, cpr_last_error());
        assert_non_null(r->residuals);
        assert_non_null(r->fitted);
        ref_worst w = {0};
        size_t nused;
        size_t bad = resid_mismatches(r, rows, n, o->tag, &w, &nused);
        if (bad) fail_msg("%s: %zu residuals or fitted values differ from plm's", o->tag, bad);
        assert_int_equal(nused, r->nobs);
        printf("# gmm %-5s %zu residuals and fitted values vs plm, worst rel. error %.2e (%s)\n", o->tag, nused, w.worst, w.what);
        if (c == 0) {   /* the test can fail: perturb one used residual of the oracle */
            size_t q = 0;
            while (q < n && !(strcmp(rows[q].tag, o->tag) == 0 && rows[q].used)) q++;
            assert_true(q < n);
            double keep = rows[q].resid;
            rows[q].resid *= 1 + 1e-8;
            assert_true(resid_mismatches(r, rows, n, o->tag, NULL, &nused) == 1);
            rows[q].resid = keep;
            r->residuals[eg.T] = 0.5;   /* a cell without an equation (firm 2, 1976) must be NAN */
            assert_true(resid_mismatches(r, rows, n, o->tag, NULL, &nused) == 1);
        }
        cpr_result_free(r);
    }
    free(rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_plm),
        cmocka_unit_test(test_too_few_periods),
        cmocka_unit_test(test_residuals_vs_plm),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
