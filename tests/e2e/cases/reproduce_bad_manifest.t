# reproduce: a malformed manifest is exit 17 with FILE:LINE
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:3: 'says' outside a claim
--- input
# no claim started
note "x"
says "oops"
