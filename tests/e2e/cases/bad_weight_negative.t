# a negative weight is an error naming the variable, entity and year (exit 8)
args: regress --data $IN -f 'y ~ x' --weight w
exit: 8
stderr-match: weight variable 'w': value -1 at id b, year 2001 is negative
--- input
id,year,y,x,w
a,2000,1,2,1
a,2001,2,3,1
b,2000,3,1,2
b,2001,4,5,-1
c,2000,2,2,1
c,2001,5,1,1
