# --weight-type without --weight, and an unknown kind, are usage errors
args: regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ value' --weight-type fweight; test $? = 2 && "$BIN" regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ value' --weight w --weight-type iweight
exit: 2
stderr-match: --weight-type needs --weight VAR
stderr-match: aweight\|pweight\|fweight
