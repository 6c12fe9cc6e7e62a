# --entity naming a column that is not there, with a hint, exit 10
args: describe --data $IN --entity contry
exit: 10
stderr-match: input.csv:1: no column 'contry' for the panel key; did you mean 'country'\?
--- input
country,year,gdp
Chile,2000,1
