# plot --script naming the --data file is refused before anything is written (was: the data file replaced by the script), exit 21; the data file is unchanged
args: --version > /dev/null; cp $IN $TMP/keep.csv; "$BIN" plot scatter y x --data $IN --script $IN --script-only; rc=$?; cmp -s $IN $TMP/keep.csv || rc=98; exit $rc
exit: 21
stderr-match: ^cpr-stats: plot: --script .*input\.csv would overwrite the input --data .*input\.csv; choose another output \(nothing was written\)$
--- input
iso3,year,y,x
ARG,2000,1,2
ARG,2001,2,3
BRA,2000,3,1
BRA,2001,5,4
