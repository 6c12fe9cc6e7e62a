# regress loads only its columns, but a text cell in a numeric column it does not use still fails the load as before (exit 8, line and column named)
args: regress --data $IN -f 'y ~ x'
exit: 8
stderr-match: input.csv:5: column 'z': 'oops' is not a number
stdout-not-match: Estimator
--- input
id,year,y,x,z
a,2000,1,2,3
a,2001,2,3,4
b,2000,3,5,5
b,2001,4,4,oops
c,2000,5,7,6
