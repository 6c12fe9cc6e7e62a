# a formula syntax error names the column with a caret, exit 12
args: regress --data $REF/nist_longley/data.csv -f 'y ~ x1 + '
exit: 12
stderr-match: formula: unexpected end at column 10: expected a variable name
stderr-match: ^ +\^$
