# a file-size limit truncates gnuplot's PNG (no IEND chunk): write error 15, nothing installed
args: --version > /dev/null; (trap '' XFSZ; ulimit -f 8; "$BIN" plot scatter aid_gdp poverty -o $TMP/p.png)
exit: 15
stderr-match: p\.png: the figure gnuplot wrote is incomplete
file-absent: $TMP/p.png
