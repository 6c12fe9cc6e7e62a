# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: 'otherwise' takes no condition
--- input
claim C1
otherwise reproduced if 1
