# LIML kappa and Stock-Yogo LIML size critical values against gretl 2022c (all 96 rows, one endogenous regressor, three instruments):
# gretl: series z3 = tdiff*rtax; tsls lp const lr ; const tdiff rtax z3 --liml  prints first-stage F(3, 92) = 129.22 and LIML size 6.46 4.36 3.69 3.32
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --model pooled -f 'log(packs) ~ 1 | 0 | log(rprice) ~ tdiff + rtax + tdiff:rtax' --se iid --iv-method liml
exit: 0
stdout-match: ^Estimator: +LIML$
stdout-match: Cragg-Donald Wald F \(iid\) +129\.22[0-9]*$
stdout-match: LIML size: 10%: 6\.46, 15%: 4\.36, 20%: 3\.69, 25%: 3\.32
stdout-match: LIML kappa +1\.[0-9]+
