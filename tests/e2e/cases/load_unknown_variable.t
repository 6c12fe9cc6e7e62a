# an unknown variable gets a did-you-mean hint, exit 11
args: describe --data $IN --vars gdp,inflaton
exit: 11
stderr-match: no variable 'inflaton'; did you mean 'inflation'\?
--- input
iso3,year,gdp,inflation
ARG,2000,1,2
