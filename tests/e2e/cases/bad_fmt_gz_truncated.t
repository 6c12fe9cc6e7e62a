# a truncated .csv.gz: exit 7, nothing loaded
args: describe --data $ROOT/tests/data/formats/bad/truncated.csv.gz
exit: 7
stderr-match: truncated.csv.gz: truncated gzip data
