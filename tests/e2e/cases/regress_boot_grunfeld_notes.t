# with fewer than 50 clusters the text output says why the bootstrap is shown and that it was exact
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --boot-weights rademacher
exit: 0
stdout-match: boot p +\[boot 95% CI\]
stdout-match: ^G = 10 clusters \(< 50\): cluster-robust p-values can be too small; wild cluster bootstrap \(WCR, Rademacher, all 2\^10 weight vectors\)
stdout-match: exact: all 2\^10 = 1024 weight vectors enumerated
stdout-match: ^Formula: +inv ~ value \+ capital \| firm$
stdout-match: ^Std\. errors: +Clustered by firm
