# batch file error: exit 17 naming file and line
args: run $IN
exit: 17
stderr-match: input.csv:2: malformed expression: column [0-9]+: mismatched brackets in path
--- input
regress aid poverty
assert rows[entity=LCN) > 0
