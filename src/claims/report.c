/* The reproduction report: the verdict table on the terminal, and with
 * --out DIR a Markdown page, a standalone HTML page (figures inlined as SVG)
 * and claims.json, each written to a temporary file and renamed. */
#include "cpr/claims.h"
#include "cpr/outfile.h"
#include "cpr/status.h"
#include "cpr/util.h"
#include "text_buf.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef text_buf buf;

static void printf_(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = cpr_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put(b, s, (size_t)n);
    free(s);
}

/* Markdown table cell: pipes escaped, newlines flattened. */
static void md_cell(buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|') puts_(b, "\\|");
        else if (*s == '\n') puts_(b, " ");
        else put(b, s, 1);
    }
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

static void table_md(buf *b, const cpr_run_result *r)
{
    puts_(b, "| ID | verdict | measured | claimed | poverty line / data | note |\n|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < r->nclaims; i++) {
        const cpr_claim *c = &r->claims[i];
        const char *cells[] = {c->id, cpr_verdict_name(c->verdict), or_dash(c->measured), or_dash(c->claimed),
                               or_dash(c->line), or_dash(c->why)};
        for (size_t k = 0; k < 6; k++) { puts_(b, "| "); md_cell(b, cells[k]); puts_(b, " "); }
        puts_(b, "|\n");
    }
}

static void counts(const cpr_run_result *r, buf *b)
{
    size_t n[CPR_V_COUNT] = {0};
    for (size_t i = 0; i < r->nclaims; i++)
        if ((int)r->claims[i].verdict < CPR_V_COUNT) n[r->claims[i].verdict]++;
    printf_(b, "%zu claims: %zu reproduced, %zu partial, %zu direction, %zu inconclusive, %zu contradicted, %zu untestable\n",
            r->nclaims, n[CPR_V_REPRODUCED], n[CPR_V_PARTIAL], n[CPR_V_DIRECTION], n[CPR_V_INCONCLUSIVE],
            n[CPR_V_CONTRADICTED], n[CPR_V_UNTESTABLE]);
}

void cpr_claims_print_table(const cpr_run_result *r, FILE *out)
{
    buf b = {0};
    table_md(&b, r);
    puts_(&b, "\n");
    counts(r, &b);
    fputs(b.s, out);
    free(b.s);
}

static const json_t *claim_json(const cpr_run_result *r, size_t i) { return json_array_get(r->claims_json, i); }

static void commands_of(const json_t *cj, buf *b, int html)
{
    size_t k;
    const json_t *e;
    json_array_foreach(json_object_get(cj, "results"), k, e) {
        const char *cmd = json_string_value(json_object_get(e, "command"));
        const char *err = json_string_value(json_object_get(e, "error"));
        if (html) {
            puts_(b, "<li><code>cpr-stats ");
            html_text(b, cmd);
            puts_(b, "</code>");
            if (err) { puts_(b, " &mdash; failed: "); html_text(b, err); }
            puts_(b, "</li>\n");
        } else {
            printf_(b, "    cpr-stats %s\n", cmd);
            if (err) printf_(b, "    # failed: %s\n", err);
        }
    }
}

static void values_of(const json_t *cj, buf *b, int html)
{
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)json_object_get(cj, "values"), key, v) {
        char num[64];
        if (json_is_number(v)) snprintf(num, sizeof num, "%.6g", json_number_value(v));
        else snprintf(num, sizeof num, "NA");
        if (html) { puts_(b, "<code>"); html_text(b, key); printf_(b, " = %s</code> ", num); }
        else printf_(b, "`%s = %s` ", key, num);
    }
    puts_(b, "\n");
}

/* Newline-separated text as a Markdown or an HTML list. */
static void lines_of(buf *md, buf *ht, const char *s)
{
    if (!s || !*s) return; /* an empty list is no list (and invalid-looking HTML) */
    if (ht) puts_(ht, "<ul>\n");
    while (s && *s) {
        size_t n = strcspn(s, "\n");
        char *line = cpr_strndup(s, n);
        if (md) printf_(md, "- %s\n", line);
        if (ht) { puts_(ht, "<li>"); html_text(ht, line); puts_(ht, "</li>\n"); }
        free(line);
        s += n + (s[n] == '\n');
    }
    if (ht) puts_(ht, "</ul>\n");
}

/* A claim's source with the papers' ids ("000, part 1") as author-year
 * citations ("Lin Hua (n.d., after 2021), part 1"), linked in HTML. */
static void cited(buf *b, const char *s, const cpr_references *refs, int html)
{
    for (const char *p = s; p && *p;) {
        size_t n = strspn(p, "0123456789");
        const cpr_reference *x = n == 3 && (p == s || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n])
                                     ? cpr_references_find(refs, p, n) : NULL;
        if (x) {
            char *id = cpr_strndup(p, n);
            if (html) { printf_(b, "<a href=\"#ref-%s\">", id); html_text(b, x->authors); puts_(b, " ("); html_text(b, x->year); puts_(b, ")</a>"); }
            else printf_(b, "%s (%s) [%s]", x->authors, x->year, id);
            free(id);
            p += n;
        } else if (n) {
            char *t = cpr_strndup(p, n);
            if (html) html_text(b, t); else puts_(b, t);
            free(t);
            p += n;
        } else {
            char c[2] = {*p, 0};
            if (html) html_text(b, c); else puts_(b, c);
            p++;
        }
    }
}

static void references_section(buf *md, buf *ht, const cpr_references *refs)
{
    if (!refs || !refs->n) return;
    puts_(md, "\n## References\n\n");
    puts_(ht, "<h2 id=\"references\">References</h2>\n<ul class=\"refs\">\n");
    for (size_t i = 0; i < refs->n; i++) {
        const cpr_reference *x = &refs->refs[i];
        printf_(md, "- [%s] %s (%s). *%s*.%s%s%s%s\n", x->id, x->authors, x->year, x->title, *x->published ? " " : "",
                x->published, *x->note ? ". " : "", x->note);
        printf_(ht, "<li id=\"ref-%s\">[%s] ", x->id, x->id);
        html_text(ht, x->authors);
        puts_(ht, " (");
        html_text(ht, x->year);
        puts_(ht, "). <cite>");
        html_text(ht, x->title);
        puts_(ht, "</cite>.");
        if (*x->published) { puts_(ht, " "); html_text(ht, x->published); puts_(ht, "."); }
        if (*x->note) { puts_(ht, " "); html_text(ht, x->note); }
        puts_(ht, "</li>\n");
    }
    puts_(ht, "</ul>\n");
}

/* Cut every absolute path in s to its file name, in place: a message such
 * as "/home/u/cpr-stats/datasets/lac_panel.csv: no variable" must not put
 * the machine's directories into a report. A path is a word starting with
 * '/' that contains another '/'. */
static void scrub_paths(char *s)
{
    if (!s) return;
    char *w = s;
    for (const char *p = s; *p;) {
        int start = *p == '/' && (p == s || strchr(" \t\n(\"'=[>", p[-1])) && p[1] && !strchr(" /\t\n", p[1]);
        if (start) {
            size_t n = strcspn(p, " \t\n\"'<>),;");
            const char *last = NULL;
            for (const char *q = p + 1; q < p + n; q++)
                if (*q == '/') last = q;
            if (last) {
                /* ".../lac_panel.csv:" keeps the name and what follows */
                memmove(w, last + 1, (size_t)(p + n - last - 1));
                w += p + n - last - 1;
                p += n;
                continue;
            }
        }
        *w++ = *p++;
    }
    *w = '\0';
}

static void claim_section(const cpr_run_result *r, size_t i, const char *dir, buf *md, buf *ht,
                          const cpr_references *refs, int *nfig)
{
    const cpr_claim *c = &r->claims[i];
    const json_t *cj = claim_json(r, i);
    printf_(md, "\n### %s: %s\n\n", c->id, cpr_verdict_name(c->verdict));
    printf_(md, "- Claim (paraphrased): %s\n- Source: ", or_dash(c->says));
    cited(md, or_dash(c->source), refs, 0);
    printf_(md, "\n- Data and line: %s\n- Claimed: %s\n- Measured: %s\n",
            or_dash(c->line), or_dash(c->claimed), or_dash(c->measured));
    printf_(md, "- Verdict: **%s**: %s\n- Values: ", cpr_verdict_name(c->verdict), or_dash(c->why));
    values_of(cj, md, 0);
    if (c->parts) { puts_(md, "\nParts (each judged by the rules at the top):\n\n"); lines_of(md, NULL, c->parts); }
    if (c->robust) { puts_(md, "\nRobustness (every specification shown is used by the verdict):\n\n"); lines_of(md, NULL, c->robust); }
    if (c->samples) { puts_(md, "\nSamples (the countries and years that entered):\n\n"); lines_of(md, NULL, c->samples); }
    char *tmd = NULL, *tht = NULL;
    cpr_claims_tables_render(json_object_get(cj, "tables"), &tmd, &tht);
    if (tmd) puts_(md, tmd);
    puts_(md, "\nComputation:\n\n");
    commands_of(cj, md, 0);

    printf_(ht, "<section id=\"%s\"><h3>%s: <span class=\"v-%s\">%s</span></h3>\n<dl>", c->id, c->id,
            cpr_verdict_name(c->verdict), cpr_verdict_name(c->verdict));
    const char *lab[] = {"Claim (paraphrased)", "Source", "Data and line", "Claimed", "Measured", "Verdict reason"};
    const char *val[] = {c->says, c->source, c->line, c->claimed, c->measured, c->why};
    for (int k = 0; k < 6; k++) {
        printf_(ht, "<dt>%s</dt><dd>", lab[k]);
        if (k == 1) cited(ht, or_dash(val[k]), refs, 1);
        else html_text(ht, or_dash(val[k]));
        puts_(ht, "</dd>");
    }
    puts_(ht, "<dt>Values</dt><dd>");
    values_of(cj, ht, 1);
    puts_(ht, "</dd></dl>\n");
    if (c->parts) { puts_(ht, "<p>Parts (each judged by the rules at the top):</p>\n"); lines_of(NULL, ht, c->parts); }
    if (c->robust) { puts_(ht, "<p>Robustness (every specification shown is used by the verdict):</p>\n"); lines_of(NULL, ht, c->robust); }
    if (c->samples) { puts_(ht, "<p>Samples (the countries and years that entered):</p>\n"); lines_of(NULL, ht, c->samples); }
    if (tht) puts_(ht, tht);
    free(tmd);
    free(tht);
    if (json_array_size(json_object_get(cj, "results"))) {
        puts_(ht, "<p>Computation:</p><ul>\n");
        commands_of(cj, ht, 1);
        puts_(ht, "</ul>\n");
    }
    size_t k;
    const json_t *fig;
    json_array_foreach(json_object_get(cj, "figures"), k, fig) {
        const char *name = json_string_value(fig);
        char *fmd, *fht;
        cpr_report_figure(dir, name, ++*nfig, &fmd, &fht);
        puts_(md, fmd);
        puts_(ht, fht);
        free(fmd);
        free(fht);
    }
    puts_(ht, "</section>\n");
}

int cpr_claims_write_report(const cpr_run_result *r, const char *dir, const cpr_references *refs)
{
    int fig = 0;
    buf md = {0}, ht = {0}, tab = {0}, cnt = {0};
    table_md(&tab, r);
    counts(r, &cnt);
    puts_(&md, "# cpr-stats: reproduction of the source papers' claims\n\n");
    puts_(&md, "Generated by `cpr-stats reproduce` from the bundled data (`datasets/`); every verdict is computed "
               "from the data on each run.\n\n## What the data can and cannot show\n\n");
    for (size_t i = 0; i < r->nnotes; i++) printf_(&md, "- %s\n", r->notes[i]);
    printf_(&md, "\n## How verdicts are decided\n\n```\n%s```\n", cpr_verdict_rules);
    printf_(&md, "\n## Verdicts\n\n%s\n%s\n## Claims\n", tab.s, cnt.s);

    puts_(&ht, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<title>cpr-stats reproduction report</title>\n<style>\n"
               "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}\n"
               "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}\n"
               "dt{font-weight:bold}dd{margin:0 0 .4em 1.5em}figure svg{max-width:100%;height:auto}\n"
               ".v-reproduced{color:#1a7f37}.v-partial{color:#0969da}.v-direction{color:#9a6700}.v-inconclusive{color:#8250df}.v-contradicted{color:#cf222e}.v-untestable{color:#57606a}\n"
               "</style></head><body>\n<h1>cpr-stats: reproduction of the source papers' claims</h1>\n"
               "<p>Generated by <code>cpr-stats reproduce</code> from the bundled data; every verdict is computed from the data on each run.</p>\n"
               "<h2>What the data can and cannot show</h2><ul>\n");
    for (size_t i = 0; i < r->nnotes; i++) { puts_(&ht, "<li>"); html_text(&ht, r->notes[i]); puts_(&ht, "</li>\n"); }
    puts_(&ht, "</ul>\n<h2>How verdicts are decided</h2>\n<pre>");
    html_text(&ht, cpr_verdict_rules);
    puts_(&ht, "</pre>\n<h2>Verdicts</h2>\n<table><tr><th>ID</th><th>verdict</th><th>measured</th><th>claimed</th>"
               "<th>poverty line / data</th><th>note</th></tr>\n");
    for (size_t i = 0; i < r->nclaims; i++) {
        const cpr_claim *c = &r->claims[i];
        const char *cells[] = {c->id, cpr_verdict_name(c->verdict), c->measured, c->claimed, c->line, c->why};
        printf_(&ht, "<tr>");
        for (int k = 0; k < 6; k++) {
            if (k == 0) printf_(&ht, "<td><a href=\"#%s\">", c->id);
            else if (k == 1) printf_(&ht, "<td class=\"v-%s\">", cpr_verdict_name(c->verdict));
            else puts_(&ht, "<td>");
            html_text(&ht, or_dash(cells[k]));
            puts_(&ht, k == 0 ? "</a></td>" : "</td>");
        }
        puts_(&ht, "</tr>\n");
    }
    puts_(&ht, "</table>\n<p>");
    html_text(&ht, cnt.s);
    puts_(&ht, "</p>\n<h2>Claims</h2>\n");
    for (size_t i = 0; i < r->nclaims; i++) claim_section(r, i, dir, &md, &ht, refs, &fig);
    references_section(&md, &ht, refs);
    puts_(&ht, "</body></html>\n");

    char *js = json_dumps(r->claims_json, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    scrub_paths(md.s);
    scrub_paths(ht.s);
    scrub_paths(js);
    md.n = strlen(md.s);
    ht.n = strlen(ht.s);
    char *p1 = cpr_asprintf("%s/report.md", dir), *p2 = cpr_asprintf("%s/report.html", dir),
         *p3 = cpr_asprintf("%s/claims.json", dir);
    int rc = cpr_outfile_write(p1, md.s, md.n);
    if (!rc) rc = cpr_outfile_write(p2, ht.s, ht.n);
    if (!rc) rc = cpr_outfile_write(p3, js, strlen(js));
    free(p1); free(p2); free(p3); free(js);
    free(md.s); free(ht.s); free(tab.s); free(cnt.s);
    return rc;
}
