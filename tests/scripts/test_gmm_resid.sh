#!/bin/sh
# test_gmm_resid.sh - TAP: `gmm --resid-script` writes the fit's residuals and
# fitted values of the differenced equations (fitted = dX'b), one point per
# firm and equation year with an equation, in firm and year order (issue 18).
# Reference: R plm's pgmm on EmplUK (tests/unit/oracle/gmm_emplUK.R ->
# gmm_emplUK_resid.out, rows with used = 1), never cpr-stats' own output.
# |difference| within 1e-9 of max(|value|, 0.01).
set -u
LC_ALL=C
export LC_ALL
BIN=${CPR_BIN:-./build/cpr-stats}
ORA=tests/unit/oracle/gmm_emplUK_resid.out
DATA=tests/data/emplUK.csv
F='log(emp) ~ L.log(emp) + L2.log(emp) + log(wage) + L.log(wage) + log(capital) + log(output) + L.log(output)'
T=${TMPDIR:-/tmp}/cpr-gmm-resid.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT INT TERM
n=0; fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
# same FILE_A FILE_B: the same number of "fitted resid" lines, each pair within
# 1e-9 relative to the reference value (at least 0.01)
same() { awk -v floor=0.01 -v scale=ref -f tests/scripts/pairs_close.awk "$1" "$2"; }
for c in "two --twostep" "one" "twoc --twostep --collapse" "onec --collapse"; do
    set -- $c
    tag=$1; shift
    "$BIN" gmm --data "$DATA" -f "$F" --time-effects "$@" --resid-script "$T/$tag.gp" --format csv > /dev/null 2> "$T/err"
    ok $? "gmm $tag ($*) --resid-script runs"
    grep -E '^-?[0-9]' "$T/$tag.gp" | awk '{ print $1, $2 }' > "$T/$tag.cpr"
    awk -v t=$tag '$1 == t && $4 == 1 { print $6, $7 }' "$ORA" > "$T/$tag.r"
    [ -s "$T/$tag.r" ] && same "$T/$tag.r" "$T/$tag.cpr"
    ok $? "$tag: differenced fitted values and residuals equal R plm's ($(wc -l < "$T/$tag.r") rows)"
done
grep -q 'residuals and fitted values in first differences' "$T/two.gp"; ok $? "the figure names the scale (first differences)"
# the comparison can fail: one residual moved in its 8th digit
awk 'NR == 5 { $2 = sprintf("%.17g", $2 * (1 + 1e-8)) } { print }' "$T/two.r" > "$T/two.bad"
same "$T/two.bad" "$T/two.cpr"; [ $? -ne 0 ]; ok $? "a residual changed in its 8th digit is caught"
echo "1..$n"
[ "$fails" -eq 0 ]
