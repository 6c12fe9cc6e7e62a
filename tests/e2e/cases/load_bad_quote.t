# broken quoting is a malformed CSV, exit 6
args: describe --data $IN
exit: 6
stderr-match: input.csv:2: malformed CSV
--- input
iso3,year,gdp
ARG,2000,1"2
