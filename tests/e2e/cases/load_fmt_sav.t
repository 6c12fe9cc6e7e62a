# SPSS .sav: the user-missing code -99 is missing
args: describe --data $ROOT/tests/data/formats/wdi.sav
exit: 0
stdout-match: ^gini +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^unemployment +25 +2010 +2014 +4.819 +7.3624 +11.153$
