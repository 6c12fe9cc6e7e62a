# a truncated Stata file: exit 7 naming the file
args: describe --data $ROOT/tests/data/formats/bad/truncated.dta
exit: 7
stderr-match: truncated.dta: cannot read this Stata file: the file ends early
