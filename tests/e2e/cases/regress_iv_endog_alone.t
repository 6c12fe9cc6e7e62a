# --endog without --instrument is a usage error
args: regress aid poverty --endog aid
exit: 2
stderr-match: --endog and --instrument go together
