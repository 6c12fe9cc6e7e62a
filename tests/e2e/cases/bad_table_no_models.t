# table: no saved models given (usage, exit 2)
args: table
exit: 2
stderr-match: give the saved models
