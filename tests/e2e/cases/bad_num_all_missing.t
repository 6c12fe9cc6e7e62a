# every row missing after listwise deletion: exit 13 naming the row count
args: regress --data $IN -f 'y ~ x + w'
exit: 13
stderr-match: no observations left: every one of the 4 rows has a missing value
--- input
id,year,y,x,w
a,2000,1,2,NA
a,2001,2,3,
b,2000,3,1,..
b,2001,5,4,NaN
