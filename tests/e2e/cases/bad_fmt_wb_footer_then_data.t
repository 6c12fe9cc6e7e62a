# a data row after footer-like lines: they were not a footer, and the first is named as a row without a key
args: describe --data $IN
exit: 8
stderr-match: input.csv:3: column 'Country Code': the entity key is missing
--- input
"Country Name","Country Code","Series Name","Series Code","2010 [YR2010]"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7"
"Data from database: World Development Indicators",,,,
"Brazil","BRA","Gini index","SI.POV.GINI","52.9"
