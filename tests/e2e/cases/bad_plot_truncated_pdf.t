# a file-size limit truncates gnuplot's PDF (no %%EOF): write error 15, nothing installed
args: --version > /dev/null; (trap '' XFSZ; ulimit -f 4; "$BIN" plot scatter aid_gdp poverty -o $TMP/p.pdf)
exit: 15
stderr-match: p\.pdf: the figure gnuplot wrote is incomplete
file-absent: $TMP/p.pdf
