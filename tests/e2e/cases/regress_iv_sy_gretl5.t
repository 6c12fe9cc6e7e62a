# Stock-Yogo critical values, one endogenous regressor and five instruments, against gretl 2022c:
# gretl: series z3 = tdiff*rtax; series z4 = tdiff^2; series z5 = rtax^2; tsls lp const lr ; const tdiff rtax z3 z4 z5
# prints first-stage F(5, 90) = 79.7905, TSLS bias 18.37 10.83 6.77 5.25, TSLS size 26.87 15.09 10.98 8.84
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --model pooled -f 'log(packs) ~ 1 | 0 | log(rprice) ~ tdiff + rtax + tdiff:rtax + tdiff^2 + rtax^2' --se iid
exit: 0
stdout-match: Cragg-Donald Wald F \(iid\) +79\.7905$
stdout-match: 2SLS relative bias: 5%: 18\.37, 10%: 10\.83, 20%: 6\.77, 30%: 5\.25
stdout-match: 2SLS size: 10%: 26\.87, 15%: 15\.09, 20%: 10\.98, 25%: 8\.84
