# invalid UTF-8 (a Latin-1 file) says how to convert, exit 7
args: describe --data $ROOT/tests/e2e/data/latin1.csv
exit: 7
stderr-match: latin1.csv:2:4: invalid UTF-8.*iconv
