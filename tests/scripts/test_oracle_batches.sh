#!/bin/sh
# test_oracle_batches.sh - TAP: every tests/unit/oracle/*.cpr batch file,
# written by the R script of the same name (the exact commands and R/Stata
# values are in it), must pass under `cpr-stats run`: each `assert` compares
# one cpr-stats number with the outside reference, mostly at 1e-8 relative.
set -u
BIN=${CPR_BIN:-./build/cpr-stats}
n=0; fails=0
for f in tests/unit/oracle/*.cpr; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    out=$("$BIN" run "$f" 2>&1); rc=$?
    if [ "$rc" -eq 0 ]; then echo "ok $n - $f: $(echo "$out" | tail -1 | sed 's/^[^:]*: //')"
    else echo "not ok $n - $f (exit $rc)"; echo "$out" | head -20 | sed 's/^/#   /'; fails=$((fails + 1)); fi
done
echo "1..$n"
[ "$fails" -eq 0 ]
