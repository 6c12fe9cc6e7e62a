# stat: an unknown function is a usage error
args: stat --fn average gdp_pc
exit: 2
stderr-match: unknown --fn 'average'
