# Cragg-Donald F and Stock-Yogo critical values against gretl 2022c, two endogenous regressors, all 96 rows:
# gretl: series z3 = tdiff*rtax; series z4 = tdiff^2; tsls lp const lr li ; const tdiff rtax z3 z4
# prints "Cragg-Donald minimum eigenvalue = 2.55389", TSLS bias 11.04 7.56 5.57 4.73, TSLS size 16.87 9.93 7.54 6.28
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --model pooled -f 'log(packs) ~ 1 | 0 | log(rprice) + log(rincome) ~ tdiff + rtax + tdiff:rtax + tdiff^2' --se iid
exit: 0
stdout-match: Cragg-Donald Wald F \(iid\) +2\.55389$
stdout-match: 2SLS relative bias: 5%: 11\.04, 10%: 7\.56, 20%: 5\.57, 30%: 4\.73
stdout-match: 2SLS size: 10%: 16\.87, 15%: 9\.93, 20%: 7\.54, 25%: 6\.28
