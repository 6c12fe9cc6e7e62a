# a gnuplot that hangs is stopped after --gnuplot-timeout (was: hung forever), exit 16, no temporary file left
args: --version > /dev/null; printf '#!/bin/sh\nexec sleep 30\n' > $TMP/hang.sh; chmod +x $TMP/hang.sh; CPR_GNUPLOT=$TMP/hang.sh "$BIN" plot scatter aid_gdp poverty -o $TMP/h.png --gnuplot-timeout 0.5; rc=$?; ls -a $TMP | grep -q 'tmp' && rc=99; exit $rc
exit: 16
stderr-match: gnuplot \(.*hang\.sh\) drawing .*h\.png did not finish within 0\.5 s and was stopped \(--gnuplot-timeout, CPR_GNUPLOT_TIMEOUT\)
file-absent: $TMP/h.png
