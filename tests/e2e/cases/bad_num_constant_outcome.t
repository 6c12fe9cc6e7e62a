# a constant outcome is an error, not a table of zero standard errors (exit 13)
args: regress --data $IN -f 'c ~ x'
exit: 13
stderr-match: outcome 'c' is constant \(5 in all 9 observations\)
--- input
id,year,c,x,z
a,2000,5,2,1
a,2001,5,3,1
a,2002,5,5,1
b,2000,5,1,2
b,2001,5,4,2
b,2002,5,2,2
c,2000,5,8,3
c,2001,5,6,3
c,2002,5,9,3
