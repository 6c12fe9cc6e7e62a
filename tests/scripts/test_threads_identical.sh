#!/bin/sh
# Results must not depend on the thread count (--threads, CPR_THREADS): on a
# generated 10^5-row panel (500 entities, unbalanced), the two-way FE
# regression with entity-clustered SEs and a wild cluster bootstrap (Rademacher
# and Webb), in JSON, must be byte-identical for 1, 2 and 3 threads; so must
# `describe`. The file is larger than one parallel piece, so the CSV reader
# really splits it. Then the fits on 3 x 10^5 rows (below).
set -u
BIN=${CPR_BIN:-build/cpr-stats}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }

# Deterministic panel: an LCG, so awk's own rand() (which differs between awks) is not used.
awk 'BEGIN {
    s = 12345; print "entity,year,y,x1,x2"; rows = 0
    for (e = 1; rows < 100000; e++) {
        T = 150 + (e % 3) * 50
        for (t = 0; t < T && rows < 100000; t++) {
            s = (s * 1103515245 + 12345) % 2147483648; u1 = s / 2147483648
            s = (s * 1103515245 + 12345) % 2147483648; u2 = s / 2147483648
            s = (s * 1103515245 + 12345) % 2147483648; u3 = s / 2147483648
            if (u3 < 0.05) continue
            x1 = u1 + (e % 7) / 10; x2 = u2 - (t % 5) / 10
            printf "E%d,%d,%.6f,%.6f,%.6f\n", e, 1800 + t, 0.5 * x1 - 0.3 * x2 + (e % 11) / 5 + u3, x1, x2
            rows++
        }
    }
}' > "$T/panel.csv"
[ "$(wc -l < "$T/panel.csv")" -eq 100001 ]; check $? "generated 10^5 rows"

f='y ~ x1 + x2 | entity + year'
for th in 1 2 3; do
    "$BIN" regress --threads $th --data "$T/panel.csv" -f "$f" --cluster entity --bootstrap 999 --format json > "$T/r$th.json" 2> "$T/r$th.err"
    echo "exit $?" >> "$T/r$th.err"
    CPR_THREADS=$th "$BIN" regress --data "$T/panel.csv" -f "$f" --cluster entity --bootstrap 499 --boot-weights webb --format json > "$T/w$th.json" 2>&1
    "$BIN" describe --threads $th --data "$T/panel.csv" > "$T/d$th.txt" 2>&1
done
grep -q '"bootstrap' "$T/r1.json" && grep -q '"se' "$T/r1.json"; check $? "the output holds SEs and a bootstrap (so the comparison means something)"
grep -q 'exit 0' "$T/r1.err"; check $? "regression ran"
for th in 2 3; do
    cmp -s "$T/r1.json" "$T/r$th.json" && cmp -s "$T/r1.err" "$T/r$th.err"; check $? "regress FE clustered + Rademacher bootstrap: --threads 1 and $th byte-identical"
    cmp -s "$T/w1.json" "$T/w$th.json"; check $? "Webb bootstrap: CPR_THREADS=1 and $th byte-identical"
    cmp -s "$T/d1.txt" "$T/d$th.txt"; check $? "describe: --threads 1 and $th byte-identical"
done
# Beyond 2^17 rows (CPR_ROW_BLOCK, include/cpr/rowblocks.h) the fit's sums
# are cut into fixed row blocks and spans that end where an entity does, and
# its scans into ranges per thread: 300,000 rows (3 blocks), a few missing
# values (so the design keeps a row index), FE two-way with entity and with
# year clusters (sorted and unsorted cluster codes), one-way FE, pooled, RE
# and FD: byte-identical JSON for 1, 2 and 3 threads.
awk 'BEGIN {
    s = 777; print "entity,year,y,x1,x2"; rows = 0
    for (e = 1; rows < 300000; e++) {
        T = 100 + (e % 4) * 40
        for (t = 0; t < T && rows < 300000; t++) {
            s = (s * 1103515245 + 12345) % 2147483648; u1 = s / 2147483648
            s = (s * 1103515245 + 12345) % 2147483648; u2 = s / 2147483648
            s = (s * 1103515245 + 12345) % 2147483648; u3 = s / 2147483648
            if (u3 < 0.04) continue
            x1 = u1 + (e % 7) / 10; x2 = u2 - (t % 5) / 10
            printf "E%d,%d,%.6f,%s,%.6f\n", e, 1700 + t, 0.5 * x1 - 0.3 * x2 + (e % 11) / 5 + u3, (u3 > 0.9995 ? "" : sprintf("%.6f", x1)), x2
            rows++
        }
    }
}' > "$T/big.csv"
[ "$(wc -l < "$T/big.csv")" -eq 300001 ]; check $? "generated 3 x 10^5 rows"
for th in 1 2 3; do
    {
        "$BIN" regress --threads $th --data "$T/big.csv" -f "$f" --cluster entity --format json
        "$BIN" regress --threads $th --data "$T/big.csv" -f "$f" --cluster year --format json
        "$BIN" regress --threads $th --data "$T/big.csv" -f 'y ~ x1 + x2 | entity' --format json
        for m in pooled re fd; do "$BIN" regress --threads $th --data "$T/big.csv" -f 'y ~ x1 + x2' --model $m --format json; done
    } > "$T/b$th.json" 2>&1
done
[ "$(grep -c '"coefficients"' "$T/b1.json")" -eq 6 ] && grep -q 'observations dropped for missing values' "$T/b1.json"; check $? "six fits on 3 x 10^5 rows, rows with a missing value dropped"
for th in 2 3; do
    cmp -s "$T/b1.json" "$T/b$th.json"; check $? "3 x 10^5 rows, FE/pooled/RE/FD: --threads 1 and $th byte-identical"
done
echo "1..$n"
exit $fail
