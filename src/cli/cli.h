/* Command-line plumbing shared by the commands: one option table per
 * command (name, argument, default, help), from which both getopt_long's
 * table and the --help text are generated, so they cannot disagree. */
#ifndef CPR_CLI_H
#define CPR_CLI_H

#include "cpr/catalogue.h"
#include "cpr/formula.h"
#include "cpr/frame.h"
#include "cpr/report.h"
#include "cpr/result.h"

#include <stdio.h>

typedef struct {
    const char *name;     /* long option name */
    int short_name;       /* 0 when none */
    const char *arg;      /* metavar, or NULL for a flag */
    const char *def;      /* default shown in --help, or NULL */
    const char *help;
} cli_opt;

typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;        /* after "cpr-stats NAME " */
    const char *description;  /* paragraph(s) printed under the usage line */
    const cli_opt *opts;      /* terminated by {0} */
    int (*run)(const struct cli_command *cmd, int argc, char **argv);
} cli_command;

/* Parsed option values, looked up by long name. */
typedef struct {
    const cli_command *cmd;
    size_t n;
    const char **names;   /* per occurrence */
    const char **values;  /* NULL for flags */
    int npos;
    char **pos;           /* positional arguments */
} cli_args;

/* Parse argv for `cmd`. Returns 0 on success, CPR_E_USAGE after printing a
 * one-line error and a hint, or -1 when --help was printed (exit 0). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *a);
void cli_args_free(cli_args *a);
const char *cli_get(const cli_args *a, const char *name);          /* last value */
int cli_has(const cli_args *a, const char *name);
size_t cli_get_all(const cli_args *a, const char *name, const char **out, size_t max);
void cli_print_help(const cli_command *cmd, FILE *out);
int cli_usage_error(const cli_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Numeric option parsing with a usage error on bad text. */
int cli_get_long(const cli_args *a, const char *name, long def, long lo, long hi, long *out);
int cli_get_double(const cli_args *a, const char *name, double def, double *out);
/* --format FMT (CLI_FORMAT_OPT): one of the report backends; usage error
 * naming them otherwise. */
int cli_get_format(const cli_args *a, cpr_format *out);
#define CLI_FORMAT_OPT {"format", 0, "FMT", "text", "output format: text|md|csv|json|latex|html"}
/* --gnuplot-timeout SECONDS: checked and exported as CPR_GNUPLOT_TIMEOUT. */
int cli_gnuplot_timeout(const cli_args *a);
#define CLI_GNUPLOT_TIMEOUT_OPT \
    {"gnuplot-timeout", 0, "SECONDS", "60 (or CPR_GNUPLOT_TIMEOUT)", "stop gnuplot after this long per figure (exit 16)"}

/* Data options shared by every command that reads data. */
#define CLI_DATA_OPTS                                                                       \
    {"data", 'd', "FILE", "the bundled panel", "data file to analyse: CSV/TSV (.gz too), World Bank or SDMX-CSV download, Stata .dta, SPSS .sav; repeat to merge files on (entity, time)"}, \
    {"entity", 0, "NAME", "auto: iso3, country, id, firm, ...", "column holding the panel entity"},      \
    {"time", 0, "NAME", "auto: year, time, period, ...", "column holding the time period"},              \
    {"sep", 0, "CHAR", "auto: , ; or tab", "field separator: ',' ';' 'tab'"},                           \
    {"decimal", 0, "CHAR", "auto: '.', or ',' in a ';' file whose numbers all use commas", "decimal mark: '.' or ','"}, \
    {"quiet", 'q', NULL, NULL, "no progress lines on stderr (shown only on a terminal, for jobs over a second)"}, \
    {"threads", 0, "N", "the cores available (or CPR_THREADS)", "threads for reading CSV and bootstrap draws, 1 to 256; results are identical for any N"}

/* Sample options shared by analysis commands. */
#define CLI_SAMPLE_OPTS                                                                              \
    {"year", 0, "YEAR", "all", "use one year only"},                                                 \
    {"years", 0, "FROM-TO", "all", "use the years FROM to TO (inclusive)"},                          \
    {"countries", 0, "LIST", "all", "comma-separated entities to keep (e.g. ARG,BRA,MEX)"},          \
    {"zero-missing", 0, "LIST", "none", "treat missing values of these variables as 0 (e.g. aid for the years before GCDF)"}

/* Apply --year/--years/--countries/--zero-missing to a loaded frame (usage error or
 * CPR_E_NOVAR for an unknown country, with a hint). */
int cli_apply_sample(const cli_args *a, cpr_frame *f);

/* Load the data named by --data (or the bundled panel). */
int cli_load_data(const cli_args *a, int require_panel, cpr_frame **out);

/* Column names a command reads, gathered before loading; all = 1 when
 * they cannot be known then (every column is loaded). */
typedef struct {
    char **v;
    size_t n, cap;
    int all;
} cli_names;
void cli_names_add(cli_names *l, const char *name);
/* The names of a comma-separated list (empty items skipped, as the
 * options that take such lists read them). */
void cli_names_add_list(cli_names *l, const char *list);
/* The columns the formula reads (cpr_formula_columns). */
void cli_names_add_formula(cli_names *l, const cpr_formula *fm);
void cli_names_free(cli_names *l);
/* cli_load_data keeping only the columns in want (and the panel key and the
 * --zero-missing variables): see cpr_load_opts.want. want NULL or
 * want->all: every column. */
int cli_load_data_want(const cli_args *a, int require_panel, const cli_names *want, cpr_frame **out);
/* Directory of the bundled datasets: $CPR_DATA_DIR, the source tree the
 * binary was built in, or PREFIX/share/cpr-stats beside PREFIX/bin; NULL when
 * none has them. cli_datadir_searched lists the places tried. */
const char *cli_datadir(void);
const char *cli_datadir_searched(void);
/* DIR/name in that directory; NULL with CPR_E_OPEN recorded (naming the
 * places searched) when there is none. */
char *cli_datafile(const char *name);
/* The bundled catalogue of variable labels, or NULL when there is none or
 * it does not load: labels are optional, so that is not an error. */
cpr_catalogue *cli_catalogue_optional(void);
/* The same with only name, label, unit and source (cpr_catalogue_load_labels). */
cpr_catalogue *cli_catalogue_labels(void);

/* Options of a multi-model table (`table`, `regress` with several -f). */
#define CLI_TABLE_OPTS                                                                                   \
    {"titles", 0, "LIST", "none", "comma-separated column titles, e.g. 'Baseline,Lagged aid,IV'"},       \
    {"title", 0, "TEXT", "none", "table title (the LaTeX caption)"},                                     \
    {"below", 0, "WHAT", "se", "beneath each estimate: se|t|p|ci (in parentheses; ci in brackets)"},     \
    {"rename", 0, "TERM=LABEL", "labels from the catalogue", "row label of a term (repeatable)"},        \
    {"keep", 0, "PATTERNS", "all terms", "keep (and order by) these terms; globs, comma-separated"},     \
    {"drop", 0, "PATTERNS", "none", "drop these terms; globs, comma-separated"},                         \
    {"scale", 0, "VAR=FACTOR", "none", "multiply the coefficients of VAR by FACTOR (e.g. aid=1e9)"},     \
    {"digits", 0, "N", "3", "decimals of estimates and standard errors"},                                \
    {"no-labels", 0, NULL, NULL, "row labels are the term names, not the catalogue's labels"},           \
    {"output", 'o', "FILE", "standard output", "write the table to FILE (.docx needs pandoc)"}

/* Write the table of n models as the table options say (labels: use the
 * bundled catalogue's labels unless --no-labels). */
int cli_table_write(const cli_args *a, const cpr_result *const *models, size_t n, int labels);

/* The command table, as main hands it over at start (cli_registry.c):
 * run and reproduce read the command names and options from here, not
 * from commands.c, which lists them (reading it back would be a cycle). */
void cli_registry_set(const cli_command *const *cmds, size_t n);
/* The command called name, or NULL. */
const cli_command *cli_registry_find(const char *name);
/* Up to max command names, in table order; returns how many. */
size_t cli_registry_names(const char **names, size_t max);

#endif
