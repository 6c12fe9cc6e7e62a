# threshold with an unknown threshold variable exits 11
args: threshold --data $ROOT/tests/data/threshold_sim.csv -f 'y ~ x + z | id' --regime x --threshold qq
exit: 11
stderr-match: qq
