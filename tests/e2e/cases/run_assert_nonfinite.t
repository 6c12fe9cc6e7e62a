# run: an assertion on an undefined value says NA / infinity, never nan or inf (exit 1)
args: run $IN
exit: 1
stderr-match: input.csv:1: assertion failed: 0/0 > 1 \(value NA\)
stderr-match: input.csv:2: assertion failed: 1/0 < 0 \(value \+infinity\)
--- input
assert 0/0 > 1
assert 1/0 < 0
