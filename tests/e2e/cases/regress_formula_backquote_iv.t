# --endog/--instrument set the IV part of the parsed formula: a backquoted `a|b` is neither a '|' nor left among the exogenous terms. R 4.2 (AER): d <- read.csv(IN, check.names = FALSE); summary(ivreg(poverty ~ `a|b` + z | w + z, data = d))$coef -> const 7.57611477 (1.21856129), `a|b` 1.89172149 (0.23609560), z 0.16730629 (0.24722998)
args: regress --data $IN -f 'poverty ~ `a|b` + z' --controls '`a|b`' --endog '`a|b`' --instrument w --se iid --first-stage
exit: 0
stdout-match: ^Formula: +poverty ~ z \| 0 \| `a\|b` ~ w$
stdout-match: ^const +7\.57611 +1\.21856 
stdout-match: ^z +0\.167306 +0\.24723 
stdout-match: ^`a\|b` +1\.89172 +0\.236096 
stdout-match: ^Formula: +`a\|b` ~ z \+ w$
--- input
poverty,a|b,z,w
10,1,3,2
12,2,1,3
15,3,4,3
13,4,1,5
19,5,5,4
18,6,9,7
22,7,2,6
25,8,6,9
24,9,4,8
29,10,8,11
