# correlate on panel data: the iid p is labelled as such, and Pearson's r is tested by entity (CR1 p and the wild cluster bootstrap over all 2^10 sign vectors), as R (tests/unit/oracle/correlate_cluster.R/.out: p_cluster 2.814065948e-06, p_boot 0.013671875)
args: correlate --data $REF/grunfeld/data.csv value inv
exit: 0
stdout-match: ^Clusters \(entities\): +10$
stdout-match: ^Pearson p, clustered by entity \(CR1, t\(G-1\)\): +2\.814e-06$
stdout-match: ^Pearson p, wild cluster bootstrap \(all 1024 sign vectors\): +0\.01367$
stdout-match: p \(iid rows\)
stdout-match: ^panel data: the table's p-values and intervals treat the 200 rows \(entity-years\) as independent
