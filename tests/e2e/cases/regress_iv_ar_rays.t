# Anderson-Rubin set that is not an interval (weak instruments): two rays, printed as such (ends checked in tests/unit/oracle/iv_methods.R)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 --model pooled -f 'log(packs) ~ log(rprice) | 0 | log(rincome) ~ tdiff + rtax' --se hc1
exit: 0
stdout-match: Anderson-Rubin 95% confidence set for log\(rincome\): \(-inf, 0\.80[0-9]*\] U \[322\.9[0-9]*, \+inf\)
