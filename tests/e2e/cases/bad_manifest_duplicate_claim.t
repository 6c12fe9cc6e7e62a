# manifest file error: exit 17 naming file and line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:3: claim 'C1' is defined twice \(first at line 1\)
--- input
claim C1
otherwise untestable
claim C1
