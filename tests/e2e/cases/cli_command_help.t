# COMMAND --help lists every option with its default
args: describe --help
exit: 0
stdout-match: ^Usage: cpr-stats describe
stdout-match: --data FILE.*\[default: the bundled panel\]
