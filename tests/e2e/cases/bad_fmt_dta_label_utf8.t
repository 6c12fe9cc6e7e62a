# a Stata 118 variable label that is not UTF-8: exit 7 naming the variable
args: describe --data $ROOT/tests/data/formats/bad/label_not_utf8.dta
exit: 7
stderr-match: label_not_utf8.dta: the label of variable 'gini' is not valid UTF-8
