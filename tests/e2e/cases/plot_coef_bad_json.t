# plot coef on a file that is not JSON names the file, line and column, exit 17
args: plot coef $IN -o $TMP/c.png
exit: 17
stderr-match: input\.csv:1:[0-9]+: not a JSON regression result
file-absent: $TMP/c.png
--- input
iso3,year
