#!/bin/sh
# test_resid_levels.sh - TAP: the between, random-effects and first-difference
# fits leave residuals and fitted values on the design's rows (issue 18), and
# `regress --resid-script` writes them. Reference: R plm on Grunfeld
# (tests/unit/oracle/resid_levels.R -> resid_levels.out), never cpr-stats'
# own output: be/re fitted = x'b on each row and residual = y - x'b; fd fitted =
# the one-step level, residual = plm's fd residual. Relative tolerance 1e-9.
set -u
LC_ALL=C
export LC_ALL
BIN=${CPR_BIN:-./build/cpr-stats}
ORA=tests/unit/oracle/resid_levels.out
DATA=${CPR_REFERENCE:-tests/reference}/grunfeld/data.csv
T=${TMPDIR:-/tmp}/cpr-resid-levels.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT INT TERM
n=0; fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
# same FILE_A FILE_B: the same number of "fitted resid" lines, each pair within 1e-9 relative
same() { awk -v floor=1 -f tests/scripts/pairs_close.awk "$1" "$2"; }
for m in be re fd; do
    "$BIN" regress --data "$DATA" -f 'inv ~ value + capital' --entity firm --time year --model $m \
        --resid-script "$T/$m.gp" --format csv > /dev/null 2> "$T/err"
    ok $? "regress --model $m --resid-script runs"
    grep -E '^-?[0-9]' "$T/$m.gp" | awk '{ print $1, $2 }' > "$T/$m.cpr"
    awk -v m=$m '$1 == m { print $2, $3 }' "$ORA" > "$T/$m.r"
    [ -s "$T/$m.r" ] && same "$T/$m.r" "$T/$m.cpr"; ok $? "$m: fitted and residuals equal R plm's ($(wc -l < "$T/$m.r") rows)"
done
# the comparison can fail: one residual moved in its 8th digit
awk 'NR == 5 { $2 = $2 * (1 + 1e-8) } { print }' "$T/re.r" > "$T/re.bad"
same "$T/re.bad" "$T/re.cpr"; [ $? -ne 0 ]; ok $? "a residual changed in its 8th digit is caught"
echo "1..$n"
[ "$fails" -eq 0 ]
