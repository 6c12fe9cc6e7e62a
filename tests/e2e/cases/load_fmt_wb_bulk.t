# World Bank bulk/API download: BOM, 4 preamble lines, "2010" year columns, trailing empty column
args: describe --data $ROOT/tests/data/formats/API_SI.POV.GINI_DS2_en_csv_v2.csv
exit: 0
stdout-match: ^SI_POV_GINI +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-not-match: ^V10
stderr-match: skipped 4 preamble lines
stderr-match: 1 empty column ignored
