# regress X Y --quiet: no outcome note, no progress
args: regress aid poverty --bootstrap 0 --quiet
exit: 0
stderr-not-match: outcome
