# a file-size limit truncates gnuplot's SVG (gnuplot still exits 0): write error 15, the previous file stays
args: --version > /dev/null; echo previous > $TMP/p.svg; (trap '' XFSZ; ulimit -f 20; "$BIN" plot scatter aid_gdp poverty -o $TMP/p.svg); rc=$?; grep -qx previous $TMP/p.svg || rc=98; ls -a $TMP | grep -q 'tmp' && rc=99; exit $rc
exit: 15
stderr-match: p\.svg: the figure gnuplot wrote is incomplete \(disk full or file size limit\?\); the previous file is left as it was
