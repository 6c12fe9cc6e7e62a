# an unknown --model word lists the choices, exit 2
args: regress aid poverty --model xx
exit: 2
stderr-match: --model must be one of ols\|pooled\|fe\|re\|be\|fd, not 'xx'
