# random effects when T = 1 for every entity: exit 13, not a vague singular-design message
args: regress --data $IN -f 'y ~ x' --model re
exit: 13
stderr-match: random effects: every entity is observed in a single period
--- input
id,year,y,x
a,2000,1,2
b,2001,2,3
c,2002,4,3
d,2003,3,7
e,2000,5,1
