# time effects on a single period: exit 13 naming the problem
args: regress --data $IN -f 'y ~ x | year'
exit: 13
stderr-match: all from a single period, so the time effects absorb everything
--- input
id,year,y,x
a,2000,1,2
b,2000,2,3
c,2000,4,3
d,2000,3,7
