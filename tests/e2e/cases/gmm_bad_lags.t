# gmm --gmm-lags must be MIN:MAX, exit 2
args: gmm --data $ROOT/tests/data/emplUK.csv -f 'log(emp) ~ L.log(emp)' --gmm-lags 3:2
exit: 2
stderr-match: --gmm-lags must be MIN:MAX
