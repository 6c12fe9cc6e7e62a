# an unknown weight variable is exit 11 with a hint
args: regress --data $IN -f 'y ~ x' --weight ww
exit: 11
stderr-match: unknown weight variable 'ww'.*did you mean 'w'
--- input
id,year,y,x,w
a,2000,1,2,1
a,2001,2,3,1
b,2000,3,1,2
b,2001,4,5,1
