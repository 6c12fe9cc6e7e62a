# an output file in a missing directory: exit 15 naming it, nothing written
args: plot scatter aid poverty -o $TMP/f.svg --script $TMP/nodir/f.gp --script-only
exit: 15
stderr-match: nodir/f.gp: cannot create a temporary file beside it: No such file or directory
file-absent: $TMP/nodir
