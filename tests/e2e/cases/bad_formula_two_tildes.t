# formula error: y ~ x ~ z (exit 12, column named)
args: regress --data $IN -f 'y ~ x ~ z'
exit: 12
stderr-match: unexpected '~' at column 7
--- input
id,year,y,x,z
a,2000,1.1,2,1
a,2001,2.3,3,1
a,2002,2.9,5,1
b,2000,4.2,1,2
b,2001,5.1,4,2
b,2002,6.4,2,2
c,2000,7.3,8,3
c,2001,8.8,6,3
c,2002,9.1,9,3
