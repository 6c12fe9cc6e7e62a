# a row with a field too many fails the load even when regress reads only some columns (exit 6 names the line)
args: regress --data $IN -f 'y ~ x'
exit: 6
stderr-match: input.csv:4: ragged row: 6 fields, the header has 5
--- input
id,year,y,x,note
a,2000,1,2,first
a,2001,2,3,second
b,2000,3,5,third,extra
b,2001,4,4,fourth
