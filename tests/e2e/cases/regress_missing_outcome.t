# regress with one variable says the outcome goes last, exit 2
args: regress aid
exit: 2
stderr-match: missing outcome: give 'X... Y' with the outcome last
