# first differences without two consecutive periods: exit 13
args: regress --data $IN -f 'y ~ x' --model fd
exit: 13
stderr-match: first differences: no two consecutive periods
--- input
id,year,y,x
a,2000,1,2
a,2002,2,3
b,2000,4,3
b,2002,3,7
