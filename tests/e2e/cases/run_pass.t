# run: a batch of commands with passing assertions on the bundled data
args: run $IN
exit: 0
stdout-match: : 2 commands, 4 assertions, 0 failed$
--- input
# headline model and a regional value
regress aid poverty
assert coef(aid).estimate < 0
assert nobs >= 100
stat --data ${DATA}/aggregates.csv --countries LCN --at 2021 gdp_pc
let v = value
assert $v ~= 8340 tol 2%
assert rows[entity=LCN,year=2021].value > 8000
