# a DataBank export with the same country and series twice: exit 9 naming both lines
args: describe --data $IN
exit: 9
stderr-match: input.csv:4: a second value for \(ARG, 2010, SI.POV.GINI\); the first is on line 2
--- input
"Country Name","Country Code","Series Name","Series Code","2010 [YR2010]","2011 [YR2011]"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7",".."
"Brazil","BRA","Gini index","SI.POV.GINI","..","52.9"
"Argentina","ARG","Gini index","SI.POV.GINI","43.7","42.7"
