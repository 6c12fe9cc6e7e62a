# the headline command on the bundled panel (22 countries, 19 clusters once the 3 singletons are dropped) adds the seeded WCR bootstrap and says why
args: regress aid poverty
exit: 0
stdout-match: ^aid +-?[0-9.e-]+ +[0-9.e-]+ +-?[0-9.e-]+ +[0-9.e-]+ +\[[^]]*\] +[0-9.]+ +\[[^]]*\]$
stdout-match: ^G = 19 clusters \(< 50\): cluster-robust p-values can be too small; wild cluster bootstrap \(WCR, Rademacher, B = 9999, seed 42\) reported beside them
stdout-match: time effects are not nested in the clusters, so they are partialled out
