# regress aid poverty: aid in US$ million (constant 2021); the 3 singletons (BRB, GRD, LCA: one survey year each) are dropped as reghdfe does; coefficient, CR1 SE and p equal the R oracle built from the raw sources (tests/unit/oracle/c01_units.R/.out: b -0.008653925282, se 0.006766167861, p 0.2171408513, N 308, 19 clusters)
args: regress aid poverty
exit: 0
stdout-match: ^N: +308 
stdout-match: ^Clusters: +19$
stdout-match: ^aid +-0\.00865393 +0\.00676617 +-1\.279 +0\.2171 
stdout-match: ^dropped 3 singleton observations \(alone in their entity or period under the fixed effects, found iteratively as reghdfe does
