# a gzip header followed by bytes that are not deflate data: exit 7
args: describe --data $ROOT/tests/data/formats/bad/corrupt.csv.gz
exit: 7
stderr-match: corrupt.csv.gz: corrupt gzip data
