# a failed plot leaves the previous output file untouched (no partial file)
args: --version > /dev/null; echo previous > $TMP/fig.svg; CPR_GNUPLOT=false "$BIN" plot scatter aid poverty -o $TMP/fig.svg; rc=$?; cat $TMP/fig.svg; ls -a $TMP | grep -c tmp; exit $rc
exit: 16
stderr-match: gnuplot \(false\) drawing
stdout-match: ^previous$
stdout-match: ^0$
