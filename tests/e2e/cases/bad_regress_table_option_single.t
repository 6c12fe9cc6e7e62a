# regress: a table option with one model is refused, not ignored (usage, exit 2)
args: regress aid poverty --titles 'Baseline'
exit: 2
stderr-match: --titles is a table option
