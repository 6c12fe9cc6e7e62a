# --time with a layout whose years are columns: exit 10 saying why
args: describe --data $IN --time year
exit: 10
stderr-match: input.csv:1: --time 'year': in this World Bank layout the years are the columns; leave out --time
--- input
"Country Name","Country Code","Series Name","Series Code","2010 [YR2010]"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7"
