# non-zero values near 1e-200 are refused with the variable named; zeros do not count as small (exit 13)
args: regress --data $IN -f 'y ~ x + tiny' --bootstrap 0
exit: 13
stderr-match: variable 'tiny': non-zero values as small as 5e-200 are out of range
--- input
id,year,y,x,tiny
a,2000,1,2,0
a,2001,2,3,0
a,2002,3,1,1
b,2000,5,4,0
b,2001,4,2,2
b,2002,6,7,5e-200
c,2000,1,2,0
c,2001,3,5,1e-180
c,2002,2,4,-3
d,2000,7,1,0
d,2001,8,2,0
