# control characters from the input (a terminal escape in a name) are shown as '?' in messages
args: regress --data $IN -f "$(printf 'y ~ `a\033[31mb`')"
exit: 11
stderr-match: unknown variable 'a\?\[31mb'
--- input
id,year,y,x
a,2000,1,2
a,2001,2,3
