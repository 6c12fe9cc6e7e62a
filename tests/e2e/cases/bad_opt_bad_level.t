# bad option value: exit 2 naming the option
args: regress aid poverty --level 1.5
exit: 2
stderr-match: --level must lie between 0.5 and 1
