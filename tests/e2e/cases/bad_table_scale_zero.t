# table: --scale needs a finite non-zero factor (usage, exit 2)
args: table $ROOT/tests/e2e/data/models/ols.json --scale aid=0
exit: 2
stderr-match: --scale wants VAR=FACTOR
