# --fuller A without --iv-method fuller: usage error, exit 2
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 -f 'log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax' --fuller 4
exit: 2
stderr-match: --fuller A goes with --iv-method fuller
