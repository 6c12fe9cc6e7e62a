# table: a JSON file that is not a saved model (a correlation) is refused, naming the file (exit 17)
args: correlate aid poverty --format json > corr.json; $BIN table corr.json
exit: 17
stderr-match: ^cpr-stats: corr.json: not a saved model
