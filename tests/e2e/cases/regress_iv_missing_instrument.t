# an instrument that is not in the data is an unknown variable (exit 11)
args: regress --preset dreher2021 --instrument steel_prob
exit: 11
stderr-match: unknown variable 'steel_prob'
