# table: a broken JSON file is refused with its line and column (exit 17)
args: table $IN
exit: 17
stderr-match: input.csv:[0-9]+:[0-9]+: not valid JSON
--- input
{"model": "fe",
 "coefficients": [
