# an unknown regressor gets a did-you-mean hint, exit 11
args: regress aidd poverty
exit: 11
stderr-match: unknown variable 'aidd' in .*lac_panel.csv: did you mean 'aid'\?
