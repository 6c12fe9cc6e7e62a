# describe: the mean of values near DBL_MAX is finite, not inf
args: describe --data $IN
exit: 0
stdout-match: ^v +3 +2000 +2001 +1 +9e\+307 +1\.7e\+308$
stdout-not-match: inf|nan
--- input
id,year,v
a,2000,1e308
a,2001,1.7e308
b,2000,1
