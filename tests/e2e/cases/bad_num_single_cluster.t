# cluster-robust SEs with one cluster: exit 13
args: regress --data $IN -f 'y ~ x' --se cluster
exit: 13
stderr-match: cluster-robust standard errors need at least 2 clusters
--- input
id,year,y,x
a,2000,1,2
a,2001,2,3
a,2002,4,3
a,2003,3,7
