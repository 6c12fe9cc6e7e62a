# stat: an unknown variable gets a hint, exit 11
args: stat --at 2021 gdp_pcc
exit: 11
stderr-match: did you mean 'gdp_pc'
