# gmm --resid-script writes the differenced residuals against dX'b (one point per firm and equation year; values checked against plm in tests/scripts/test_gmm_resid.sh)
args: gmm --data $ROOT/tests/data/emplUK.csv -f 'log(emp) ~ L.log(emp) + L2.log(emp) + log(wage) + L.log(wage) + log(capital) + log(output) + L.log(output)' --time-effects --twostep --resid-script $TMP/r.gp --format csv
exit: 0
file-present: $TMP/r.gp
stderr-match: ^plot: wrote .*r\.gp$
stdout-match: ^L\.log\(emp\),0\.4741506014[0-9]*,
