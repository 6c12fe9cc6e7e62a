# --iv-method must name an IV estimator (usage error, exit 2, the choices listed)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 -f 'log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax' --iv-method ols
exit: 2
stderr-match: --iv-method must be one of 2sls\|liml\|fuller\|gmm, not 'ols'
