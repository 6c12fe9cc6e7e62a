# Stata .dta version 113 (Stata 8/9)
args: describe --data $ROOT/tests/data/formats/wdi_v113.dta
exit: 0
stdout-match: ^gini +19 +2010 +2014 +41.1 +48.9526 +54.4$
