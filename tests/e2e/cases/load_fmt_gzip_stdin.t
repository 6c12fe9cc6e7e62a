# gzip on standard input
args: describe --data - < $ROOT/tests/data/formats/API_SI.POV.GINI_DS2_en_csv_v2.csv.gz
exit: 0
stdout-match: ^SI_POV_GINI +19 +2010 +2014 +41.1 +48.9526 +54.4$
