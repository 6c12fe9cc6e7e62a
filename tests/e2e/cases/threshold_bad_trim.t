# threshold --trim 0.6 is a usage error (exit 2)
args: threshold --data $ROOT/tests/data/threshold_sim.csv -f 'y ~ x + z | id' --regime x --threshold q --trim 0.6
exit: 2
stderr-match: --trim must lie between 0 and 0.5
