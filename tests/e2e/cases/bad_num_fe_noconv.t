# unbalanced two-way FE that does not converge within --fe-maxiter: exit 14
args: regress -f 'poverty ~ aid_gdp | iso3 + year' --fe-maxiter 2
exit: 14
stderr-match: alternating projections did not converge in 2 sweeps
