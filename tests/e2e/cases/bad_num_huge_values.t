# values near 1e300 are refused with the variable named, not dropped as constant (exit 13)
args: regress --data $IN -f 'y ~ x + big' --bootstrap 0
exit: 13
stderr-match: variable 'big': values as large as 4e\+300 are out of range
--- input
id,year,y,x,big
a,2000,1,2,1e300
a,2001,2,3,2e300
b,2000,3,1,4e300
b,2001,5,4,-1e300
c,2000,4,2,3e300
c,2001,6,7,1e300
