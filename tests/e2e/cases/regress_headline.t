# the headline command prints the formula, estimator, SE type and clusters
args: regress aid poverty
exit: 0
stdout-match: ^Formula: +poverty ~ aid \| iso3 \+ year$
stdout-match: ^Estimator: +Two-way fixed effects \(within\)$
stdout-match: ^Std\. errors: +Clustered by iso3, [0-9]+ clusters
stdout-match: ^aid +-?[0-9]
