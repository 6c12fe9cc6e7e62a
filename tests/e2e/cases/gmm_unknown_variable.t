# gmm with an unknown variable exits 11 with a hint
args: gmm --data $ROOT/tests/data/emplUK.csv -f 'log(emp) ~ L.log(emp) + log(wages)'
exit: 11
stderr-match: wages
