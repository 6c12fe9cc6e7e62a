# a misspelt --time on a plain CSV: exit 10 naming file and line with "did you mean"
args: describe --data $IN --time yeer
exit: 10
stderr-match: input.csv:1: no column 'yeer' for the panel key; did you mean 'year'\?
--- input
id,year,x
a,2000,1
