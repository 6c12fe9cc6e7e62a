# rows with weight 0 are left out (counted in a note), a missing weight drops the row (listwise)
args: regress --data $IN -f 'y ~ x' --model pooled --se hc1 --weight w
exit: 0
stdout-match: 1 observations with weight 0 left out
stdout-match: 1 observations dropped for missing values
stdout-match: weights: w \(aweight\)
--- input
id,year,y,x,w
a,2000,1,2,1
a,2001,2,3,0
b,2000,3,1,2
b,2001,4,5,
c,2000,2,2,1
c,2001,5,1,1
d,2000,2,7,3
d,2001,5,3,1
