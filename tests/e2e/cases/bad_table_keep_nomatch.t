# table: a --keep pattern that matches no term is a typo, not an empty table (exit 11)
args: table $ROOT/tests/e2e/data/models/ols.json --keep log_aidd
exit: 11
stderr-match: --keep 'log_aidd' matches no term
