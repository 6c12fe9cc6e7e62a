# pweights with classical SEs are refused, as in Stata (usage, exit 2)
args: regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ value' --weight w --weight-type pweight --se iid
exit: 2
stderr-match: pweights need robust or clustered
