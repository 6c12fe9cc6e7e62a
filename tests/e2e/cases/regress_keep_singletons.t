# --keep-singletons keeps the 3 one-observation countries (as plm and xtreg): N 311, 22 clusters, and the CR1 SE of the R oracle on the full sample (tests/unit/oracle/c01_units.R/.out: se 0.006738166813, p 0.2130203336); no singleton note
args: regress aid poverty --keep-singletons --bootstrap 0
exit: 0
stdout-match: ^N: +311 
stdout-match: ^Clusters: +22$
stdout-match: ^aid +-0\.00865393 +0\.00673817 +-1\.28431 +0\.213 
stdout-not-match: singleton
