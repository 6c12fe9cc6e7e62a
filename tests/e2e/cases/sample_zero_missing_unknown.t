# --zero-missing with an unknown variable names it and suggests the closest one
args: regress aid poverty --zero-missing aidd
exit: 11
stderr-match: no variable 'aidd'; did you mean 'aid'\?
