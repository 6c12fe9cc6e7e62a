#!/bin/sh
# `cpr-stats table -o FILE.docx` through pandoc: a Word file with the table
# (skipped when pandoc is not installed; the missing-pandoc path is the e2e
# case bad_table_docx_no_pandoc).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
M=$ROOT/tests/e2e/data/models
W=$(mktemp -d "${TMPDIR:-/tmp}/cpr-docx.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
bad() { n=$((n + 1)); echo "not ok $n - $1"; }
if ! command -v pandoc >/dev/null 2>&1; then
    echo "ok 1 - # SKIP pandoc not installed"
    exit 0
fi
if "$BIN" table "$M/ols.json" "$M/fe_boot.json" --titles 'OLS,FE' -o "$W/t.docx" 2>"$W/err"; then
    ok "table -o t.docx exits 0"
else
    bad "table -o t.docx exits 0: $(cat "$W/err")"
fi
# a .docx is a zip whose word/document.xml holds the table's text
if [ "$(head -c 2 "$W/t.docx" 2>/dev/null)" = "PK" ]; then ok "the file is a zip (docx)"; else bad "the file is a zip (docx)"; fi
if command -v unzip >/dev/null 2>&1; then
    x=$(unzip -p "$W/t.docx" word/document.xml 2>/dev/null)
    case "$x" in *Observations*) ok "document.xml has the Observations row";; *) bad "document.xml has the Observations row";; esac
    case "$x" in *'(0.367)'*) ok "document.xml has a standard error";; *) bad "document.xml has a standard error";; esac
else
    x=$(python3 -c 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' "$W/t.docx" 2>/dev/null)
    case "$x" in *Observations*) ok "document.xml has the Observations row";; *) bad "document.xml has the Observations row";; esac
    case "$x" in *'(0.367)'*) ok "document.xml has a standard error";; *) bad "document.xml has a standard error";; esac
fi
left=$(ls -A "$W" | grep -v -e '^t.docx$' -e '^err$')
[ -z "$left" ] && ok "no temporary file left" || bad "no temporary file left: $left"
