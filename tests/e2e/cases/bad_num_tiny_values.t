# non-zero values near 1e-300 are refused with the variable named (exit 13)
args: regress --data $IN -f 'y ~ x + tiny' --model pooled --se hc1
exit: 13
stderr-match: variable 'tiny': non-zero values as small as 1e-300
--- input
id,year,y,x,tiny
a,2000,1,2,1e-300
a,2001,2,3,2e-300
b,2000,3,1,4e-300
b,2001,5,4,0
c,2000,4,2,3e-300
c,2001,6,7,1e-299
