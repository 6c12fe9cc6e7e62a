# a text column regress does not use may hold anything (it is split, not stored); the fit is that of the file without it
args: regress --data $IN -f 'y ~ x' --format csv
exit: 0
stdout-match: ^x,
--- input
id,year,y,x,note
a,2000,1,2,"first, with a comma"
a,2001,2,3.5,second
b,2000,3,5,NA
b,2001,4,4,"two
lines"
c,2000,5,7,7
