# --year that selects no row (printed "0 periods" and exit 0): a usage error naming the option and the data's range
args: describe --year 1800
exit: 2
stderr-match: ^cpr-stats describe: --year 1800 selects no rows of .*lac_panel\.csv \(year 1990 to 2025\)$
