# run: failed assertions are all listed with FILE:LINE and the value, exit 1 (an unset $name is missing; a path not in the result is an error: bad_run_assert_typo)
args: run $IN
exit: 1
stderr-match: input.csv:3: assertion failed: coef\(aid\)\.estimate > 0 \(value -0\.008653925282\)$
stderr-match: input.csv:4: assertion failed: \$nope < 0\.05 \(\$nope is missing\)$
stderr-match: input.csv:6: assertion failed: value ~= 45\.4 tol 5% \(value 53\.7\)$
stdout-match: 2 commands, 4 assertions, 3 failed$
--- input
regress aid poverty
assert nobs > 0
assert coef(aid).estimate > 0
assert $nope < 0.05
stat --data ${DATA}/aggregates.csv --countries LCN --at 2002 pov_830
assert value ~= 45.4 tol 5%
