# a .dta declaring a format version no Stata wrote: exit 7 naming it
args: describe --data $ROOT/tests/data/formats/bad/version199.dta
exit: 7
stderr-match: version199.dta: Stata format version 199, which cannot be read \(.dta versions 104-119
