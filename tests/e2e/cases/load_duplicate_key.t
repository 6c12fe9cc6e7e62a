# duplicate (entity, time) keys name both lines, exit 9
args: describe --data $IN
exit: 9
stderr-match: input.csv:4: duplicate key \(ARG, 2000\): the same iso3 and year as line 2
--- input
iso3,year,gdp
ARG,2000,1
BRA,2000,2
ARG,2000,3
