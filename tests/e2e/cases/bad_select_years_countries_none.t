# --years and --countries that together select no row: a usage error naming both
args: regress -f 'poverty ~ aid_gdp' --countries ARG --years 1700-1800
exit: 2
stderr-match: --years 1700-1800 with --countries ARG selects no rows
