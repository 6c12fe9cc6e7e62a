# text in a year column of a DataBank export: exit 8 naming line and column
args: describe --data $IN
exit: 8
stderr-match: input.csv:3: column '2011 \[YR2011\]': 'n/a yet' is not a number
--- input
"Country Name","Country Code","Series Name","Series Code","2010 [YR2010]","2011 [YR2011]"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7",".."
"Brazil","BRA","Gini index","SI.POV.GINI","..","n/a yet"
