# a power that would print in exponent notation (x^1e18) is refused, as it could not be read back (exit 12)
args: regress --data $IN -f 'y ~ x^1111111111111111114'
exit: 12
stderr-match: expected a power between 0.0001 and 1e15
--- input
id,year,y,x
a,2000,1,2
a,2001,2,3
