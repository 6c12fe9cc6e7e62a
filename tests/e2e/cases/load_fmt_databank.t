# World Bank DataBank export (years as "2010 [YR2010]" columns, ".." missing, CRLF, footer) reshaped to entity x year
args: describe --data $ROOT/tests/data/formats/databank_wdi.csv
exit: 0
stdout-match: ^Panel: +5 entities \(Country Code\), 5 periods \(year 2010-2014\), 25 rows
stdout-match: ^SI_POV_GINI +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^SL_UEM_TOTL_ZS +25 +2010 +2014 +4.819 +7.3624 +11.153$
stderr-match: World Bank layout with years as columns: 2 series -> 2 variables over 5 entities
stderr-match: 4 footer lines
stdout-match: ^  SI_POV_GINI +Gini index \[SI.POV.GINI\]$
