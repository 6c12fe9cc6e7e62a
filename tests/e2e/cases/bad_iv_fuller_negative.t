# --fuller must be positive: usage error, exit 2
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 -f 'log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax' --iv-method fuller --fuller -1
exit: 2
stderr-match: --fuller must be positive, not '-1'
