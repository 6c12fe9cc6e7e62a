# one row for two coefficients (N < K): refused like N = K, not GSL's abort in QRPT (exit 134)
args: regress --data $IN -f 'y ~ x'
exit: 13
stderr-match: ^cpr-stats: 1 observations for 2 coefficients: no residual degrees of freedom$
stderr-not-match: gsl|GSL
--- input
iso3,year,y,x
ARG,2010,1,2
