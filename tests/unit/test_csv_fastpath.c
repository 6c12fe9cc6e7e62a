/* Differential test of the CSV loader: every input is loaded through the
 * loader's own line splitter (with several read-buffer sizes, so lines and
 * quoted fields straddle the reads) and through libcsv alone
 * (cpr_csv_force_libcsv), and through the parallel parse on 3 threads with
 * tiny pieces (csv_pieces.c), and the results must be identical: status code,
 * error message, names, types, keys, labels and every value bit for bit.
 *
 * Inputs: every *.csv under tests/ (tests/reference included), datasets/
 * (datasets/sources included) and $CPR_REFERENCE when set
 * (CPR_REFERENCE), the input sections of the .t cases in tests/e2e/cases, hand-written
 * tricky files (quotes, CRLF, lone CR, embedded newlines, BOM, ragged rows,
 * blank lines, missing tokens, long and extreme numbers, bad bytes) and a
 * few thousand seeded random files built from those pieces.
 *
 * Also: cpr_parse_double (the fast decimal path and its fallback) against
 * strtod, bit for bit, on fixed and random decimal strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpr/frame.h"
#include "cpr/status.h"
#include "cpr/threads.h"
#include "cpr/util.h"
#include "../../src/load/load_internal.h"

/* ---- comparing two loads ---- */

typedef struct {
    int rc;
    char msg[1024];
    cpr_frame *f;
} load_result;

/* threads > 1: the parallel parse (csv_pieces.c) with pieces of at least
 * `piece` bytes, so cuts fall inside quoted fields, before text cells that
 * type a column, inside ragged or broken rows. */
static void load_par(const char *path, const cpr_load_opts *o, int libcsv, size_t chunk, int threads, size_t piece,
                     load_result *r)
{
    cpr_threads_set(threads);
    cpr_csv_set_min_piece(piece);
    cpr_csv_force_libcsv(libcsv);
    cpr_csv_set_chunk(chunk);
    cpr_error_clear();
    r->f = NULL;
    r->rc = cpr_frame_read_csv(path, o, &r->f);
    snprintf(r->msg, sizeof r->msg, "%s", cpr_last_error());
    cpr_error_clear();
    cpr_csv_force_libcsv(0);
    cpr_csv_set_chunk(0);
    cpr_csv_set_min_piece(0);
    cpr_threads_set(1);
}

static void load(const char *path, const cpr_load_opts *o, int libcsv, size_t chunk, load_result *r)
{
    load_par(path, o, libcsv, chunk, 1, 0, r);
}

static int same_str(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

/* NULL when equal, else a description of the first difference. */
static const char *frame_diff(const cpr_frame *a, const cpr_frame *b, char *buf, size_t n)
{
    if (!a || !b) return a == b ? NULL : "one load gave no frame";
    if (a->nrow != b->nrow) { snprintf(buf, n, "nrow %zu vs %zu", a->nrow, b->nrow); return buf; }
    if (a->ncol != b->ncol) { snprintf(buf, n, "ncol %zu vs %zu", a->ncol, b->ncol); return buf; }
    if (!same_str(a->entity_name, b->entity_name) || !same_str(a->time_name, b->time_name)) return "key names";
    if (!same_str(a->source, b->source)) return "source";
    if (a->n_entities != b->n_entities) return "number of entities";
    for (size_t e = 0; e < a->n_entities; e++)
        if (!same_str(a->entity_labels[e], b->entity_labels[e])) { snprintf(buf, n, "entity label %zu", e); return buf; }
    if ((a->entity == NULL) != (b->entity == NULL) || (a->time == NULL) != (b->time == NULL)) return "key arrays";
    for (size_t i = 0; i < a->nrow; i++) {
        if (a->entity && a->entity[i] != b->entity[i]) { snprintf(buf, n, "entity code row %zu", i); return buf; }
        if (a->time && a->time[i] != b->time[i]) { snprintf(buf, n, "time row %zu", i); return buf; }
    }
    for (size_t j = 0; j < a->ncol; j++) {
        const cpr_column *x = &a->cols[j], *y = &b->cols[j];
        if (!same_str(x->name, y->name)) { snprintf(buf, n, "column %zu name '%s' vs '%s'", j, x->name, y->name); return buf; }
        if (x->type != y->type) { snprintf(buf, n, "column '%s' type", x->name); return buf; }
        for (size_t i = 0; i < a->nrow; i++) {
            if (x->type == CPR_COL_NUM) {
                if (memcmp(&x->num[i], &y->num[i], sizeof(double)) != 0) {
                    snprintf(buf, n, "column '%s' row %zu: %.17g vs %.17g", x->name, i, x->num[i], y->num[i]);
                    return buf;
                }
            } else if (!same_str(x->text[i], y->text[i])) {
                snprintf(buf, n, "column '%s' row %zu: text differs", x->name, i);
                return buf;
            }
        }
    }
    return NULL;
}

static size_t n_compared, n_failed_loads, n_want_compared;

/* ---- loading only some columns (cpr_load_opts.want) ----
 * The file loaded with every other header name wanted (the even, then the
 * odd positions) must give the full load's status and message, and its
 * panel key and wanted columns bit for bit: the columns not kept are still
 * split and checked (a bad number or a ragged row in one of them fails the
 * load as before), only not stored. When a wanted name is not a column (a
 * long-layout file's "indicator", a header split wrongly here), every
 * column is kept. */

/* The header's names, split naively at the separator (quotes and blanks
 * stripped): good enough for the fixtures; a wrong name only means that
 * every column is kept. */
static size_t header_names(const char *path, char sep, char names[][64], size_t max)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return 0;
    char line[4096];
    size_t n = 0;
    if (fgets(line, sizeof line, fp)) {
        char *p = line;
        if (strncmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
        if (!sep) sep = strchr(p, ';') && !strchr(p, ',') ? ';' : strchr(p, '\t') && !strchr(p, ',') ? '\t' : ',';
        for (;;) {
            char *e = strchr(p, sep);
            size_t len = e ? (size_t)(e - p) : strcspn(p, "\r\n");
            char *a = p, *b = p + len;
            while (a < b && (*a == ' ' || *a == '\t' || *a == '"')) a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '"' || b[-1] == '\r' || b[-1] == '\n')) b--;
            if (n < max) snprintf(names[n++], 64, "%.*s", (int)(b - a), a);
            if (!e) break;
            p = e + 1;
        }
    }
    fclose(fp);
    return n;
}

static int in_list(const char *name, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], name) == 0) return 1;
    return 0;
}

/* NULL when got is ref cut to the columns in want (or all of ref when
 * some wanted name is neither a column nor a key of ref). */
static const char *want_diff(const cpr_frame *ref, const cpr_frame *got, const char *const *want, size_t nwant, char *buf,
                             size_t n)
{
    if (!ref || !got) return ref == got ? NULL : "one load gave no frame";
    int all = 0;
    for (size_t w = 0; w < nwant; w++)
        all |= cpr_frame_find(ref, want[w]) < 0 && !same_str(want[w], ref->entity_name) && !same_str(want[w], ref->time_name);
    cpr_frame cut = *ref;
    cpr_column *cols = cpr_calloc(ref->ncol + 1, sizeof *cols);
    cut.cols = cols;
    cut.ncol = 0;
    for (size_t j = 0; j < ref->ncol; j++)
        if (all || in_list(ref->cols[j].name, want, nwant)) cols[cut.ncol++] = ref->cols[j];
    const char *d = frame_diff(&cut, got, buf, n);
    free(cols);
    return d;
}

static void compare_want(const char *path, const char *label, const cpr_load_opts *o, const load_result *ref,
                         const size_t *chunks, size_t nchunk)
{
    char names[64][64];
    size_t nn = header_names(path, o ? o->sep : 0, names, 64);
    for (size_t parity = 0; parity < 2 && nn; parity++) {
        const char *want[32];
        size_t nwant = 0;
        for (size_t i = parity; i < nn && nwant < 32; i += 2) want[nwant++] = names[i];
        cpr_load_opts w = o ? *o : (cpr_load_opts){0};
        w.want = want;
        w.nwant = nwant;
        for (size_t c = 0; c < nchunk && c < 3; c++)
            for (int lib = 0; lib < 3; lib++) {
                load_result got;
                if (lib == 2) load_par(path, &w, 0, chunks[c], 3, c % 2 ? 1 : 10, &got);
                else load(path, &w, lib, chunks[c], &got);
                char buf[256];
                const char *d = NULL;
                if (got.rc != ref->rc) d = "status code";
                else if (strcmp(got.msg, ref->msg) != 0) d = "error message";
                else d = want_diff(ref->f, got.f, want, nwant, buf, sizeof buf);
                if (d)
                    fail_msg("%s (wanted the %s columns, %s, read size %zu): %s\n  all:  %d %s\n  some: %d %s", label,
                             parity ? "odd" : "even", lib == 1 ? "libcsv" : lib ? "parallel" : "splitter", chunks[c], d,
                             ref->rc, ref->msg, got.rc, got.msg);
                cpr_frame_free(got.f);
                n_want_compared++;
            }
    }
}

/* Load `path` both ways with each option set and read-buffer size. */
static void compare_file(const char *path, const char *label)
{
    struct stat st;
    size_t size = stat(path, &st) == 0 ? (size_t)st.st_size : 0;
    cpr_load_opts nokey = {0}, semi = {0};
    nokey.quiet = semi.quiet = 1;
    nokey.no_key = 1;
    semi.sep = ';';
    const cpr_load_opts *opts[] = {NULL, &nokey, &semi};
    /* Tiny reads on small files; big files get a few sizes only. */
    size_t small[] = {0, 4, 5, 7, 13, 64, 1000};
    size_t big[] = {0, 4096, 65537};
    size_t *chunks = size < 20000 ? small : big;
    size_t nchunk = size < 20000 ? sizeof small / sizeof *small : sizeof big / sizeof *big;
    for (size_t o = 0; o < sizeof opts / sizeof *opts; o++) {
        load_result ref;
        load(path, opts[o], 1, 0, &ref);
        if (ref.rc) n_failed_loads++;
        for (size_t c = 0; c < nchunk; c++) {
            /* lib 2: the splitter on 3 threads, pieces of 1 or 10 bytes */
            for (int lib = 0; lib < 3; lib++) {
                if (lib == 1 && chunks[c] == 0) continue; /* that is ref */
                load_result got;
                if (lib == 2) load_par(path, opts[o], 0, chunks[c], 3, c % 2 ? 1 : 10, &got);
                else load(path, opts[o], lib, chunks[c], &got);
                char buf[256];
                const char *d = NULL;
                if (got.rc != ref.rc) d = "status code";
                else if (strcmp(got.msg, ref.msg) != 0) d = "error message";
                else d = frame_diff(ref.f, got.f, buf, sizeof buf);
                if (d)
                    fail_msg("%s (options %zu, %s, read size %zu): %s\n  libcsv: %d %s\n  this:   %d %s", label, o,
                             lib == 1 ? "libcsv" : lib ? "parallel" : "splitter", chunks[c], d, ref.rc, ref.msg, got.rc, got.msg);
                cpr_frame_free(got.f);
                n_compared++;
            }
        }
        compare_want(path, label, opts[o], &ref, chunks, nchunk);
        cpr_frame_free(ref.f);
    }
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static size_t walk_csv(const char *dir, int depth)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *p = cpr_asprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < 6) n += walk_csv(p, depth + 1);
            else if (S_ISREG(st.st_mode) && has_suffix(p, ".csv")) { compare_file(p, p); n++; }
        }
        free(p);
    }
    closedir(d);
    return n;
}

static char tmpdir[256];

static char *write_tmp(const char *name, const char *data, size_t len)
{
    char *p = cpr_asprintf("%s/%s", tmpdir, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
    return p;
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s/cpr-csvfast.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char *p = cpr_asprintf("%s/%s", tmpdir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(tmpdir);
    return 0;
}

/* ---- fixture files ---- */

static void test_fixture_files(void **state)
{
    (void)state;
    const char *ref = getenv("CPR_REFERENCE");
    /* tests/ already holds tests/reference; walk a reference tree elsewhere too */
    size_t n = walk_csv("tests", 0) + walk_csv("datasets", 0) + (ref && *ref ? walk_csv(ref, 0) : 0);
    assert_true(n >= 10); /* the walk found the fixtures */
    print_message("%zu fixture files, %zu comparisons, %zu refused by both; %zu loads of some columns\n", n, n_compared,
                  n_failed_loads, n_want_compared);
    assert_true(n_want_compared > 0);
}

/* The "--- input" sections of the end-to-end cases, written the way
 * tests/e2e/run.sh writes them (every line ends with a newline). */
static void test_e2e_inputs(void **state)
{
    (void)state;
    DIR *d = opendir("tests/e2e/cases");
    assert_non_null(d);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d))) {
        if (!has_suffix(e->d_name, ".t")) continue;
        char *p = cpr_asprintf("tests/e2e/cases/%s", e->d_name);
        FILE *fp = fopen(p, "rb");
        free(p);
        if (!fp) continue;
        char *buf = NULL;
        size_t len = 0, cap = 0;
        char line[8192];
        int in = 0, any = 0;
        while (fgets(line, sizeof line, fp)) {
            size_t l = strlen(line);
            if (strncmp(line, "--- ", 4) == 0 && (strcmp(line + 4, "input\n") == 0 || strcmp(line + 4, "stdout\n") == 0 ||
                                                  strcmp(line + 4, "stderr\n") == 0)) {
                in = strcmp(line + 4, "input\n") == 0;
                any |= in;
                continue;
            }
            if (!in) continue;
            if (l == 0 || line[l - 1] != '\n') line[l++] = '\n'; /* awk's print */
            if (len + l + 1 > cap) { cap = 2 * (len + l + 1); buf = cpr_realloc(buf, cap); }
            memcpy(buf + len, line, l);
            len += l;
        }
        fclose(fp);
        if (any) {
            char *name = cpr_asprintf("e2e_%s.csv", e->d_name);
            char *path = write_tmp(name, buf ? buf : "", len);
            compare_file(path, e->d_name);
            unlink(path);
            free(path);
            free(name);
            n++;
        }
        free(buf);
    }
    closedir(d);
    assert_true(n >= 20);
}

/* ---- hand-written tricky inputs ---- */

static const char *const tricky[] = {
    "id,year,x\na,2000,1\na,2001,2\n",
    "id,year,x\r\na,2000,1\r\na,2001,2\r\n",
    "\xEF\xBB\xBFid,year,x\na,2000,1\n",
    "\xEF\xBB\xBF",
    "\xEF\xBB\xBF\n",
    "",
    "\n",
    "id,year,x\n",
    "id,year,x",
    "id,year,x\na,2000,1",
    "id,year,x\na,2000,\"1",
    "id,year,x\na,2000,1\"2\n",
    "id,year,x\na,2000,\"1\"2\n",
    "id,year,x\na,2000,\"1\" \n",
    "id,year,x\na,2000, \"1\"\n",
    "id,year,note\na,2000,\"x,y\"\na,2001,\"two\nlines\"\na,2002,\"a\"\"b\"\n",
    "id,year,note\r\na,2000,\"two\r\nlines\"\r\nb,2000,plain\r\n",
    "id,year,x\ra,2000,1\ra,2001,2\r",
    "id,year,x\na,2000,1\rb,2000,2\n",
    "id,year,x\na,2000,1\r\r\nb,2000,2\n",
    "id,year,x\n\na,2000,1\n\n\nb,2000,2\n\n",
    "id,year,x\n   \na,2000,1\n \t \nb,2000,2\n",
    "id,year,x\na,2000,1\nb,2000\n",
    "id,year,x\na,2000,1,4\n",
    "id,year,x\na,2000,1,\n",
    "id,year,x\n,2000,1\n",
    "id,year,x\na,,1\n",
    "id,year,x\na,NA,1\n",
    "id,year,x\na,2000.5,1\n",
    "id,year,x\na,2000,1\na,2000,2\n",
    "id,year,x\nb,2001,1\na,2000,2\nb,2000,3\n",
    "id,year,x,y,z,w,v\na,2000,,NA,..,.,NaN\na,2001,#N/A,N/A,NULL,nan,null\na,2002,1,2,3,4,5\n",
    "id,year,x\na,2000,Inf\n",
    "id,year,x\na,2000,-inf\n",
    "id,year,x\na,2000,1e400\n",
    "id,year,x\na,2000,-1e400\n",
    "id,year,x\na,2000,abc\n",
    "id,year,x\na,2000,NA\na,2001,abc\n",
    "id,year,x\na,2000,1\na,2001,abc\n",
    "id,year,x\na,2000,0x10\n",
    "id,year,x\na,2000,1,5\n",
    "x\n0.1000000000000000055511151231257827\n1e-320\n1.7976931348623157e308\n4.9e-324\n2.2250738585072011e-308\n"
    "9007199254740993\n9007199254740992\n123456789012345678901234567890\n0.000000000000000000000000000001\n"
    "1e22\n1e23\n1e-22\n1e-23\n-0\n+0\n-0.0\n1.\n.5\n-.5\n+1.5e+3\n1E5\n2.5e-0005\n"
    "00000000000000000000001\n0.00000000000000000000000000000000000000000000000000000000000000000000000000000000001\n",
    "x\n1e\n",
    "x\ne5\n",
    "x\n--1\n",
    "x\n1.2.3\n",
    "x\n 1.5 \n\t2\t\n",
    "x\n1 5\n",
    "x;y\n1,5;2\n",
    "a\tb\tc\n1\t2\t3\n\t\t\n4\t\t6\n",
    "a\tb\tc\n1 \t 2\t3 \n",
    "country;year;gdp;note\n\"Per\xC3\xBA\";2000;1;\"a; b\"\n\"S\xC3\xA3o Tom\xC3\xA9\";2000;3;\"two\nlines\"\n",
    "\"id\",\"year\",\"x\"\n\"a\",\"2000\",\"1.5\"\n",
    "id,year,\"a,b\"\nx,2000,1\n",
    "id,year,x\na,2000,1\n\xFF\n",
    "id,year,x\na,2000,1\nb,2000,\x01\n",
    "id,year,x\na,2000,\"1\n\xC3\x28\n",
    "id,year,x\na,2000,1\"\nb,2000,\x7F\n",
    "id,year,x\na,2000,1\nb,2000,2\x00\n",
    "id,year,x\n\"a,2000,1\nb,2000,2\n",
    "iso3,year,indicator,value\nARG,2000,gdp,1\nARG,2000,pop,2\nBRA,2000,gdp,NA\n",
    "iso3,year,indicator,value\nARG,2000,gdp,1\nARG,2000,gdp,2\n",
    "iso3,year,indicator,value\nARG,2000,\"gdp, real\",1\nARG,2000,pop,x\n",
    "x,x\n1,2\n",
    ",,\n1,2,3\n",
    "id,year,name\na,2000,NA\na,2001,text\na,2002,\n",
    "id , year ,x \n a ,2000, 1 \n",
    "id,year,x\n a\t,2000,1\n",
    "x\n1\n2",
    "x\nabc",
    "x,y\n1,\n",
    "x,y\n1,\"\"\n",
};

static void test_tricky_inputs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
        size_t len = strlen(tricky[i]);
        char *name = cpr_asprintf("tricky%zu.csv", i);
        char *path = write_tmp(name, tricky[i], len);
        compare_file(path, name);
        unlink(path);
        free(path);
        free(name);
    }
    /* A NUL byte (strlen would stop at it). */
    static const char nul[] = "id,year,x\na,2000,1\nb,2000,2\0\n";
    char *path = write_tmp("nul.csv", nul, sizeof nul - 1);
    compare_file(path, "nul.csv");
    unlink(path);
    free(path);
}

/* ---- seeded random files from the same pieces ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

typedef struct {
    char *p;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->p = cpr_realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}
static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

static void test_random_files(void **state)
{
    (void)state;
    static const char *const headers[] = {"id,year,x,y", "iso3;year;gdp", "a\tb\tc", "iso3,year,indicator,value",
                                          "x,y", "country,time,v w,\"q,1\"", "\xEF\xBB\xBFid,year,x", "x"};
    static const char seps[] = {',', ';', '\t', ',', ',', ',', ',', ','};
    static const unsigned ncols[] = {4, 3, 3, 4, 2, 4, 3, 1};
    /* Cells that keep a numeric column valid. */
    static const char *const good[] = {"1", "2.5", "-3", "1e5", "-0", "0.1000000000000000055511151231257827",
                                       "1e-320", "1.7976931348623157e308", "NA", "", "..", ".", "NaN", "#N/A",
                                       " 3 ", "\t4", "\"7\"", "123456789.123456789", "9007199254740993",
                                       "1.5e-7", "\" 8 \"", "4.9e-324", "-12345678901234567890", "+.5"};
    static const char *const cells[] = {
        "1", "2.5", "-3", "1e5", "-0", "0.1000000000000000055511151231257827", "1e-320", "1.7976931348623157e308",
        "1e400", "Inf", "NA", "", "..", ".", "NaN", "#N/A", " 3 ", "\t4", "abc", "\"q,uoted\"", "\"multi\nline\"",
        "\"a\"\"b\"", "\"7\"", "\xC3\xA9", "2000", "2001", "2000.5", "A", "B", " C ", "\"D\"", "gdp", "pop",
        "123456789.123456789", "9007199254740993", "1.5e-7", "x\"y", "\"open", "\xFF", "\x01"};
    static const char *const ends[] = {"\n", "\n", "\n", "\r\n", "\r", "", " \n"};
    size_t nfiles = getenv("CPR_UNDER_VALGRIND") ? 300 : 3000, before = n_failed_loads;
    for (size_t f = 0; f < nfiles; f++) {
        sbuf b = {0};
        unsigned h = rnd(sizeof headers / sizeof *headers);
        char sep = seps[h];
        int keyed = h == 0 || h == 1 || h == 3 || h == 5 || h == 6;
        puts_(&b, headers[h]);
        puts_(&b, "\n");
        unsigned nrow = rnd(16);
        for (unsigned r = 0; r < nrow; r++) {
            unsigned nf = rnd(40) ? ncols[h] : 1 + rnd(5);
            int clean = rnd(12) != 0; /* most rows load */
            for (unsigned c = 0; c < nf; c++) {
                if (c) {
                    char s = !clean && rnd(10) == 0 ? ";,\t"[rnd(3)] : sep;
                    put(&b, &s, 1);
                }
                unsigned k = rnd(sizeof cells / sizeof *cells);
                /* Bad bytes and lone quotes rarely; usually a valid key. */
                if ((k >= 36) && rnd(4)) k = rnd(24);
                if (keyed && c == 0 && (clean || rnd(4))) k = 27 + rnd(4);
                if (keyed && c == 1 && (clean || rnd(4))) k = 24 + rnd(2);
                char year[16];
                snprintf(year, sizeof year, "%u", 1900 + r * 3 + rnd(3));
                if (clean && keyed && c == 1) puts_(&b, year);
                else puts_(&b, clean && !(keyed && c < 2) ? good[rnd(sizeof good / sizeof *good)] : cells[k]);
            }
            const char *e = ends[rnd(sizeof ends / sizeof *ends)];
            if (r + 1 < nrow && *e == '\0') e = "\n";
            puts_(&b, e);
            if (rnd(15) == 0) puts_(&b, rnd(2) ? "\n" : "  \n");
        }
        char name[64];
        snprintf(name, sizeof name, "random%zu.csv", f);
        char *path = write_tmp(name, b.p ? b.p : "", b.len);
        compare_file(path, name);
        unlink(path);
        free(path);
        free(b.p);
    }
    print_message("%zu random files, %zu of their loads refused by both ways\n", nfiles, n_failed_loads - before);
}

/* A file larger than the default read buffer: lines and a quoted field
 * across the 1 MiB boundary. */
static void test_large_file(void **state)
{
    (void)state;
    sbuf b = {0};
    puts_(&b, "id,year,x,note\r\n");
    char line[128];
    for (int i = 0; b.len < (1u << 20) + 70000; i++) {
        int n = snprintf(line, sizeof line, "e%d,%d,%d.%03d,%s\r\n", i / 50, 1900 + i % 50, i, i % 1000,
                         i % 997 == 0 ? "\"multi\r\nline, quoted\"" : i % 13 == 0 ? "NA" : "plain");
        put(&b, line, (size_t)n);
    }
    char *path = write_tmp("large.csv", b.p, b.len);
    compare_file(path, "large.csv");
    unlink(path);
    free(path);
    free(b.p);
}

/* Repeated header names: the earliest repeated column is named (as the
 * former pairwise check did), and a very wide header is not quadratic. */
static void test_duplicate_names(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"q,b,c,b,q\n1,2,3,4,5\n", "'q'"}, {"z,b,c,b,c\n1,2,3,4,5\n", "'b'"}};
    for (size_t i = 0; i < 2; i++) {
        char *path = write_tmp("dup.csv", cases[i][0], strlen(cases[i][0]));
        for (int lib = 0; lib < 2; lib++) {
            load_result r;
            load(path, NULL, lib, 0, &r);
            assert_int_equal(r.rc, CPR_E_RAGGED);
            assert_non_null(strstr(r.msg, "dup.csv:1: column name "));
            assert_non_null(strstr(r.msg, cases[i][1]));
        }
        unlink(path);
        free(path);
    }
    sbuf b = {0};
    char cell[32];
    for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < 30000; j++) {
            int n = snprintf(cell, sizeof cell, pass ? "%s%d" : "%sv%d", j ? "," : "", j);
            put(&b, cell, (size_t)n);
        }
        puts_(&b, "\n");
    }
    char *path = write_tmp("wide.csv", b.p, b.len);
    load_result r;
    load(path, NULL, 0, 0, &r);
    assert_int_equal(r.rc, CPR_OK);
    assert_int_equal(r.f->ncol, 30000);
    assert_true(r.f->cols[29999].num[0] == 29999.0);
    cpr_frame_free(r.f);
    unlink(path);
    free(path);
    free(b.p);
}

/* ---- numbers ---- */

static void check_number(const char *s)
{
    double v = 0, ref;
    int rc = cpr_parse_double(s, strlen(s), &v);
    char *end;
    ref = strtod(s, &end);
    int whole = *s && *end == '\0';
    if (!whole) {
        if (rc == 1) fail_msg("'%s': parsed as %.17g, strtod stops early", s, v);
        return;
    }
    if (!isfinite(ref)) {
        if (rc != -1) fail_msg("'%s': not finite for strtod, cpr_parse_double gave %d", s, rc);
        return;
    }
    if (rc != 1 || memcmp(&v, &ref, sizeof v) != 0)
        fail_msg("'%s': cpr_parse_double %d %.17g (%a), strtod %.17g (%a)", s, rc, v, v, ref, ref);
}

static void test_numbers_match_strtod(void **state)
{
    (void)state;
    static const char *const fixed[] = {
        "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "1.5", "0.1", "0.2", "0.3", "1.", ".5", "-.5",
        "0.1000000000000000055511151231257827", "1e-320", "4.9e-324", "2.4703282292062327e-324",
        "2.2250738585072011e-308", "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995", "18014398509481985",
        "123456789012345678", "1234567890123456789", "12345678901234567890", "0.30000000000000004",
        "3.141592653589793238462643383279", "1e22", "1e23", "1e-22", "1e-23", "8.98846567431158e307",
        "7.2057594037927933e16", "1448997445238699", "1.0e+0022", "1e0", "1E-0", "2.5e-0005", "123.456e2",
        "0.000001", "1000000000000000000000", "4503599627370496.5", "4503599627370497.5", "0.1e-21", "100e-24"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) check_number(fixed[i]);
    /* Random decimal strings: 1-22 digits, a point anywhere, exponents in
     * and beyond the fast path's range. */
    size_t n = getenv("CPR_UNDER_VALGRIND") ? 20000 : 300000;
    char s[64];
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        if (rnd(3) == 0) s[k++] = rnd(2) ? '-' : '+';
        unsigned nd = 1 + rnd(22), dot = rnd(nd + 2);
        for (unsigned d = 0; d < nd; d++) {
            if (d == dot) s[k++] = '.';
            s[k++] = (char)('0' + (d == 0 && rnd(4) ? 1 + rnd(9) : rnd(10)));
        }
        if (rnd(2)) k += (size_t)snprintf(s + k, sizeof s - k, "%c%d", rnd(2) ? 'e' : 'E', (int)rnd(660) - 330);
        else if (rnd(3) == 0) k += (size_t)snprintf(s + k, sizeof s - k, "e%d", (int)rnd(50) - 25);
        s[k] = '\0';
        check_number(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_match_strtod),
        cmocka_unit_test(test_tricky_inputs),
        cmocka_unit_test(test_e2e_inputs),
        cmocka_unit_test(test_fixture_files),
        cmocka_unit_test(test_large_file),
        cmocka_unit_test(test_duplicate_names),
        cmocka_unit_test(test_random_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
