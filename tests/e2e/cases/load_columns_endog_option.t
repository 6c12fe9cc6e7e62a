# regress loads only the columns it reads: --controls, --endog and --instrument name columns outside the formula, and they are kept
args: regress --data $IN -f 'y ~ x' --controls v --endog e --instrument inst --model pooled --se hc1
exit: 0
stdout-match: ^Formula: +y ~ x \+ v \| 0 \| e ~ inst$
stdout-match: ^e +
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
d,2000,7.2,9,3.5,6.1,7.2,3,1,,u
d,2001,8.0,8,10.5,6.0,8.1,3,2,2,u
