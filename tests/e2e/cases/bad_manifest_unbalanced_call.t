# batch file error: exit 17 naming file and line
args: run $IN
exit: 17
stderr-match: input.csv:2: malformed expression: .*unbalanced brackets
--- input
regress aid poverty
assert coef(aid.estimate < 0
