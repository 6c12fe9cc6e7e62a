# gmm on four years (one differenced period after two lags) exits 13
args: gmm --data $ROOT/tests/data/emplUK.csv -f 'log(emp) ~ L.log(emp) + L2.log(emp) + log(wage) + L.log(wage) + log(capital) + log(output) + L.log(output)' --years 1976-1979
exit: 13
stderr-match: too few periods
