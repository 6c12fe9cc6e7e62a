# a directory given as data, exit 3
args: describe --data $TMP
exit: 3
stderr-match: is a directory
