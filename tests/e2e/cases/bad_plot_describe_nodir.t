# plot --describe into a directory that does not exist: exit 15 naming the file, no description written
args: plot series poverty --data $ROOT/datasets/aggregates.csv --countries LCN -o $TMP/p.svg --script $TMP/p.gp --script-only --describe $TMP/nodir/p.json
exit: 15
stderr-match: nodir/p\.json: cannot create a temporary file beside it
file-absent: $TMP/nodir/p.json
