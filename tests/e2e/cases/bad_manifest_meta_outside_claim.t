# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:1: 'says' outside a claim
--- input
says "x"
