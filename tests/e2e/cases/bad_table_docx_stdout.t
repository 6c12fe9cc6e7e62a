# table: --format docx needs a file (usage, exit 2)
args: table $ROOT/tests/e2e/data/models/ols.json --format docx
exit: 2
stderr-match: needs a file: -o table.docx
