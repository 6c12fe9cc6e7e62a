# duplicate rows in a long (World Bank) file, exit 9
args: describe --data $IN
exit: 9
stderr-match: input.csv:3: duplicate row for \(ARG, 2000, GDP\); first seen on line 2
--- input
iso3,year,indicator,value
ARG,2000,GDP,1
ARG,2000,GDP,2
