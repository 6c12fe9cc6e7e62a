#!/bin/sh
# reproduce --out (issue 16): the report page is valid HTML5 (tidy, where
# installed) with unique ids although every inlined gnuplot SVG names its
# elements gnuplot_canvas, gnuplot_plot_1, ...; every figure is numbered
# with a title and a caption naming its source; the papers are cited by
# author and year with a References section; legends and axis titles use
# the catalogue's labels; non-negative series have no axis below zero; and
# no absolute local path appears anywhere in the output directory.
# Skipped without gnuplot.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
W=$(mktemp -d "${TMPDIR:-/tmp}/cpr-report.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
n=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
if ! command -v gnuplot >/dev/null 2>&1; then echo "ok 1 - # SKIP gnuplot not installed"; exit 0; fi
if ${TEST_WRAPPER:-} "$BIN" reproduce --out "$W/r" > /dev/null 2> "$W/err"; then check 0 "reproduce --out runs"
else check 1 "reproduce --out runs: $(head -3 "$W/err")"; exit 0; fi
H=$W/r/report.html
k=$(grep -o '<svg' "$H" | wc -l)
[ "$k" -ge 2 ]; check $? "several SVG figures inlined ($k)"
dup=$(grep -o ' id="[^"]*"' "$H" | sort | uniq -d | head -3 | tr '\n' ' ')
[ -z "$dup" ]; check $? "every id is unique ${dup:+(duplicates: $dup)}"

# valid HTML5: tidy reports nothing (no error, no warning)
if command -v tidy >/dev/null 2>&1; then
    tidy -q -e "$H" > "$W/tidy" 2>&1
    [ ! -s "$W/tidy" ]; check $? "tidy finds no error or warning in report.html $(head -3 "$W/tidy" | tr '\n' ' ')"
    # the check can fail: a duplicated id and an unclosed element are reported
    sed 's|<h2 id="references">|<h2 id="references"><b>|; s|<section id="C02">|<section id="C01">|' "$H" > "$W/bad.html"
    tidy -q -e "$W/bad.html" > "$W/tidy2" 2>&1
    [ -s "$W/tidy2" ]; check $? "tidy reports a broken copy of the page"
else
    n=$((n + 1)); echo "ok $n - # SKIP tidy not installed (apt-get install tidy): HTML5 validation not run"
fi

# figures: numbered, titled, captioned with their source; as many as drawn
nf=$(ls "$W/r/figures/"*.svg | wc -l)
nc=$(grep -o '<figcaption><strong>Figure [0-9]*\. ' "$H" | wc -l)
[ "$nf" -ge 5 ] && [ "$nc" = "$nf" ]; check $? "every figure ($nf drawn) has a numbered caption ($nc)"
! grep -q 'Figure without a description\|No caption was written' "$H"; check $? "every figure has a title and a caption"
k=$(grep -o '<figcaption>.*</figcaption>' "$H" | grep -c 'Source: [^<]*provenance: datasets/sources/')
[ "$k" = "$nf" ]; check $? "every caption names its source and provenance ($k of $nf)"
grep -q 'Source: World Bank WDI, SI.POV.DDAY (provenance: datasets/sources/wb-wdi)' "$H"; check $? "the poverty figure names WDI SI.POV.DDAY"
# 001's Figure 1: the labelled scatter lists its sample
grep -q 'Clientelism and voice &amp; accountability, the 20 Latin American republics, 2021\.</strong>.*Sample (N = 20): ARG, BOL, BRA, CHL, COL, CRI, CUB, DOM, ECU, GTM, HND, HTI, MEX, NIC, PAN, PER, PRY, SLV, URY, VEN\.' "$H"
check $? "C15 scatter (001's Figure 1) lists its 20 countries"
grep -q '>URY</text>' "$W/r/figures/c15_clientelism.svg"; check $? "C15 scatter labels its points by country"

# references: author-year citations, not "000, part 1"
grep -q '<h2 id="references">References</h2>' "$H"; check $? "the report has a References section"
grep -q '<li id="ref-000">\[000\] Lin Hua (n.d., after 2021)\. <cite>Space and paths for poverty reduction' "$H"; check $? "paper 000 listed by author, year and title"
grep -q '<dt>Source</dt><dd><a href="#ref-001">Gao Bo (' "$H"; check $? "a claim's source cites its paper by author and year"
! grep -q '^- Source: 00[0-4],' "$W/r/report.md"; check $? "no claim's source is a bare paper number in report.md"

# legends and axis titles from the catalogue; non-negative axes from zero
P=$W/r/figures/c02_c03_poverty.svg
! grep -q '>pov_420<\|>pov_830<\|>poverty<' "$P"; check $? "the poverty figure's legend has no raw variable names"
grep -q 'Poverty headcount ratio at \$4.20 a day' "$P"; check $? "its legend uses the catalogue's labels"
grep -q '>Poverty headcount ratio (% of population)<' "$P"; check $? "its y-axis title covers every series drawn"
for f in c02_c03_poverty c17_trade; do
    ! grep -q '<text> *-[0-9]' "$W/r/figures/$f.svg"; check $? "$f: the axis of a non-negative series does not run below zero"
done

# no absolute local path anywhere in the output
for p in "$ROOT" "$W" "${HOME:-/nonexistent-home}" "${TMPDIR:-/nonexistent-tmp}"; do
    hits=$(grep -rlF "$p" "$W/r" | head -3 | tr '\n' ' ')
    [ -z "$hits" ]; check $? "no '$p' in the report, figures or JSON ${hits:+(found in: $hits)}"
done
echo "1..$n"
