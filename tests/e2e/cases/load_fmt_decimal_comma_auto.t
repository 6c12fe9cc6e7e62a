# ';' file with decimal commas: detected, said in a note, values as numbers
args: describe --data $ROOT/tests/data/formats/decimal_comma.csv
exit: 0
stdout-match: ^gini +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^unemployment +25 +2010 +2014 +4.819 +7.3624 +11.153$
stderr-match: decimal commas: ';'-separated
