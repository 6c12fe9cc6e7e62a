/* libreadstat through dlopen. The program is linked fully static (Makefile,
 * STATIC): with no dynamic loader a process starts in a third of the time,
 * and the small jobs are mostly start-up. Debian ships no libreadstat.a, so
 * this file defines the few readstat functions the Stata/SPSS reader uses
 * (src/load/readstat_read.c) and forwards them to libreadstat.so.1, loaded
 * the first time a .dta or .sav file is read; every build does the same,
 * static or not, so there is one way in. Without the library only those
 * files fail, with the loader's message. */
#include <dlfcn.h>
#include <pthread.h>
#include <readstat.h>
#include <stdio.h>

#define RS_FUNCS(X) \
    X(readstat_parser_t *, readstat_parser_init, (void), ()) \
    X(void, readstat_parser_free, (readstat_parser_t *p), (p)) \
    X(readstat_error_t, readstat_set_metadata_handler, (readstat_parser_t *p, readstat_metadata_handler h), (p, h)) \
    X(readstat_error_t, readstat_set_variable_handler, (readstat_parser_t *p, readstat_variable_handler h), (p, h)) \
    X(readstat_error_t, readstat_set_value_handler, (readstat_parser_t *p, readstat_value_handler h), (p, h)) \
    X(readstat_error_t, readstat_set_value_label_handler, (readstat_parser_t *p, readstat_value_label_handler h), (p, h)) \
    X(readstat_error_t, readstat_set_handler_character_encoding, (readstat_parser_t *p, const char *e), (p, e)) \
    X(readstat_error_t, readstat_parse_dta, (readstat_parser_t *p, const char *f, void *u), (p, f, u)) \
    X(readstat_error_t, readstat_parse_sav, (readstat_parser_t *p, const char *f, void *u), (p, f, u)) \
    X(const char *, readstat_error_message, (readstat_error_t e), (e)) \
    X(int, readstat_get_row_count, (readstat_metadata_t *m), (m)) \
    X(int, readstat_get_var_count, (readstat_metadata_t *m), (m)) \
    X(const char *, readstat_variable_get_name, (const readstat_variable_t *v), (v)) \
    X(const char *, readstat_variable_get_label, (const readstat_variable_t *v), (v)) \
    X(readstat_type_class_t, readstat_variable_get_type_class, (const readstat_variable_t *v), (v)) \
    X(int, readstat_variable_get_index, (const readstat_variable_t *v), (v)) \
    X(int, readstat_value_is_missing, (readstat_value_t x, readstat_variable_t *v), (x, v)) \
    X(int, readstat_value_is_tagged_missing, (readstat_value_t x), (x)) \
    X(readstat_type_t, readstat_value_type, (readstat_value_t x), (x)) \
    X(const char *, readstat_string_value, (readstat_value_t x), (x)) \
    X(double, readstat_double_value, (readstat_value_t x), (x))

static struct {
#define RS_PTR(ret, name, params, args) ret(*name) params;
    RS_FUNCS(RS_PTR)
} rs;
static int rs_ok;
static char rs_err[512];
static pthread_once_t rs_once = PTHREAD_ONCE_INIT;

static void rs_open(void)
{
    void *h = dlopen("libreadstat.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(rs_err, sizeof rs_err, "%s (Stata and SPSS files need ReadStat: apt-get install libreadstat1)", dlerror());
        return;
    }
    rs_ok = 1;
#define RS_SYM(ret, name, params, args) \
    if (!(*(void **)&rs.name = dlsym(h, #name))) rs_ok = 0;
    RS_FUNCS(RS_SYM)
    if (!rs_ok) snprintf(rs_err, sizeof rs_err, "libreadstat.so.1 lacks a function cpr-stats uses (a ReadStat older than 1.1)");
}

/* Without the library the parser is a stand-in that reads nothing: the
 * parse fails with READSTAT_ERROR_OPEN, and its message (through
 * readstat_error_message) is the loader's, naming libreadstat.so.1. */
static char rs_missing_parser;

readstat_parser_t *readstat_parser_init(void)
{
    pthread_once(&rs_once, rs_open);
    return rs_ok ? rs.readstat_parser_init() : (readstat_parser_t *)(void *)&rs_missing_parser;
}

#define RS_FWD(ret, name, params, args) \
    ret name params { return rs.name args; }
#define RS_PARSER(ret, name, params, args, none) \
    ret name params { return rs_ok ? rs.name args : none; }
void readstat_parser_free(readstat_parser_t *p)
{
    if (rs_ok) rs.readstat_parser_free(p);
}
RS_PARSER(readstat_error_t, readstat_set_metadata_handler, (readstat_parser_t *p, readstat_metadata_handler h), (p, h), READSTAT_OK)
RS_PARSER(readstat_error_t, readstat_set_variable_handler, (readstat_parser_t *p, readstat_variable_handler h), (p, h), READSTAT_OK)
RS_PARSER(readstat_error_t, readstat_set_value_handler, (readstat_parser_t *p, readstat_value_handler h), (p, h), READSTAT_OK)
RS_PARSER(readstat_error_t, readstat_set_value_label_handler, (readstat_parser_t *p, readstat_value_label_handler h), (p, h), READSTAT_OK)
RS_PARSER(readstat_error_t, readstat_set_handler_character_encoding, (readstat_parser_t *p, const char *e), (p, e), READSTAT_OK)
RS_PARSER(readstat_error_t, readstat_parse_dta, (readstat_parser_t *p, const char *f, void *u), (p, f, u), READSTAT_ERROR_OPEN)
RS_PARSER(readstat_error_t, readstat_parse_sav, (readstat_parser_t *p, const char *f, void *u), (p, f, u), READSTAT_ERROR_OPEN)
RS_FWD(int, readstat_get_row_count, (readstat_metadata_t *m), (m))
RS_FWD(int, readstat_get_var_count, (readstat_metadata_t *m), (m))
RS_FWD(const char *, readstat_variable_get_name, (const readstat_variable_t *v), (v))
RS_FWD(const char *, readstat_variable_get_label, (const readstat_variable_t *v), (v))
RS_FWD(readstat_type_class_t, readstat_variable_get_type_class, (const readstat_variable_t *v), (v))
RS_FWD(int, readstat_variable_get_index, (const readstat_variable_t *v), (v))
RS_FWD(int, readstat_value_is_missing, (readstat_value_t x, readstat_variable_t *v), (x, v))
RS_FWD(int, readstat_value_is_tagged_missing, (readstat_value_t x), (x))
RS_FWD(readstat_type_t, readstat_value_type, (readstat_value_t x), (x))
RS_FWD(const char *, readstat_string_value, (readstat_value_t x), (x))
RS_FWD(double, readstat_double_value, (readstat_value_t x), (x))

const char *readstat_error_message(readstat_error_t e)
{
    return rs_ok ? rs.readstat_error_message(e) : rs_err;
}
