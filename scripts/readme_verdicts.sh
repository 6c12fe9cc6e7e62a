#!/bin/sh
# Regenerate the verdict table of README.md from `cpr-stats reproduce` (issue 13:
# the README's table is the tool's output, never written by hand). The table sits
# between "The table on the bundled data" and the "N claims: ..." count line.
# Usage: sh scripts/readme_verdicts.sh [BINARY]   (default ./cpr-stats)
set -eu
BIN=${1:-./cpr-stats}
T=$(mktemp); trap 'rm -f "$T" "$T.new"' EXIT
"$BIN" reproduce > "$T"
awk -v tab="$T" '
    /^The table on the bundled data/ { print; print ""; while ((getline l < tab) > 0) print l; skip = 1; next }
    skip && /^[0-9]+ claims: / { skip = 0; next }
    !skip { print }' README.md > "$T.new"
mv "$T.new" README.md
