# --endog/--instrument build the IV part; --reduced-form prints the reduced form after the 2SLS table (R: iv_cigarettes.out cs_coef, iid SEs)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 --model pooled --se iid --endog 'log(rprice)' --instrument tdiff,rtax 'log(rprice)' 'log(rincome)' 'log(packs)' --reduced-form
exit: 0
stdout-match: ^Formula: +log\(packs\) ~ log\(rincome\) \| 0 \| log\(rprice\) ~ tdiff \+ rtax$
stdout-match: ^Estimator: +Two-stage least squares \(2SLS\)$
stdout-match: ^log\(rprice\) +-1\.27742 +0\.263199 
stdout-match: ^ +First-stage F, log\(rprice\) +244\.734$
stdout-match: ^Formula: +log\(packs\) ~ log\(rincome\) \+ tdiff \+ rtax$
stdout-match: ^Estimator: +Reduced form: Pooled OLS$
