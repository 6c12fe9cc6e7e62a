# bad option value: exit 2 naming the option
args: regress aid poverty --se robust
exit: 2
stderr-match: --se
