# a misspelt --entity on a World Bank file: exit 10 with "did you mean"
args: describe --data $IN --entity 'Country Cod'
exit: 10
stderr-match: input.csv:1: no column 'Country Cod' for the entity; did you mean 'Country Code'\?
--- input
"Country Name","Country Code","Series Name","Series Code","2010 [YR2010]"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7"
