# a header without data rows, exit 5
args: describe --data $IN
exit: 5
stderr-match: input.csv:2: header row only, no data rows
--- input
iso3,year,gdp
