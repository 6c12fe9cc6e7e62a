/* The in-memory panel: one contiguous array of doubles per numeric variable
 * (NAN = missing), text columns kept as strings, and the (entity, time) key
 * stored as integer codes. Rows are sorted by entity label, then time, so
 * results never depend on input row order or on the order files are merged. */
#ifndef CPR_FRAME_H
#define CPR_FRAME_H

#include <stddef.h>

typedef enum { CPR_COL_NUM, CPR_COL_TEXT } cpr_col_type;

typedef struct {
    char *name;
    cpr_col_type type;
    double *num;   /* nrow values when type == CPR_COL_NUM (NAN = missing) */
    char **text;   /* nrow strings (NULL = missing) when type == CPR_COL_TEXT */
    char *label;   /* from the file (a series name, a Stata/SPSS variable label) or NULL */
} cpr_column;

typedef struct {
    size_t nrow;
    size_t ncol;
    size_t cap_col;
    cpr_column *cols;

    /* Panel key. entity_name/time_name are NULL for a cross-section. */
    char *entity_name;
    char *time_name;
    int *entity;          /* nrow codes, 0..n_entities-1, in label order */
    int *time;            /* nrow calendar values (e.g. years) */
    char **entity_labels; /* n_entities labels, sorted: integers by value, then text by strcmp */
    size_t n_entities;

    char *source;         /* file name(s), for messages */
} cpr_frame;

/* Notes a load gives back, one line each in the order they arose: what was
 * skipped or detected ("note: FILE: ...") and the merge report ("merge:
 * ..."). The library prints nothing; the caller shows them (the cli on
 * stderr), also when the load then fails. */
typedef struct {
    char **lines;
    size_t n;
} cpr_load_notes;

void cpr_load_notes_add(cpr_load_notes *notes, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cpr_load_notes_clear(cpr_load_notes *notes);

/* Options that steer loading: NULL/0 means auto-detect. */
typedef struct {
    char sep;                  /* ',', ';', '\t' or 0 = detect */
    const char *entity;        /* --entity NAME */
    const char *time;          /* --time NAME */
    int require_panel;         /* fail with CPR_E_NOKEY when no key is found */
    int quiet;                 /* no notes (neither the merge report nor the others) */
    cpr_load_notes *notes;     /* where the notes go (NULL: dropped) */
    int no_key;                /* a plain table: do not look for a panel key */
    char decimal;              /* '.', ',' or 0 = '.' unless a ';' file shows decimal commas */
    /* The columns a command will read (NULL: all). The others are still
     * split and checked as before (ragged rows, quoting, text, and every
     * value of a numeric column a number: the same errors and messages),
     * but not converted or stored, so the frame holds only these columns
     * and the panel key. When a name is not in the file's header, every
     * column is kept (the command's "unknown variable" message and its
     * hint then read the whole header, as without a list). Applies to a
     * plain (wide) CSV file; long, World Bank, SDMX, Stata and SPSS files
     * and merges of several files keep every column. */
    const char *const *want;
    size_t nwant;
} cpr_load_opts;

cpr_frame *cpr_frame_alloc(void);
void cpr_frame_free(cpr_frame *f);

/* Load one CSV (wide or long layout). On failure returns a cpr_status and
 * the message (naming file, line and column) is in cpr_last_error(). */
int cpr_frame_read_csv(const char *path, const cpr_load_opts *opts, cpr_frame **out);
/* Any supported file: CSV/TSV (also gzip-compressed), the World Bank and
 * SDMX-CSV layouts (reshaped to entity x year), Stata .dta and SPSS .sav.
 * Spreadsheets and Parquet fail with a conversion hint. Notes on what was
 * skipped or detected go to opts->notes unless opts->quiet. Nothing is
 * returned on failure. */
int cpr_frame_load(const char *path, const cpr_load_opts *opts, cpr_frame **out);
/* Load and merge several files on (entity, time); a short match report
 * goes to opts->notes unless opts->quiet. */
int cpr_frame_read_many(const char *const *paths, size_t npaths,
                        const cpr_load_opts *opts, cpr_frame **out);

/* Column lookup. cpr_frame_find returns -1 when absent. cpr_frame_numeric
 * fails with CPR_E_NOVAR (with a "did you mean" hint) or CPR_E_NONNUMERIC. */
long cpr_frame_find(const cpr_frame *f, const char *name);
int cpr_frame_numeric(const cpr_frame *f, const char *name, const double **values);

/* Append a numeric column (takes ownership of `values`, nrow long). */
int cpr_frame_add_numeric(cpr_frame *f, const char *name, double *values);

/* Row index of (entity code, time) or -1; rows are sorted, so O(log n). */
long cpr_frame_row(const cpr_frame *f, int entity, int time);

/* Keep only rows with keep[i] != 0, in place; entities left without rows
 * are dropped and codes re-densified (labels stay sorted). */
int cpr_frame_subset(cpr_frame *f, const unsigned char *keep);
/* Entity code of a label, or -1. */
long cpr_frame_entity_code(const cpr_frame *f, const char *label);

/* Number of distinct time values and their sorted list (caller frees). */
int cpr_frame_periods(const cpr_frame *f, int **times, size_t *n);

#endif
