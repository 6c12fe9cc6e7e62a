# an output path that is a directory: exit 15
args: plot scatter aid poverty -o $TMP/f.svg --script $TMP --script-only
exit: 15
stderr-match: is a directory
