# a time value that is not a whole number, exit 8
args: describe --data $IN
exit: 8
stderr-match: input.csv:3: column 'year': time value '2001.5' is not a whole number
--- input
iso3,year,gdp
ARG,2000,1.5
ARG,2001.5,2
