#!/bin/sh
# test_describe_stat.sh - TAP: `describe` and `stat` carry R's numbers in
# every format (issue 18: both print through the report backends). The
# reference is tests/unit/oracle/describe_stat.out (base R on the bundled
# panel, describe_stat.R), never cpr-stats' own output. Machine formats
# (csv, json) must match to 1e-12 relative; the human ones (text, md, latex,
# html) must show R's value rounded as the backend rounds (%.6g describe,
# %.8g stat) in the right row.
set -u
LC_ALL=C
export LC_ALL
BIN=${CPR_BIN:-./build/cpr-stats}
ORA=tests/unit/oracle/describe_stat.out
T=${TMPDIR:-/tmp}/cpr-describe-stat.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT INT TERM
n=0; fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
[ -s "$ORA" ] || { echo "not ok 1 - $ORA missing"; echo "1..1"; exit 1; }
# close A B: |A - B| <= 1e-12 max(|A|, |B|) (both present)
close() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") exit 1; d = a - b; if (d < 0) d = -d;
    m = a < 0 ? -a : a; if ((b < 0 ? -b : b) > m) m = b < 0 ? -b : b; exit !(d <= 1e-12 * m) }'; }
g6() { awk -v v="$1" 'BEGIN { printf "%.6g", v + 0 }'; }
g8() { awk -v v="$1" 'BEGIN { printf "%.8g", v + 0 }'; }
esc() { printf '%s' "$1" | sed 's/[][().*^$+?{}|\\]/\\&/g'; }

# ---- describe ----------------------------------------------------------
VARS=poverty,gini,aid,gdp_pc,pop
for f in text md csv json latex html; do
    "$BIN" describe --vars $VARS --format $f > "$T/d.$f" 2> "$T/err"; ok $? "describe --format $f runs"
done
grep '^describe ' "$ORA" | while read -r _ v nn fy ly mn me mx; do
    # csv: variable,type,n,first,last,min,mean,max, full precision
    row=$(awk -F, -v v="$v" '$1 == v' "$T/d.csv")
    IFS=, read -r _ ty cn cf cl cmin cmean cmax <<EOT
$row
EOT
    r=0
    [ "$ty" = numeric ] && [ "$cn" = "$nn" ] && [ "$cf" = "$fy" ] && [ "$cl" = "$ly" ] || r=1
    close "$cmin" "$mn" && close "$cmean" "$me" && close "$cmax" "$mx" || r=1
    ok $r "describe csv: $v n=$nn $fy-$ly min/mean/max equal R to 1e-12 (got $row)"
    # json: the variable's object
    obj=$(awk -v v="$v" '$0 ~ "\"variable\": \"" v "\"" { on = 1 } on { print } on && /}/ { exit }' "$T/d.json")
    jv() { printf '%s\n' "$obj" | sed -n "s/^ *\"$1\": \([-0-9.e+]*\),*\$/\1/p"; }
    r=0
    [ "$(jv n)" = "$nn" ] && [ "$(jv first)" = "$fy" ] && [ "$(jv last)" = "$ly" ] || r=1
    close "$(jv min)" "$mn" && close "$(jv mean)" "$me" && close "$(jv max)" "$mx" || r=1
    ok $r "describe json: $v equals R to 1e-12"
    a=$(esc "$(g6 "$mn")"); b=$(esc "$(g6 "$me")"); c=$(esc "$(g6 "$mx")")
    grep -Eq "^$v +$nn +$fy +$ly +$a +$b +$c\$" "$T/d.text"; ok $? "describe text: $v row shows R's values ($(g6 "$me"))"
    grep -Eq "^\| $v \| $nn \| $fy \| $ly \| $a \| $b \| $c \|\$" "$T/d.md"; ok $? "describe md: $v row"
    grep -Eq "^$(esc "$v" | sed 's/_/\\\\_/') & $nn & $fy & $ly & $a & $b & $c \\\\\\\\\$" "$T/d.latex"; ok $? "describe latex: $v row"
    grep -Eq "^<tr><th scope=\"row\">$v</th><td>$nn</td><td>$fy</td><td>$ly</td><td>$a</td><td>$b</td><td>$c</td></tr>\$" "$T/d.html"
    ok $? "describe html: $v row"
done > "$T/tap"
cat "$T/tap"; n=$(grep -c '^\(not \)\{0,1\}ok' "$T/tap"); fails=$(grep -c '^not ok' "$T/tap")
n=$((n + 6))   # the six "runs" checks above were counted in the parent

# ---- stat --------------------------------------------------------------
S="--countries ARG,BRA,CHL,MEX --years 2005-2020"
k=$n
{
for f in text md csv json latex html; do
    "$BIN" stat $S --fn sd --by entity gini --format $f > "$T/sd.$f"
    "$BIN" stat $S --fn median --by year gini --format $f > "$T/med.$f"
done
grep '^sd_entity ' "$ORA" | while read -r _ e v cnt; do
    got=$(awk -F, -v e="$e" '$1 == e { print $2 "," $3 }' "$T/sd.csv")
    close "${got%,*}" "$v" && [ "${got#*,}" = "$cnt" ]; echo "$? stat --fn sd csv: $e = R's sd $v (n $cnt; got $got)"
    a=$(esc "$(g8 "$v")")
    grep -Eq "^$e +$a +$cnt\$" "$T/sd.text"; echo "$? stat --fn sd text: $e shows $(g8 "$v")"
    grep -Eq "^\| $e \| $a \| $cnt \|\$" "$T/sd.md"; echo "$? stat --fn sd md: $e"
    grep -Eq "^$e & $a & $cnt " "$T/sd.latex"; echo "$? stat --fn sd latex: $e"
    grep -Eq "^<tr><th scope=\"row\">$e</th><td>$a</td><td>$cnt</td></tr>\$" "$T/sd.html"; echo "$? stat --fn sd html: $e"
    obj=$(awk -v e="$e" '$0 ~ "\"entity\": \"" e "\"" { on = 1 } on { print } on && /}/ { exit }' "$T/sd.json")
    jvv=$(printf '%s\n' "$obj" | sed -n 's/^ *"value": \([-0-9.e+]*\),*$/\1/p')
    close "$jvv" "$v"; echo "$? stat --fn sd json: rows[entity=$e].value = R to 1e-12"
done
read -r _ smean smed <<EOT
$(grep '^sd_summary ' "$ORA")
EOT
sm() { sed -n '/"summary"/,/}/p' "$T/sd.json" | sed -n "s/^ *\"$1\": \([-0-9.e+]*\),*\$/\1/p"; }
close "$(sm mean)" "$smean" && close "$(sm median)" "$smed"; echo "$? stat json summary.mean and summary.median of the sds = R"
grep '^median_year ' "$ORA" | while read -r _ y v cnt; do
    got=$(awk -F, -v y="$y" '$1 == y { print $2 "," $3 }' "$T/med.csv")
    close "${got%,*}" "$v" && [ "${got#*,}" = "$cnt" ]; echo "$? stat --fn median --by year csv: $y = R's median $v"
    a=$(esc "$(g8 "$v")")
    grep -Eq "^all +$y +$a +$cnt\$" "$T/med.text"; echo "$? stat --fn median --by year text: $y"
done
read -r _ v cnt <<EOT
$(grep '^mean_all ' "$ORA")
EOT
got=$("$BIN" stat $S --fn mean gini --format json | sed -n 's/^  "value": \([-0-9.e+]*\),*$/\1/p')
close "$got" "$v"; echo "$? stat --fn mean --by all json value = R's mean $v"
for fn in growth pct_change; do
    "$BIN" stat $S --fn $fn gini --format csv > "$T/$fn.csv"
    grep "^$fn " "$ORA" | while read -r _ e v fy ly; do
        got=$(awk -F, -v e="$e" '$1 == e { print $2 }' "$T/$fn.csv")
        close "$got" "$v"; echo "$? stat --fn $fn csv: $e = R $v"
        if [ -n "$fy" ]; then
            awk -F, -v e="$e" -v a="$fy" -v b="$ly" 'NR == 1 { for (j = 1; j <= NF; j++) c[$j] = j }
                $1 == e { exit !($c["first_year"] == a && $c["last_year"] == b) }' "$T/$fn.csv"
            echo "$? stat --fn $fn csv: $e from $fy to $ly"
        fi
    done
done
} | while read -r rc desc; do k=$((k + 1)); if [ "$rc" -eq 0 ]; then echo "ok $k - $desc"; else echo "not ok $k - $desc"; fi; done > "$T/tap2"
cat "$T/tap2"
n=$((n + $(grep -c '' "$T/tap2"))); fails=$((fails + $(grep -c '^not ok' "$T/tap2")))
echo "1..$n"
[ "$fails" -eq 0 ]
