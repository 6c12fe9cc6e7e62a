# table: a missing saved model is named (exit 3)
args: table $ROOT/tests/e2e/data/models/ols.json nonexistent.json
exit: 3
stderr-match: nonexistent.json: cannot open
