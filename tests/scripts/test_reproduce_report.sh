#!/bin/sh
# The reproduction report's content (issue 13): the verdict rules at the top,
# every sample listed, the C01 robustness block, the C15 sample list, the C20
# sample (33 ECLAC states, no China), Table 1 of paper 001 and the new claim
# IDs. Numbers are compared with tests/unit/oracle/claims_samples.out, computed
# in R from the raw sources (command in claims_samples.R).
set -u
BIN=${CPR_BIN:-build/cpr-stats}
ORA=tests/unit/oracle/claims_samples.out
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
has() { grep -q -- "$1" "$R"; }
ora() { awk -v k="$1" '{ key = $1; for (i = 2; i < NF; i++) key = key " " $i; if (key == k) print $NF }' "$ORA"; }
r3() { awk -v x="$1" 'BEGIN { printf "%.3f", x }'; }
r1() { awk -v x="$1" 'BEGIN { printf "%.1f", x }'; }

${TEST_WRAPPER:-} "$BIN" reproduce --out "$T/rep" > "$T/table" 2> "$T/err"
R=$T/rep/report.md
[ -s "$R" ]; check $? "reproduce --out wrote report.md"
has '^## How verdicts are decided'; check $? "the verdict rules are at the top of the report"
for w in reproduced partial direction inconclusive contradicted untestable; do
    has "^  $w "; check $? "the rules define '$w'"
done
# C01: the robustness block, 24 specifications, and its samples
k=$(grep -c '^- [ 0-9][0-9]\. .*lag [012], .*ODA-like .*boot p' "$R")
[ "$k" = 24 ]; check $? "C01 robustness block lists 24 specifications (got $k)"
has 'Holm-adjusted over these 9'; check $? "C01 by type carries the Holm correction"
has 'by type (PARTIAL: GCDF 3.0 geocoded'; check $? "C01 by type carries the PARTIAL caveat"
has '^- headline (poverty ~ aid, two-way FE): ARG '; check $? "C01 headline sample lists its countries and years"
# C01: the leave-one-country-out table (claims.json "loo") against the R
# brute force of tests/unit/oracle/c01_loo.R (refits and their CV3 CIs), 1e-8
J=$T/rep/claims.json
awk '/"loo": \{/ { on = 1 } on && /"sample":/ { s = $0; sub(/.*"sample": "/, "", s); sub(/".*/, "", s);
        if (s ~ /^all /) s = "all"; else sub(/^without /, "", s) }
     on && /"(estimate|conf_low|conf_high|nobs|n_clusters)":/ { v = $2; sub(/,$/, "", v); row = row " " v }
     on && /"n_clusters":/ { print s row; row = "" } on && /^      \]/ { on = 0 }' "$J" > "$T/loo"
k=$(wc -l < "$T/loo"); [ "$k" = 20 ]; check $? "C01 leave-one-country-out: the full sample and 19 refits (22 countries less 3 singletons; got $k rows)"
bad=$(awk 'NR == FNR { o[$1] = $0; next } { split(o[$1], r, " "); if (!($1 in o)) { print $1; next }
        for (i = 2; i <= 6; i++) { a = $i + 0; b = r[i] + 0; d = a - b; if (d < 0) d = -d;
            m = (a < 0 ? -a : a); if ((b < 0 ? -b : b) > m) m = (b < 0 ? -b : b);
            if (d > 1e-8 * m) { print $1 " field " i ": " a " vs R " b; next } } }' tests/unit/oracle/c01_loo.out "$T/loo")
[ -z "$bad" ]; check $? "C01 leave-one-country-out estimates and CV3 CIs equal R's brute force to 1e-8 ${bad:+($bad)}"
[ -s "$T/rep/figures/c01_loo.svg" ]; check $? "C01 leave-one-country-out figure drawn"
grep -q 'C01: the aid coefficient with each country left out' "$T/rep/figures/c01_loo.svg"; check $? "the figure has a title"
grep -q 'Source: World Bank WDI' "$T/rep/figures/c01_loo.svg"; check $? "the figure names its source data"
grep -q '^| without CRI | ' "$R"; check $? "the report lists the refits as a table"
# few-cluster inference in the verdicts (issue 20): CV3 SEs and WCR31
k=$(grep -c "cpr-stats regress .*--se cr3 --boot-type wcr31" "$R"); [ "$k" -ge 30 ]; check $? "C01 and C20 regressions use CV3 and WCR31 ($k commands)"
# C01b
has 'reaches both trimming bounds: 1'; check $? "C01b flags an LR interval at the trimming bounds"
has 'B = 999'; check $? "C01b uses B = 999"
# C01b: each regime's slope, its countries and observations, against R
for k in 1 2; do
    w=$(ora "C01b regime$k" | head -1)
    line=$(awk -v k="C01b regime$k" '$1 " " $2 == k { print $3 " " $4 " " $5 }' "$ORA")
    nobs=${line%% *}; rest=${line#* }; ncty=${rest%% *}; list=${rest#* }
    lab=$([ "$k" = 1 ] && echo lower || echo upper)
    got=$(grep "^- $lab regime: " "$R" | sed 's/^[^:]*: ([^)]*): //' | awk -F': ' '{ n = split($2, a, "; "); s = "";
          for (i = 1; i <= n; i++) { c = a[i]; sub(/ .*/, "", c); m = a[i]; sub(/.*\(/, "", m); sub(/\).*/, "", m);
              s = s (i > 1 ? "," : "") c ":" m } print $1 "|" s }')
    [ "$got" = "$nobs observations, $ncty countries|$list" ]; check $? "C01b $lab regime: $nobs observations in $ncty countries, listed as R finds ($got)"
    has "^- $lab regime, wgi_ge [<>=]* 0.219: slope of aid_gdp -*[0-9.]* \[95% CI .*\], $nobs observations in $ncty countries"
    check $? "C01b $lab regime slope shown with its CI and counts"
done
# C15: the 20 republics and the drop-one samples, against R
r20=$(r3 "$(ora 'C15 r20')"); rc=$(r3 "$(ora 'C15 drop CUB')"); rh=$(r3 "$(ora 'C15 drop HTI')")
has "the 20 Latin American republics (ARG BOL BRA CHL COL CRI CUB DOM ECU SLV GTM HND HTI MEX NIC PAN PRY PER URY VEN): r = $r20"
check $? "C15 lists the 20 republics, r = $r20 as R"
has "19 without CUB (18 mainland republics + Haiti, no Cuba: the likely 19): r = $rc"; check $? "C15 18 mainland + Haiti: r = $rc as R"
has "19 without HTI (the manifest's former sample: Cuba in, Haiti out): r = $rh"; check $? "C15 Cuba in, Haiti out: r = $rh as R"
k=$(grep -c '^- 19 without [A-Z]\{3\}' "$R"); [ "$k" = 20 ]; check $? "C15 lists all 20 drop-one samples (got $k)"
has 'closest to the paper.s |r| = 0.8029: drop-one sample no. 7 '; check $? "C15: dropping Cuba (no. 7) comes closest, as R finds"
has '0.8453 is unexplained'; check $? "C15 names -0.8453 as unexplained"
has 'c15_clientelism\|Clientelism and voice & accountability, the 20 Latin American republics'; check $? "C15 scatter names its sample"
# C20: 33 ECLAC states, no China, N and clusters as R
N=$(ora 'C20 N'); G=$(ora 'C20 clusters')
grep -q "^| C20 | .*N = $N, $G clusters" "$T/table"; check $? "C20: N = $N, $G clusters as R (33 ECLAC states)"
grep '^- two-way FE, the 33 ECLAC states:' "$R" | grep -qv 'CHN'; check $? "C20 sample listed, without China"
# Table 1 and the new claims
has '^| dimension | LAC (33 ECLAC states) | LAC, paper | Sub-Saharan Africa (48) | SSA, paper | OECD (38) | OECD, paper |$'
check $? "Table 1 is a table: LAC, SSA and OECD, each computed beside the paper"
for dim in 'Political stability' 'Government effectiveness' 'Voice and accountability' 'Regulatory quality' 'Rule of law' 'Control of corruption'; do
    key=$(echo "$dim" | tr ' ' '_')
    want="| $dim | $(r1 "$(ora "T1 LAC $key")") | [^|]* | $(r1 "$(ora "T1 SSF $key")") | [^|]* | $(r1 "$(ora "T1 OED $key")") | [^|]* |"
    grep -q "^$want\$" "$R"; check $? "Table 1 row '$dim' as R computes it from the raw WGI file"
done
grep -q '<caption>Table 1 of paper 001' "$T/rep/report.html"; check $? "Table 1 in the HTML report, through src/report (caption)"
for id in C21 C22 C23 C24 C25 C26 C27 C28 C29 C30 C31 C32; do
    grep -q "^| $id | " "$T/table"; check $? "claim $id is in the table"
done
grep -q '^| C17 | partial | .*untested: 2021' "$T/table"; check $? "C17 is partial and names its untested parts"
echo "1..$n"
exit $fail
