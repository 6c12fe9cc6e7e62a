# plot coef: two saved models side by side; the script holds each model's estimate (plm two-way FE value 0.117715855) and interval, bootstrap interval where the run had one
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm + year' --format json > $TMP/a.json && ${TEST_WRAPPER:-} "$BIN" regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' -m pooled --se hc1 --format json > $TMP/b.json && ${TEST_WRAPPER:-} "$BIN" plot coef $TMP/a.json $TMP/b.json --labels FE,pooled --script $TMP/c.gp --script-only && cat $TMP/c.gp
exit: 0
stdout-match: ^\$M1B << EOD$
stdout-match: ^0\.117715855[0-9]* [0-9.]+ 0\.0932292944
stdout-match: ^FE: 95% CI|'FE: 95% CI'
stdout-not-match: \$M2B
