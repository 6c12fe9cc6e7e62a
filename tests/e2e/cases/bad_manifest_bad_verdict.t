# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: unknown verdict 'sure'
--- input
claim C1
expect sure
