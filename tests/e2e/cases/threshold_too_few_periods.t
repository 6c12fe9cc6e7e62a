# threshold on one year: fixed effects leave nothing to estimate, exit 13
args: threshold --data $ROOT/tests/data/threshold_sim.csv -f 'y ~ x + z | id' --regime x --threshold q --year 2003
exit: 13
stderr-match: too few
