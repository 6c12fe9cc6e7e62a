# batch file with a NUL byte: exit 7
args: --version > /dev/null; printf 'regress aid poverty\000\n' > $TMP/m.cpr; "$BIN" run $TMP/m.cpr
exit: 7
stderr-match: not a text file \(NUL byte\)
