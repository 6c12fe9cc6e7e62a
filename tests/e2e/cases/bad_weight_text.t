# a text weight column is exit 8
args: regress --data $IN -f 'y ~ x' --weight w
exit: 8
stderr-match: weight variable 'w' is text
--- input
id,year,y,x,w
a,2000,1,2,one
a,2001,2,3,two
b,2000,3,1,two
b,2001,4,5,one
