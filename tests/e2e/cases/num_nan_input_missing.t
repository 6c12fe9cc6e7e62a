# NaN in the input is a missing value: the row is dropped and counted, no nan printed
args: regress --data $IN -f 'y ~ x' --model ols --format json
exit: 0
stdout-match: "n_dropped": 1
stdout-not-match: nan|NaN|inf
--- input
y,x
1,2
2,NaN
3,5
4,4
6,9
