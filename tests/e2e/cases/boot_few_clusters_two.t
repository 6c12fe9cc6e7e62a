# issue 14: two clusters: Webb weights enumerated (36 vectors), p over every draw (never < 2.2e-16), the interval unbounded, and a warning that no p-value is reliable at G = 2
args: regress -f 'poverty ~ log(gdp_pc)' --countries ARG,BRA
exit: 0
stdout-match: ^log\(gdp_pc\) +-12\.0507 .* 0\.3333 +NA$
stdout-not-match: 2\.2e-16
stdout-match: ^warning: with G = 2 clusters no bootstrap p-value is reliable \(fewer than 6 clusters
stdout-match: ^Webb's six-point weights: with G = 2 < 12 clusters
stdout-match: exact: all 6\^2 = 36 weight vectors enumerated
stdout-match: ^one cluster dominates log\(gdp_pc\): BRA holds
