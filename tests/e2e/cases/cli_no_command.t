# no command at all, exit 2
args:
exit: 2
stderr-match: missing command
