# cross-section 2SLS (1995, intercept) with HC1 SEs: matches R ivreg + vcovHC(type = "HC1") (iv_cigarettes.out cs_coef / cs_se_hc1)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 --model pooled -f 'log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax' --se hc1 --format csv
exit: 0
stdout-match: ^const,9\.894955541155[0-9]*,0\.9592169428[0-9]*,
stdout-match: ^log\(rincome\),0\.28040482508[0-9]*,0\.2538896534[0-9]*,
stdout-match: ^log\(rprice\),-1\.27742413342[0-9]*,0\.2496100003[0-9]*,
