#!/bin/sh
# test_threshold_resid.sh - TAP: the threshold fit leaves its residuals and
# fitted values on the design's rows (issue 18) and `threshold --resid-script`
# writes them. Reference: R lm with entity (and year) dummies at the
# thresholds its own brute-force grid search found
# (tests/unit/oracle/threshold.R -> threshold_resid.out), never cpr-stats'
# own output: residual = the within residual of the chosen split, fitted =
# y - residual (the absorbed effects are part of the fitted value, as for
# FE). Relative tolerance 1e-9 (absolute below 1).
set -u
LC_ALL=C
export LC_ALL
BIN=${CPR_BIN:-./build/cpr-stats}
ORA=tests/unit/oracle/threshold_resid.out
DATA=tests/data/threshold_sim.csv
T=${TMPDIR:-/tmp}/cpr-threshold-resid.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT INT TERM
n=0; fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
# same FILE_A FILE_B: the same number of "fitted resid" lines, each pair within 1e-9 relative
same() { awk -v floor=1 -f tests/scripts/pairs_close.awk "$1" "$2"; }
run() {   # model formula thresholds
    "$BIN" threshold --data "$DATA" --entity id --time year -f "$2" --regime x --threshold q --thresholds "$3" \
        --resid-script "$T/$1.gp" --format json > /dev/null 2> "$T/err"
    ok $? "threshold ($1) --resid-script runs"
    grep -E '^-?[0-9]' "$T/$1.gp" | awk '{ print $1, $2 }' > "$T/$1.cpr"
    awk -v m="$1" '$1 == m { print $2, $3 }' "$ORA" > "$T/$1.r"
    [ "$(wc -l < "$T/$1.r")" -eq 240 ] && same "$T/$1.r" "$T/$1.cpr"
    ok $? "$1: fitted and residuals equal R lm's with dummies ($(wc -l < "$T/$1.r") rows)"
}
run single 'y ~ x + z | id' 1
run double 'y ~ x + z | id' 2
run twoway 'y ~ x + z | id + year' 1
# the comparison can fail: one residual moved in its 8th digit, one fitted value in its 8th
awk 'NR == 17 { $2 = $2 * (1 + 1e-8) } { print }' "$T/double.r" > "$T/double.bad"
same "$T/double.bad" "$T/double.cpr"; [ $? -ne 0 ]; ok $? "a residual changed in its 8th digit is caught"
awk 'NR == 200 { $1 = $1 * (1 + 1e-8) } { print }' "$T/twoway.r" > "$T/twoway.bad"
same "$T/twoway.bad" "$T/twoway.cpr"; [ $? -ne 0 ]; ok $? "a fitted value changed in its 8th digit is caught"
echo "1..$n"
[ "$fails" -eq 0 ]
