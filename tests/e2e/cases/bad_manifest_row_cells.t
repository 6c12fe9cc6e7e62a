# manifest: a table row with fewer cells than the table has columns is exit 17 naming the line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:3: the row has 2 cells, the table on line 2 has 3 columns
--- input
claim C1
table "T" "a" "b" "c"
row "1" "2"
