#!/bin/sh
# make check driver: cmocka unit programs, the end-to-end cases and the
# shell test scripts; ends with one "check: N passed, N failed" line.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
export CPR_BIN="$ROOT/$BUILD/cpr-stats"
pass=0; fail=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    ${TEST_WRAPPER:-} "$t" > "$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crash or wrapper error
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$f" -ne 0 ]; then echo "FAIL $t"; grep -E 'FAILED|ERROR|error|Error|==[0-9]+==' "$log" | head -20; else echo "PASS $t ($p)"; fi
done

tap() {
    "$@" > "$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    pass=$((pass + p)); fail=$((fail + f))
    grep -E '^not ok|^#   ' "$log" | head -40
    echo "$( [ "$f" -eq 0 ] && echo PASS || echo FAIL ) $* ($p passed, $f failed)"
}
tap sh tests/e2e/run.sh
for s in tests/scripts/test_*.sh; do
    [ -f "$s" ] && tap sh "$s"
done
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
