# the IV output names the formula, the 2SLS estimator, the SE type, the KP first-stage F and why no bootstrap is shown
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv -f 'log(packs) ~ log(rincome) | state + year | log(rprice) ~ tdiff + rtax'
exit: 0
stdout-match: ^Formula: +log\(packs\) ~ log\(rincome\) \| state \+ year \| log\(rprice\) ~ tdiff \+ rtax$
stdout-match: ^Estimator: +2SLS with two-way fixed effects \(within\)$
stdout-match: ^Std\. errors: +Clustered by state, 48 clusters
stdout-match: ^ +Kleibergen-Paap rk Wald F, log\(rprice\) +90\.672[0-9]*$
stdout-match: wild cluster bootstrap is not implemented for IV
