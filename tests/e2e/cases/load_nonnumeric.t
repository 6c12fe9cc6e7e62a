# a text cell in a numeric column names line, column and value, exit 8
args: describe --data $IN
exit: 8
stderr-match: input.csv:4: column 'gdp': 'n/a\?' is not a number
--- input
iso3,year,gdp
ARG,2000,1.5
ARG,2001,2
BRA,2000,n/a?
