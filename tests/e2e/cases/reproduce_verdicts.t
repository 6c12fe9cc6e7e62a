# reproduce: a small manifest exercising each verdict, decided from computed values
args: reproduce --manifest $IN
exit: 0
stdout-match: ^\| A \| reproduced \| 8292 \|
stdout-match: ^\| B \| direction \| 8292 \|.*\| level differs \|$
stdout-match: ^\| C \| contradicted \| 8292 \|.*\| too low \|$
stdout-match: ^\| D \| untestable \| - \|.*\| needs: x \|$
stdout-match: ^4 claims: 1 reproduced, 0 partial, 1 direction, 0 inconclusive, 1 contradicted, 1 untestable$
--- input
claim A
stat --data ${DATA}/aggregates.csv --countries LCN --at 2021 gdp_pc
let v = value
measured "{v:.0f}"
reproduced if $v ~= 8300 tol 1%
claim B
measured "{v:.0f}"
reproduced if $v ~= 9000 tol 1%
direction if $v > 5000 why "level differs"
claim C
measured "{v:.0f}"
reproduced if $v > 20000
otherwise contradicted why "too low"
claim D
try stat --at 2018 no_such_var
untestable if failed why "needs: x"
