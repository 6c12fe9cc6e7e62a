# formula error on a non-ASCII character shows the whole character, not a broken byte (exit 12)
args: regress --data $IN -f 'y ~ x + é'
exit: 12
stderr-match: unexpected 'é' at column 9
--- input
id,year,y,x
a,2000,1,2
a,2001,2,3
