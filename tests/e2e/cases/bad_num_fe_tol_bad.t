# --fe-tol out of range is a usage error (exit 2)
args: regress -f 'poverty ~ aid_gdp | iso3 + year' --fe-tol 5
exit: 2
stderr-match: --fe-tol must lie between 0 and 1
