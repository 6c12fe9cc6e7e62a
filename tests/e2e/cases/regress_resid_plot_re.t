# --resid-script works for random effects: x'b and y - x'b on every row (values checked against R in tests/scripts/test_resid_levels.sh)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' -m re --resid-script $TMP/r.gp
exit: 0
stderr-match: plot: wrote .*r\.gp
file-present: $TMP/r.gp
