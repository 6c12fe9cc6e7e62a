# --iv-method / --asymptotic on a model without an IV part: usage error, exit 2
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 -f 'log(packs) ~ log(rincome)' --iv-method liml
exit: 2
stderr-match: --iv-method and --asymptotic apply to IV models
