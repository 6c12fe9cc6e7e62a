# entity fixed effects when every entity has one period (T = 1): exit 13 with advice
args: regress --data $IN -f 'y ~ x | id'
exit: 13
stderr-match: every entity is observed in a single period \(T = 1 for all 4 entities\)
stderr-match: --model pooled
--- input
id,year,y,x
a,2000,1,2
b,2001,2,3
c,2002,4,3
d,2003,3,7
