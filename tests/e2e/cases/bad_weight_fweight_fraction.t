# fweights must be integers (exit 8, naming the row)
args: regress --data $IN -f 'y ~ x' --weight w --weight-type fweight
exit: 8
stderr-match: weight variable 'w': value 1.5 at id a, year 2001 is not an integer
--- input
id,year,y,x,w
a,2000,1,2,1
a,2001,2,3,1.5
b,2000,3,1,2
b,2001,4,5,1
c,2000,2,2,1
c,2001,5,1,1
