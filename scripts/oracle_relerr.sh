#!/bin/sh
# oracle_relerr.sh FILE.cpr [FROM-LINE-REGEX] - the worst relative error of a
# tests/unit/oracle batch file, bracketed: reruns it with every tolerance
# replaced by 1e-6 ... 1e-15 relative and prints the smallest that passes.
set -u
BIN=${CPR_BIN:-./build/cpr-stats}
f=$1; t=$(mktemp); trap 'rm -f "$t"' EXIT
last=none
for e in 6 7 8 9 10 11 12 13 14 15; do
    sed -E "s/tol [0-9.e+-]+%/tol 1e-$((e - 2))%/" "$f" > "$t"
    if "$BIN" run "$t" > /dev/null 2>&1; then last="1e-$e"; else break; fi
done
echo "$f: every assertion within $last relative"
