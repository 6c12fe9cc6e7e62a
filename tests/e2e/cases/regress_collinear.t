# an exactly collinear regressor is dropped and named, as R and Stata do
args: regress --data $IN -f 'y ~ x + z'
exit: 0
stdout-match: ^dropped z \(collinear\)$
stdout-not-match: ^z 
--- input
y,x,z
1,1,2
2,2,4
3,3,6.0
4,5,10
