# -o X --script X: two outputs naming one file (one would be lost) are refused, exit 21, nothing written
args: plot scatter y x --data $IN -o $TMP/x.svg --script $TMP/sub/../x.svg
exit: 21
stderr-match: ^cpr-stats: plot: --output .*x\.svg and --script .*sub/\.\./x\.svg name one file, so one output would overwrite the other; choose different outputs \(nothing was written\)$
file-absent: $TMP/x.svg
--- input
iso3,year,y,x
ARG,2000,1,2
ARG,2001,2,3
BRA,2000,3,1
BRA,2001,5,4
