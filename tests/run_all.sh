#!/bin/sh
# make check driver: cmocka unit programs, the end-to-end cases and the
# shell test scripts; ends with one "check: N passed, N failed, K skipped"
# line. A skip is a test that needs an optional tool it did not find (cmocka
# skip(), TAP "# SKIP"); each is listed with its reason. Skips never hide a
# failure: a test whose data are missing must fail, not skip.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
export CPR_BIN="$ROOT/$BUILD/cpr-stats"
pass=0; fail=0; skipped=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    ${TEST_WRAPPER:-} "$t" > "$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    k=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crash or wrapper error
    pass=$((pass + p)); fail=$((fail + f)); skipped=$((skipped + k))
    if [ "$f" -ne 0 ]; then echo "FAIL $t"; grep -E 'FAILED|ERROR|error|Error|==[0-9]+==' "$log" | head -20
    else echo "PASS $t ($p$( [ "$k" -ne 0 ] && echo ", $k skipped"))"; fi
    [ "$k" -ne 0 ] && grep -E '^\[  SKIPPED \] [A-Za-z_]' "$log" | sort -u | sed 's/^/  /' | head -20
done

# TAP: "ok N - ... # SKIP why" is a skip, not a pass (case-insensitive, as
# TAP says); a plan "1..0 # SKIP why" skips the whole script. A script that
# prints no test line at all and no such plan is a failure.
tap() {
    "$@" > "$log" 2>&1
    rc=$?
    k=$(grep -Eic '^ok [0-9]*[^#]*# *skip' "$log")
    p=$(($(grep -c '^ok ' "$log") - k)); f=$(grep -c '^not ok ' "$log")
    if grep -Eiq '^1\.\.0 *# *skip' "$log"; then k=$((k + 1)); fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ $((p + f + k)) -eq 0 ]; then f=1; echo "  $*: no test results"; fi
    pass=$((pass + p)); fail=$((fail + f)); skipped=$((skipped + k))
    grep -E '^not ok|^#   ' "$log" | head -40
    grep -Ei '^ok [0-9]*[^#]*# *skip|^1\.\.0 *# *skip' "$log" | sed 's/^/  /' | head -20
    echo "$( [ "$f" -eq 0 ] && echo PASS || echo FAIL ) $* ($p passed, $f failed, $k skipped)"
}
tap sh tests/e2e/run.sh
for s in tests/scripts/test_*.sh; do
    [ -f "$s" ] && tap sh "$s"
done
echo "check: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
