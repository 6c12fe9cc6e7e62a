# run: a missing batch file is exit 3
args: run $TMP/nope.cpr
exit: 3
stderr-match: nope.cpr
