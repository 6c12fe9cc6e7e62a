#!/bin/sh
# Results must not depend on row order or on the order merged files are
# given in: shuffle Grunfeld's rows, split its columns over two files, and
# compare the regressions digit for digit with the original file.
set -u
BIN=${CPR_BIN:-build/cpr-stats}
REF=${CPR_REFERENCE:-tests/reference}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }

src="$REF/grunfeld/data.csv"
# Missing data would make every comparison below compare two error messages.
[ -s "$src" ]; check $? "reference data $src present"
[ -s "$src" ] || exit 1
head -1 "$src" > "$T/shuffled.csv"
tail -n +2 "$src" | awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' | sort -k1,1 | cut -f2- >> "$T/shuffled.csv"
awk -F, -v OFS=, '{ print $1, $2, $3, $4 }' "$T/shuffled.csv" > "$T/a.csv"                  # firm,year,inv,value
awk -F, -v OFS=, 'NR == 1 || NR % 3 { print $1, $2, $5 }' "$src" > "$T/b.csv"              # firm,year,capital (some rows)
# the same rows as b.csv, in shuffled order
head -1 "$T/b.csv" > "$T/b2.csv"; tail -n +2 "$T/b.csv" | sort -t, -k2,2 -k1,1r >> "$T/b2.csv"

f='inv ~ value + capital | firm + year'
"$BIN" regress --data "$src" -f "$f" --format csv > "$T/orig.out" 2>&1
"$BIN" regress --data "$T/shuffled.csv" -f "$f" --format csv > "$T/shuf.out" 2>&1
cmp -s "$T/orig.out" "$T/shuf.out"; check $? "shuffled rows give identical output"

"$BIN" regress --data "$T/a.csv" --data "$T/b.csv" -f "$f" --format csv > "$T/ab.out" 2>/dev/null
"$BIN" regress --data "$T/b2.csv" --data "$T/a.csv" -f "$f" --format csv > "$T/ba.out" 2>/dev/null
cmp -s "$T/ab.out" "$T/ba.out"; check $? "merge order A+B vs B+A gives identical output"
grep -q '^value,' "$T/ab.out"; check $? "the merged regression ran"

g='inv ~ value + capital'
"$BIN" regress --data "$src" -f "$g" --model re --se iid --format csv > "$T/re1.out" 2>&1
"$BIN" regress --data "$T/shuffled.csv" -f "$g" --model re --se iid --format csv > "$T/re2.out" 2>&1
grep -q '^const,' "$T/re1.out"; check $? "the random-effects regression ran"
cmp -s "$T/re1.out" "$T/re2.out"; check $? "random effects: shuffled rows give identical output"
exit $fail
