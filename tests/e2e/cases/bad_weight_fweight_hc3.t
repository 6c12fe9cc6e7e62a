# fweights with leverage-based HC2/HC3 are refused
args: regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ value' --weight fw --weight-type fweight --se hc3
exit: 2
stderr-match: not available with fweights
