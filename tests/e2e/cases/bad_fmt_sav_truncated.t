# a truncated SPSS file: exit 7 naming the file
args: describe --data $ROOT/tests/data/formats/bad/truncated.sav
exit: 7
stderr-match: truncated.sav: cannot read this SPSS file: the file ends early
