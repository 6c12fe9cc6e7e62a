#!/bin/sh
# test_claims_stat.sh - TAP: `cpr-stats stat` against values computed here
# with awk straight from the raw WDI extracts (and one OLS slope from the
# bundled aggregates), never against cpr-stats' own output.
set -u
LC_ALL=C
export LC_ALL
BIN=${CPR_BIN:-./build/cpr-stats}
SRC=${CPR_SOURCES:-datasets/sources}
WDI=$SRC/wb-wdi/wdi_lac_long.csv
REG=$SRC/wb-wdi-regional-extra/wdi_regional_extra_long.csv
n=0; fails=0
# The raw extracts are part of the repository: missing is a failure, not a skip.
for f in "$WDI" "$REG"; do
    [ -s "$f" ] || { echo "not ok 1 - raw WDI source $f missing (datasets/sources is in the repository)"; echo "Bail out!"; exit 1; }
done
check() { # check DESC GOT WANT TOL
    n=$((n + 1))
    if awk -v a="$2" -v b="$3" -v t="$4" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && b != "" && d <= t) }'; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1 (got '$2', want '$3')"; fails=$((fails + 1))
    fi
}
raw() { tr -d '\r' < "$1" | awk -F, -v I="$2" -v K="$3" -v Y="$4" '$1 == I && $3 == K && $4 == Y { print $5; exit }'; }
jval() { sed -n "s/^  \"$1\": \([-0-9.e+]*\),*$/\1/p" | head -1; }

want=$(raw "$REG" LCN NY.GDP.PCAP.CD 2021)
got=$("$BIN" stat --data datasets/aggregates.csv --countries LCN --at 2021 --format json gdp_pc | jval value)
check "LCN GDP per capita 2021 = raw WDI" "$got" "$want" 1e-6

a=$(raw "$WDI" ARG SP.POP.TOTL 2000); b=$(raw "$WDI" ARG SP.POP.TOTL 2021)
want=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.12g", b / a }')
got=$("$BIN" stat --countries ARG --years 2000-2021 --fn growth --format json pop | jval value)
check "ARG population growth multiple 2000-2021 = raw WDI ratio" "$got" "$want" 1e-9

want=$(for c in ARG BOL NIC; do raw "$WDI" $c NY.GDP.PCAP.CD 2021; done | awk '{ s += $1; n++ } END { printf "%.12g", s / n }')
got=$("$BIN" stat --countries ARG,BOL,NIC --at 2021 --fn mean --format json gdp_pc | jval value)
check "mean GDP per capita 2021 of ARG, BOL, NIC = raw WDI mean" "$got" "$want" 1e-6

want=$(for c in ARG BOL NIC; do raw "$WDI" $c NY.GDP.PCAP.CD 2021; done | sort -g | sed -n 2p)
got=$("$BIN" stat --countries ARG,BOL,NIC --at 2021 --fn median --format json gdp_pc | jval value)
check "median GDP per capita 2021 of ARG, BOL, NIC = raw WDI median" "$got" "$want" 1e-6

# OLS slope of LCN growth on CHN growth, 1991-2024, from the aggregates file
want=$(sed 's/^\([^,]*\),"[^"]*"/\1,X/' datasets/aggregates.csv | awk -F, '
    NR == 1 { for (j = 1; j <= NF; j++) if ($j == "gdp_growth") c = j; next }
    ($1 == "LCN" || $1 == "CHN") && $3 >= 1991 && $3 <= 2024 && $c != "" { v[$1, $3] = $c }
    END { for (y = 1991; y <= 2024; y++) if ((("LCN", y) in v) && (("CHN", y) in v)) {
              x = v["CHN", y]; z = v["LCN", y]; n++; sx += x; sz += z; sxx += x * x; sxz += x * z }
          printf "%.12g", (sxz - sx * sz / n) / (sxx - sx * sx / n) }')
got=$("$BIN" stat --data datasets/aggregates.csv --countries LCN --vs CHN --fn slope --years 1991-2024 --format json gdp_growth | jval value)
check "slope of LCN on CHN GDP growth = awk OLS" "$got" "$want" 1e-9

echo "1..$n"
[ "$fails" -eq 0 ]
