# an empty file, exit 4
args: describe --data $IN
exit: 4
stderr-match: input.csv: empty file
--- input
