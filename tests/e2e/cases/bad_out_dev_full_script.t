# a full disk while writing --script is reported (exit 15), not ignored
args: plot scatter aid poverty -o $TMP/f.svg --script /dev/full --script-only
exit: 15
stderr-match: /dev/full: write error: No space left on device
