# --controls joins the terms of the parsed formula, not its text: a column named `a|b` stays one name (issue 18; once "unknown variable 'a + z |b'"). R 4.2: d <- read.csv(IN, check.names = FALSE); summary(lm(poverty ~ `a|b` + z, d))$coef -> 7.599300087 (1.42725702), 2.007874016 (0.30860011), 0.029746282 (0.27503979)
args: regress --data $IN -f 'poverty ~ `a|b`' --controls z
exit: 0
stdout-match: ^Formula: +poverty ~ `a\|b` \+ z$
stdout-match: ^const +7\.5993 +1\.42726 
stdout-match: ^`a\|b` +2\.00787 +0\.3086 
stdout-match: ^z +0\.0297463 +0\.27504 
stderr-not-match: unknown variable
--- input
poverty,a|b,z
10,1,3
12,2,1
15,3,4
13,4,1
19,5,5
18,6,9
22,7,2
25,8,6
