# bad option value: exit 2 naming the option
args: regress aid poverty --effects both
exit: 2
stderr-match: effects
