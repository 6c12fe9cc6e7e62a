# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: expected one quoted string
--- input
claim C1
says "a" "b"
