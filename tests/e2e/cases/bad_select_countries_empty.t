# --countries '' selects nothing: a usage error naming the option
args: describe --countries ''
exit: 2
stderr-match: ^cpr-stats describe: --countries '' names no iso3$
