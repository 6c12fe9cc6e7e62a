# regress loads only the columns it reads: the --weight variable is kept (dropping it would fail with exit 11)
args: regress --data $IN -f 'y ~ x' --weight w --model pooled --se hc1
exit: 0
stdout-match: weights: w \(aweight\)
stdout-match: ^x +
--- input
id,year,y,x,v,e,inst,g,w,zm,unused
a,2000,1.0,2,1.5,0.3,1.1,1,1,,u
a,2001,2.1,3,2.5,0.9,2.3,1,2,1,u
a,2002,2.9,3.5,3.5,1.2,2.9,1,1,2,u
b,2000,3.0,5,4.5,2.1,3.3,2,1,1,u
b,2001,4.1,4,5.5,2.2,4.0,2,2,,u
b,2002,4.8,6,1.5,2.9,5.1,2,1,3,u
c,2000,5.0,7,7.5,3.9,5.5,3,1,,u
c,2001,6.3,6,2.5,4.2,6.1,3,3,2,u
