# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: bad number format '.q' in '\{x:.q\}'
--- input
claim C1
measured "{x:.q}"
otherwise untestable
