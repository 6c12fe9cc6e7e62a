# regress output to a full disk: exit 15 with the reason
args: regress aid poverty --bootstrap 0 > /dev/full
exit: 15
stderr-match: write error on standard output: No space left on device
