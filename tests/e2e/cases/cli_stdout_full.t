# a write error on stdout is reported, not ignored
args: --help > /dev/full
exit: 15
stderr-match: write error on standard output
