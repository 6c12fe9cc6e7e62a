# plot --describe (issue 16): the caption names what is drawn by its catalogue labels, the
# sample, and each variable's source with its indicator code and provenance folder; the
# title is --title; no directory of the machine appears in the file (only aggregates.csv)
args: plot series poverty pov_420 pov_830 --data $ROOT/datasets/aggregates.csv --countries LCN --title 'LAC poverty' -o $TMP/p.svg --script $TMP/p.gp --script-only --describe $TMP/p.json && cat $TMP/p.json && grep -c "$ROOT" $TMP/p.json
exit: 1
stdout-match: "title": "LAC poverty"
stdout-match: One line each for: Poverty headcount ratio at \$3\.00 a day \(2021 PPP\); Poverty headcount ratio at \$4\.20 a day \(2021 PPP\); Poverty headcount ratio at \$8\.30 a day \(2021 PPP\)\. Vertical axis: Poverty headcount ratio \(% of population\)\.
stdout-match: Sample: LCN \(Latin America & Caribbean
stdout-match: Source: World Bank WDI, SI\.POV\.DDAY \(provenance: datasets/sources/wb-wdi\); World Bank WDI June 2025, SI\.POV\.LMIC, SI\.POV\.UMIC \(provenance: datasets/sources/wb-wdi-poverty-lines-2025\); data file aggregates\.csv\.
stdout-match: ^0$
stdout-not-match: pov_420
