# manifest: a table row before any table of its claim is exit 17 naming the line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:4: 'row' before any 'table' of this claim
--- input
claim C1
table "T" "a"
claim C2
row "1"
