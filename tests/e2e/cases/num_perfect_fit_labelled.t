# an exact fit is labelled: a note says the standard errors and p-values are not meaningful
args: regress --data $IN -f 'y ~ x' --model ols
exit: 0
stdout-match: ^essentially perfect fit \(the residuals are zero to rounding\)
stdout-not-match: nan|inf
--- input
y,x
3,1
5,2
7,3
9.2,4.1
11,5
