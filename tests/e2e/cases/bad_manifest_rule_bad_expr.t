# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: malformed expression: column 3: expected '\)'
--- input
claim C1
reproduced if (1
