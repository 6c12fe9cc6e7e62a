#!/bin/sh
# test_datasets.sh - TAP checks of datasets/ against the raw sources (issue 3).
# Run from the repository root:  sh tests/scripts/test_datasets.sh
# Raw values are looked up here with their own awk/grep, independently of
# scripts/datasets/*.awk. Exits non-zero if any check fails.
set -u
LC_ALL=C
export LC_ALL
SRC=${CPR_SOURCES:-datasets/sources}
D=datasets
P=$D/lac_panel.csv
G=$D/aggregates.csv
C=$D/catalogue.csv
n=0
fails=0

ok()   { n=$((n + 1)); echo "ok $n - $1"; }
nok()  { n=$((n + 1)); echo "not ok $n - $1"; fails=$((fails + 1)); }
check() { # check DESCRIPTION COMMAND...
    d=$1; shift
    if "$@"; then ok "$d"; else nok "$d"; fi
}
# strip the (possibly quoted) country field so that plain comma splitting works
unq() { sed 's/^\([^,]*\),"[^"]*"/\1,X/' "$1"; }
# cell FILE ISO YEAR VAR -> value (empty if missing)
cell() {
    unq "$1" | awk -F, -v I="$2" -v Y="$3" -v V="$4" '
        NR == 1 { for (j = 1; j <= NF; j++) if ($j == V) c = j; next }
        $1 == I && $3 == Y && c { print $c; exit }'
}
# raw_wdi FILE ISO INDICATOR YEAR -> value (country names here are never quoted)
raw_long() { tr -d '\r' < "$1" | awk -F, -v I="$2" -v K="$3" -v Y="$4" '$1 == I && $3 == K && $4 == Y { print $5; exit }'; }
same() { [ "$1" = "$2" ] && [ -n "$1" ]; }
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; s = (b < 0 ? -b : b); exit !(a != "" && b != "" && d <= t * (s > 1 ? s : 1)) }'; }

for f in "$P" "$G" "$C"; do
    [ -s "$f" ] || { echo "Bail out! $f missing: run sh scripts/build_datasets.sh"; exit 1; }
done

# ---------------------------------------------------------------- values vs raw files
v=$(raw_long "$SRC/wb-wdi/wdi_lac_long.csv" BRA SI.POV.DDAY 2019)
check "BRA 2019 poverty equals raw WDI SI.POV.DDAY ($v)" same "$(cell $P BRA 2019 poverty)" "$v"

v=$(raw_long "$SRC/wb-wdi/wdi_lac_long.csv" MEX NY.GDP.PCAP.CD 2010)
check "MEX 2010 gdp_pc equals raw WDI NY.GDP.PCAP.CD" same "$(cell $P MEX 2010 gdp_pc)" "$v"

v=$(raw_long "$SRC/wb-wdi-poverty-lines-2025/wb_poverty_lines_lac.csv" BOL SI.POV.LMIC 2015)
check "BOL 2015 pov_420 equals raw SI.POV.LMIC ($v)" same "$(cell $P BOL 2015 pov_420)" "$v"

v=$(tr -d '\r' < "$SRC/aiddata-gcdf3-country-year/gcdf3_lac_country_year.csv" |
    awk -F, 'NR == 1 { for (j = 1; j <= NF; j++) if ($j == "oda_adj_usd2021") c = j; next } $1 == "ARG" && $4 == 2016 { print $c }')
check "ARG 2016 aid (US\$ million) = raw GCDF3 oda_adj_usd2021 / 1e6 ($v)" near "$(cell $P ARG 2016 aid)" "$(awk -v a="$v" 'BEGIN { printf "%.15g", a / 1e6 }')" 1e-12
check "catalogue: aid is in US\$ million, constant 2021" grep -q '^aid,.*,"US\$ million, constant 2021",' $C
# aid_gdp: both sides constant 2021 US$. GDP 2021 (current US$) carried back
# to 2016 by WDI real growth 2017..2021, recomputed here from the raw file.
g21=$(raw_long "$SRC/wb-wdi/wdi_lac_long.csv" ARG NY.GDP.MKTP.CD 2021)
k16=$(tr -d '\r' < "$SRC/wb-wdi/wdi_lac_long.csv" | awk -F, -v g="$g21" '
    $1 == "ARG" && $3 == "NY.GDP.MKTP.KD.ZG" && $4 >= 2017 && $4 <= 2021 { g /= 1 + $5 / 100; n++ }
    END { if (n == 5) printf "%.15g", g }')
check "ARG 2016 gdp_k21 = GDP 2021 deflated by real growth 2017-21" near "$(cell $P ARG 2016 gdp_k21)" "$k16" 1e-9
check "ARG 2016 aid_gdp = 100 * raw amount / gdp_k21 (constant 2021 US\$ both)" near "$(cell $P ARG 2016 aid_gdp)" "$(awk -v a="$v" -v k="$k16" 'BEGIN { printf "%.15g", 100 * a / k }')" 1e-9
check "CUB has no aid_gdp (no 2021 GDP to anchor constant 2021 US\$)" [ -z "$(cell $P CUB 2010 aid_gdp)" ]

# GCDF 3.0 geocoded (PARTIAL): energy amount of the first energy cell, in US$ million
G3=$SRC/aiddata-gcdf3-geocoded-lac
r=$(tr -d '\r' < "$G3/gcdf3_geocoded_lac_country_year_group.csv" | awk -F, '$3 == "sector_group" && $4 == "energy" && $7 != "" { print $1 " " $2 " " $7; exit }')
set -- $r
check "$1 $2 g3p_energy = raw geocoded energy amount / 1e6 ($3)" near "$(cell $P $1 $2 g3p_energy)" "$(awk -v a="$3" 'BEGIN { printf "%.15g", a / 1e6 }')" 1e-12
cov=$(tr -d '\r' < "$G3/gcdf3_geocoded_lac_coverage_country_year.csv" | awk -F, -v I="$1" -v Y="$2" '$1 == I && $2 == Y { print $12 }')
check "$1 $2 g3p_coverage = raw share_of_total_adj ($cov)" same "$(cell $P $1 $2 g3p_coverage)" "$cov"
check "a covered country-year without a geocoded energy project has g3p_energy 0 (PER 2000)" [ "$(cell $P PER 2000 g3p_energy)" = 0 ]
check "g3p_* empty outside the 29 GCDF countries (GTM 2010)" [ -z "$(cell $P GTM 2010 g3p_energy)" ]
check "catalogue flags g3p_* as PARTIAL" grep -q '^g3p_infra,"PARTIAL (GCDF 3.0 geocoded' $C
pop=$(raw_long "$SRC/wb-wdi/wdi_lac_long.csv" ARG SP.POP.TOTL 2016)
check "ARG 2016 aid_pc = aid / population" near "$(cell $P ARG 2016 aid_pc)" "$(awk -v a="$v" -v p="$pop" 'BEGIN { printf "%.15g", a / p }')" 1e-9
check "ARG 2016 log_aid = ln(1 + aid_pc)" near "$(cell $P ARG 2016 log_aid)" "$(awk -v a="$v" -v p="$pop" 'BEGIN { printf "%.15g", log(1 + a / p) }')" 1e-9

v=$(tr -d '\r' < "$SRC/owid-pip-2022/pip_2017ppp_lac.csv" |
    awk -F, 'NR == 1 { for (j = 1; j <= NF; j++) if ($j == "$2.15 a day - share of population below poverty line") c = j; next } $2 == "Peru" && $3 == 2012 { print $c }')
check "PER 2012 pov_215_2017ppp equals raw PIP national row" same "$(cell $P PER 2012 pov_215_2017ppp)" "$v"
v=$(tr -d '\r' < "$SRC/owid-pip-2022/pip_2017ppp_lac.csv" |
    awk -F, 'NR == 1 { for (j = 1; j <= NF; j++) if ($j == "$2.15 a day - share of population below poverty line") c = j; next } $2 == "Uruguay" && $3 == 2019 { print $c }')
check "URY 2019 pov_215_2017ppp is the national, not the urban, PIP row" same "$(cell $P URY 2019 pov_215_2017ppp)" "$v"

v=$(tr -d '\r' < "$SRC/wb-wgi-2023/wgi_long.csv" | grep '^COL,' | awk -F, '$3 == 2018 && $4 == "GE" { print $8 }')
check "COL 2018 wgi_ge_pct equals raw WGI pct_rank ($v)" same "$(cell $P COL 2018 wgi_ge_pct)" "$v"

v=$(tr -d '\r' < "$SRC/imf-dots-china-lac/dots_china_lac_trade.csv" | grep '^BRA,CHN,' | awk -F, '$(NF-4) == 2020 { print $(NF-3) }')
check "BRA 2020 x_chn_rep equals raw DOTS BRA exports to CHN ($v)" same "$(cell $P BRA 2020 x_chn_rep)" "$v"
v=$(tr -d '\r' < "$SRC/imf-dots-china-lac/dots_china_lac_trade.csv" | grep '^CHN,BRA,' | awk -F, '$(NF-4) == 2020 { print $(NF-1) }')
check "BRA 2020 x_chn_mirror equals raw DOTS China imports from BRA ($v)" same "$(cell $P BRA 2020 x_chn_mirror)" "$v"

v=$(grep '"ARG",2015,' "$SRC/vdem-v12-demspaces/vdem_v12_governance_country_year.csv" | awk -F, '{ print $5 }')
check "ARG 2015 vdem_client equals raw v2xnp_client ($v)" same "$(cell $P ARG 2015 vdem_client)" "$v"

v=$(tr -d '\r' < "$SRC/aiddata-gcdf2-geocoded-lac/gcdf2_geocoded_lac_country_year_sector.csv" |
    awk -F, '$1 == "ECU" && $2 == 2010 && $3 == "infrastructure" { s += $7 } END { printf "%.2f", s }')
check "ECU 2010 gcdf2p_infra equals the raw sum over flow classes ($v)" near "$(cell $P ECU 2010 gcdf2p_infra)" "$v" 1e-12

v=$(tr -d '\r' < "$SRC/imf-dots-china-lac/dots_china_lac_trade.csv" |
    awk -F, '$1 == "CHN" && $2 != "WLD" && $2 != "WHEM" && $(NF-4) == 2000 { s += $(NF-3) + $(NF-1) } END { printf "%.10g", s }')
check "LAC33 2000 trade_chn_mirror equals raw China-reported sum over 33 partners ($v)" near "$(cell $G LAC33 2000 trade_chn_mirror)" "$v" 1e-9

v=$(tr -d '\r' < "$SRC/wb-wdi/wdi_lac_long.csv" | grep '^LCN,' | awk -F, '$(NF-2) == "NY.GDP.PCAP.CD" && $(NF-1) == 2021 { print $NF }')
check "LCN 2021 gdp_pc in aggregates equals raw WDI ($v)" same "$(cell $G LCN 2021 gdp_pc)" "$v"

v=$(tr -d '\r' < "$SRC/wb-wgi-2023/wgi_country_groups.csv" | awk -F, '$(NF-2) == 1 { print $1 }' > "${TMPDIR:-/tmp}/oecd.$$"
    tr -d '\r' < "$SRC/wb-wgi-2023/wgi_long.csv" | awk -F, -v L="${TMPDIR:-/tmp}/oecd.$$" '
        BEGIN { while ((getline x < L) > 0) m[x] = 1 }
        ($1 in m) && $(NF-6) == "GE" && $(NF-7) == 2022 && $(NF-2) != "" { s += $(NF-2); k++ }
        END { printf "%.10g", s / k }'; rm -f "${TMPDIR:-/tmp}/oecd.$$")
check "OED 2022 wgi_ge_pct_mean equals the raw unweighted OECD mean ($v)" near "$(cell $G OED 2022 wgi_ge_pct_mean)" "$v" 1e-8

# ---------------------------------------------------------------- missing-value rules
# cols_nonempty FILE COLREGEX ROWCOND: count non-empty cells in matching columns of rows where ROWCOND holds
cols_nonempty() {
    unq "$1" | awk -F, -v re="$2" "
        NR == 1 { for (j = 1; j <= NF; j++) if (\$j ~ re) c[j]; next }
        $3 { for (j in c) if (\$j != \"\") b++ } END { print b + 0 }"
}
CF='^(aid|oof|vof|cn_total|cn_recorded)(_pc|_gdp)?$|^log_'
r=$(tr -d '\r' < "$SRC/aiddata-gcdf3-country-year/gcdf3_lac_country_year.csv" | awk -F, '$5 == "0" { print $1 " " $4; exit }')
check "recorded=0 row ($r) has aid = 0, not empty" awk -v x="$(cell $P $r aid)" 'BEGIN { exit !(x != "" && x + 0 == 0) }'
check "Chinese finance empty before 2000 and after 2021" [ "$(cols_nonempty $P "$CF" '$3 < 2000 || $3 > 2021')" = 0 ]
check "Chinese finance empty for BLZ GTM KNA VCT and CHN in every year" \
    [ "$(cols_nonempty $P "$CF|^gcdf2p_" '$1 ~ /^(BLZ|GTM|KNA|VCT|CHN)$/')" = 0 ]
check "Chinese finance present (zero or more) for every GCDF country in 2000-2021" \
    [ "$(cols_nonempty $P '^aid$' '$1 !~ /^(BLZ|GTM|KNA|VCT|CHN)$/ && $3 >= 2000 && $3 <= 2021')" = $((29 * 22)) ]
check "GCDF2 partial variables empty outside 2000-2017" [ "$(cols_nonempty $P '^gcdf2p_' '$3 < 2000 || $3 > 2017')" = 0 ]
check "ARG 2000 gcdf2p_total is 0.00 (country in GCDF2, no geocoded project that year)" [ "$(cell $P ARG 2000 gcdf2p_total)" = "0.00" ]
check "poverty empty for CUB (no WDI survey) in every year" [ "$(cols_nonempty $P '^poverty$' '$1 == "CUB"')" = 0 ]

# ---------------------------------------------------------------- shape
uniq_keys()  { unq "$1" | awk -F, 'NR > 1 { k = $1 "," $3; if (k in s) exit 1; s[k] = 1 }'; }
sorted()     { unq "$1" | sed 1d | cut -d, -f1,3 | sort -c -t, -k1,1 -k2,2n; }
rect()       { unq "$1" | awk -F, 'NR == 1 { n = NF; next } NF != n { exit 1 }'; }
goodhead()   { head -1 "$1" | grep -q '^iso3,country,year,' && ! head -1 "$1" | tr , '\n' | grep -qv '^[a-z][a-z0-9_]*$'; }
noweird()    { ! grep -Eiq '(^|,)(-?nan|-?inf|-0)(,|$)' "$1"; }
for f in "$P" "$G"; do
    check "$f: (iso3, year) unique" uniq_keys "$f"
    check "$f: sorted by iso3 then year" sorted "$f"
    check "$f: every row has as many fields as the header" rect "$f"
    check "$f: key columns first, names are lowercase snake_case" goodhead "$f"
    check "$f: no nan/inf/-0 cells" noweird "$f"
done
panel_rows() {
    [ "$(sed 1d $P | cut -d, -f1 | sort -u | tr '\n' ' ')" = "ARG ATG BHS BLZ BOL BRA BRB CHL CHN COL CRI CUB DMA DOM ECU GRD GTM GUY HND HTI JAM KNA LCA MEX NIC PAN PER PRY SLV SUR TTO URY VCT VEN " ] &&
    sed 1d $P | cut -d, -f1,3 | awk -F, '$2 < 1990 { exit 1 } { c[$1]++ } END { for (k in c) if (c[k] != c["ARG"]) exit 1 }'
}
check "panel has the 33 LAC countries + CHN, each from 1990 to a common last year" panel_rows
check "panel is well under 3 MB" [ "$(wc -c < $P)" -lt 3000000 ]

# ---------------------------------------------------------------- ranges
range() { # range FILE LO HI REGEX-of-column-names
    unq "$1" | awk -F, -v lo="$2" -v hi="$3" -v re="$4" '
        NR == 1 { for (j = 1; j <= NF; j++) if ($j ~ re) { c[j]; nc++ } if (!nc) exit 1; next }
        { for (j in c) if ($j != "" && ($j + 0 < lo || $j + 0 > hi)) { print "# out of range: " $1 " " $3 " " $j; exit 1 } }'
}
check "percent shares (poverty lines, income shares, urban, unemployment, export shares, access, China shares) within 0-100" \
    range $P 0 100 '^(poverty|pov_[a-z0-9_]+|inc_share_[bt]20|urban|unemp|fuel_x|metal_x|elec_access|chn_share_[a-z]+)$'
check "gini within 0-100" range $P 0 100 '^gini$'
check "WGI percentile ranks within 0-100 (panel)" range $P 0 100 '^wgi_.*_pct$'
check "WGI group means within 0-100 (aggregates)" range $G 0 100 '^wgi_.*_pct_mean|^wgi_pct_mean6$'
check "WGI estimates within -3..3" range $P -3 3 '^wgi_(va|pv|ge|rq|rl|cc)$'
check "V-Dem indices within 0-1" range $P 0 1 '^vdem_'
check "aggregate poverty within 0-100" range $G 0 100 '^(poverty|pov_[a-z0-9_]+)$'

# ---------------------------------------------------------------- catalogue
check "catalogue header is exactly name,label,unit,source,source_code,licence,transform,file" \
    [ "$(head -1 $C)" = "name,label,unit,source,source_code,licence,transform,file" ]
cat_matches() { # the name field never needs quotes; file is the last field
    [ "$(head -1 "$D/$1.csv" | tr , '\n' | sort)" = "$(sed 1d $C | awk -F, -v F="$1" '$NF == F { print $1 }' | sort)" ]
}
check "lac_panel: every column has a catalogue row and every catalogue row a column" cat_matches lac_panel
check "aggregates: every column has a catalogue row and every catalogue row a column" cat_matches aggregates
cat_fields() {
    printf '%s\n' 'NR > 1 { n = csvsplit($0, f); if (n != 8 || f[2] == "" || f[3] == "" || f[6] == "") bad++ } END { exit bad > 0 }' > "$T0/cf.awk"
    awk -f scripts/datasets/csv.awk -f "$T0/cf.awk" $C
}
T0=$(mktemp -d "${TMPDIR:-/tmp}/cpr-test-datasets.XXXXXX")
trap 'rm -rf "$T0"' EXIT INT TERM
check "every catalogue row has 8 fields, a label, a unit and a licence" cat_fields
check "V-Dem columns carry CC BY-SA 4.0 in the catalogue" [ "$(grep '^vdem_' $C | grep -vc 'CC BY-SA 4.0')" = 0 ]
check "GCDF2 columns are labelled PARTIAL in the catalogue" [ "$(grep '^gcdf2p_' $C | grep -vc 'PARTIAL')" = 0 ]

# ---------------------------------------------------------------- verbatim CPI and determinism
check "TI CPI verbatim copy is byte-identical to the source" cmp -s "$SRC/ti-cpi-owid-2018/cpi_2012_2018_owid.csv" "$D/verbatim/ti_cpi_2012_2018_owid.csv"
check "TI CPI values are not merged into the panel or aggregates" [ "$(head -1 $P | grep -ci cpi)$(head -1 $G | grep -ci cpi)" = 00 ]

T=$T0
same_dir() {
    for f in lac_panel.csv aggregates.csv catalogue.csv cpi_iso3_map.csv verbatim/ti_cpi_2012_2018_owid.csv; do
        cmp -s "$D/$f" "$1/$f" || { echo "# differs: $f" >&2; return 1; }
    done
}
if CPR_SOURCES="$SRC" CPR_DATASETS_OUT="$T/a" sh scripts/build_datasets.sh 2>/dev/null; then
    check "rebuild reproduces datasets/ byte for byte" same_dir "$T/a"
else
    nok "rebuild reproduces datasets/ byte for byte (build failed)"
fi
for a in mawk gawk original-awk; do
    if command -v $a >/dev/null 2>&1; then
        if AWK="$a" CPR_SOURCES="$SRC" CPR_DATASETS_OUT="$T/$a" sh scripts/build_datasets.sh 2>/dev/null; then
            check "build with $a gives identical files" same_dir "$T/$a"
        else
            nok "build with $a gives identical files (build failed)"
        fi
    else
        n=$((n + 1)); echo "ok $n - build with $a # SKIP $a not installed"
    fi
done

echo "1..$n"
[ $fails -eq 0 ]
