#!/bin/sh
# reproduce --out: the ids of the report page are unique although every
# inlined gnuplot SVG names its elements gnuplot_canvas, gnuplot_plot_1, ...
# (each figure's ids carry its name). Skipped without gnuplot.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
W=$(mktemp -d "${TMPDIR:-/tmp}/cpr-report.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
if ! command -v gnuplot >/dev/null 2>&1; then echo "ok 1 - # SKIP gnuplot not installed"; exit 0; fi
if "$BIN" reproduce --out "$W/r" > /dev/null 2> "$W/err"; then echo "ok 1 - reproduce --out runs"; else echo "not ok 1 - reproduce --out runs: $(head -3 "$W/err")"; exit 0; fi
n=$(grep -o '<svg' "$W/r/report.html" | wc -l)
[ "$n" -ge 2 ] && echo "ok 2 - several SVG figures inlined ($n)" || echo "not ok 2 - several SVG figures inlined ($n)"
dup=$(grep -o ' id="[^"]*"' "$W/r/report.html" | sort | uniq -d | head -3 | tr '\n' ' ')
[ -z "$dup" ] && echo "ok 3 - every id is unique" || echo "not ok 3 - duplicate ids: $dup"
grep -q 'id="[a-z0-9_]*-gnuplot_canvas"' "$W/r/report.html" && echo "ok 4 - gnuplot ids carry the figure name" || echo "not ok 4 - gnuplot ids carry the figure name"
