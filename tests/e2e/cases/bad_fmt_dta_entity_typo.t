# a misspelt --entity on a Stata file: exit 10 with "did you mean"
args: describe --data $ROOT/tests/data/formats/wdi.dta --entity iso
exit: 10
stderr-match: wdi.dta: no variable 'iso' for the panel key; did you mean 'iso3'\?
