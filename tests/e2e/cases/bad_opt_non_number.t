# bad option value: exit 2 naming the option
args: regress aid poverty --bootstrap many
exit: 2
stderr-match: bootstrap
