# an unknown command with a hint, exit 2
args: describcribe
exit: 2
stderr-match: unknown command 'describcribe'
