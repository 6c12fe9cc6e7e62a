# a Parquet file: exit 7 with a conversion route
args: describe --data $ROOT/tests/data/formats/bad/data.parquet
exit: 7
stderr-match: data.parquet: a Parquet file, which cpr-stats does not read; write it out as CSV
