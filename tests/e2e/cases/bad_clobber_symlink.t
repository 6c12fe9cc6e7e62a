# an output that is a symlink to the input (or ./input) is the same file: compared by device and inode, exit 21
args: --version > /dev/null; ln -s input.csv $TMP/link.gp; "$BIN" plot scatter y x --data $IN --script $TMP/link.gp --script-only; a=$?; "$BIN" plot scatter y x --data input.csv --script ./input.csv --script-only; b=$?; [ "$a" = 21 ] || exit $a; exit $b
exit: 21
stderr-match: --script .*link\.gp would overwrite the input --data .*input\.csv
stderr-match: --script \./input\.csv would overwrite the input --data input\.csv
--- input
iso3,year,y,x
ARG,2000,1,2
ARG,2001,2,3
BRA,2000,3,1
BRA,2001,5,4
