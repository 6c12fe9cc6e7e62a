# log(0) leaves one row on a cross-section with two regressors: exit 13 with a message, no abort
args: regress --data $IN -f 'y ~ log(x) + z'
exit: 13
stderr-match: 1 observations for 3 coefficients
--- input
id,y,x,z
a,1,2,3
b,2,0,1
