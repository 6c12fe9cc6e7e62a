# Inf in the input is refused, not computed with, exit 8
args: describe --data $IN
exit: 8
stderr-match: input.csv:3: column 'gdp': value 'Inf' is not finite
--- input
iso3,year,gdp
ARG,2000,1.5
ARG,2001,Inf
