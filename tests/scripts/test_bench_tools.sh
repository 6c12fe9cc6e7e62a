#!/bin/sh
# The benchmark's building blocks (scripts/bench/): the panel generator is
# deterministic and gives exactly N rows, 10,000 entities, sorted by entity
# then year; the timer reports median/min/max/peak and fails on a failing
# command; bench.sh parses its options. (A benchmark run itself takes
# minutes: `make bench-quick`.)
set -u
CC=${CC:-cc}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

$CC -std=c11 -O2 -Wall -Wextra -Werror -o "$T/gen_panel" scripts/bench/gen_panel.c -lm; check $? "gen_panel compiles with -Wall -Wextra -Werror"
$CC -std=c11 -O2 -Wall -Wextra -Werror -o "$T/timeit" scripts/bench/timeit.c; check $? "timeit compiles with -Wall -Wextra -Werror"

"$T/gen_panel" 30000 > "$T/a.csv"; "$T/gen_panel" 30000 > "$T/b.csv"
cmp -s "$T/a.csv" "$T/b.csv"; check $? "same N and seed give the same file"
"$T/gen_panel" 30000 5 > "$T/c.csv"
! cmp -s "$T/a.csv" "$T/c.csv"; check $? "another seed gives another file"
[ "$(head -n 1 "$T/a.csv")" = "entity,year,y,x1,x2" ]; check $? "header entity,year,y,x1,x2"
[ "$(($(wc -l < "$T/a.csv") - 1))" = 30000 ]; check $? "exactly N data rows"
[ "$(tail -n +2 "$T/a.csv" | cut -d, -f1 | sort -u | wc -l)" = 10000 ]; check $? "10,000 entities"
tail -n +2 "$T/a.csv" | cut -d, -f1,2 | sort -t, -k1,1n -k2,2n -c; check $? "rows sorted by entity, then year"
[ "$(tail -n +2 "$T/a.csv" | cut -d, -f1,2 | sort -u | wc -l)" = 30000 ]; check $? "(entity, year) keys unique"
"$T/gen_panel" 0 > /dev/null 2>&1; [ $? = 2 ]; check $? "bad N is a usage error"

out=$("$T/timeit" 3 1 "$T/t.out" -- sh -c 'echo hello'); check $? "timeit runs a command"
echo "$out" | awk 'NF == 5 && $1 >= $2 && $1 <= $3 && $5 == 3 { ok = 1 } END { exit !ok }'; check $? "timeit prints median min max peak runs"
[ "$(cat "$T/t.out")" = hello ]; check $? "timeit keeps the command's stdout"
"$T/timeit" 2 0 "$T/f.out" -- sh -c 'exit 3' 2>/dev/null; [ $? = 1 ]; check $? "timeit fails when the command fails"
out=$("$T/timeit" --base /bin/true 3 0 "$T/b.out" -- sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done'); check $? "timeit --base runs a command paired with a floor"
echo "$out" | awk 'NF == 9 && $5 == 3 && $6 > 0 && $7 > 0 && $7 < $1 && $8 > 0 { ok = 1 } END { exit !ok }'; check $? "timeit --base adds cpu, above-floor, floor and floor cpu ($out)"
[ ! -e "$T/b.out.base" ]; check $? "timeit --base leaves no output of the floor runs"
sh scripts/bench.sh --help > /dev/null; check $? "bench.sh --help"
sh scripts/bench.sh --bogus > /dev/null 2>&1; [ $? = 2 ]; check $? "bench.sh refuses an unknown option"
