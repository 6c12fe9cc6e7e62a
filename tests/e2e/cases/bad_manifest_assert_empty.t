# batch file error: exit 17 naming file and line
args: run $IN
exit: 17
stderr-match: input.csv:1: assert needs an expression
--- input
assert
