# a regressor that is identically zero leaves a singular design: exit 13
args: regress --data $IN -f 'y ~ zero - 1' --model ols
exit: 13
stderr-match: singular|collinear|zero
--- input
y,zero
1,0
2,0
3,0
