# an infinite value in a column regress does not use fails the load as before (exit 8)
args: regress --data $IN -f 'y ~ x'
exit: 8
stderr-match: input.csv:3: column 'z': value 'Inf' is not finite
--- input
id,year,y,x,z
a,2000,1,2,3.25
a,2001,2,3,Inf
b,2000,3,5,5
b,2001,4,4,6
