# run: a malformed assertion is a batch-file error (17) naming line and column
args: run $IN
exit: 17
stderr-match: input.csv:2: malformed expression: column [0-9]+: .*coef\(aid\)\.estimate <<
--- input
regress aid poverty
assert coef(aid).estimate << 0
