# a ragged row names the line and counts, exit 6
args: describe --data $IN
exit: 6
stderr-match: input.csv:3: ragged row: 2 fields, the header has 3$
--- input
iso3,year,gdp
ARG,2000,1
BRA,2000
